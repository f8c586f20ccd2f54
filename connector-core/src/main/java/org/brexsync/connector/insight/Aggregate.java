package org.brexsync.connector.insight;

/** What a column contributes to group subtotals and the grand total of a view. */
public enum Aggregate {
  /** Nothing. */
  NONE,
  /** The sum of numeric values (money is summed per currency). */
  SUM,
  /** The number of rows with a non-empty value. */
  COUNT,
  /** The smallest numeric value. */
  MIN,
  /** The largest numeric value. */
  MAX
}
