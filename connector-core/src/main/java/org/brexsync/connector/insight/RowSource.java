package org.brexsync.connector.insight;

/** Which records a {@link ListView} lists: one row per Brex user, or one row per Brex card. */
public enum RowSource {
  /**
   * One row per Brex user: the spec's user fields, {@code name}, {@code department.name},
   * {@code location.name}, {@code manager.*}, {@code cards.*} (counts of the user's cards) and
   * {@code oomnitza.*} (the matching Oomnitza person, when configured).
   */
  USERS,
  /**
   * One row per Brex card: the spec's card fields, {@code user.*} (the owner: name, email, status,
   * department, location), {@code shipped_days}, {@code shipped_overdue}, {@code lock_after_passed}.
   */
  CARDS
}
