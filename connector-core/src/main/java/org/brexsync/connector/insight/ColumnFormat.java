package org.brexsync.connector.insight;

/** How a column's values are shown. */
public enum ColumnFormat {
  /** The value's text as is. */
  TEXT,
  /** A number, shown with grouping separators. */
  NUMBER,
  /**
   * Money: a Brex {@code Money} object ({@code {"amount": cents, "currency": "USD"}}) shown in its
   * currency's minor units, e.g. {@code 1,250.00 USD}; or a plain number of minor units whose
   * currency comes from the column's {@code currencyField}.
   */
  MONEY,
  /** An ISO date or instant, shown as {@code YYYY-MM-DD}. */
  DATE,
  /** A boolean, shown as {@code yes} / {@code no}. */
  BOOLEAN
}
