package org.brexsync.connector.filter;

/** Comparison of a {@link FilterRule}: how a field's value is tested against the rule's values. */
public enum FilterOperator {
  /** The value equals the single rule value. */
  EQUALS,
  /** The value differs from the single rule value (a missing value differs). */
  NOT_EQUALS,
  /** The value is one of the rule values. */
  IN,
  /** The value is none of the rule values (a missing value is none of them). */
  NOT_IN,
  /** The value matches the single rule value as a Java regular expression (whole value). */
  REGEX,
  /** The value is missing, null or blank text. */
  EMPTY,
  /** The value is present and not blank. */
  NOT_EMPTY
}
