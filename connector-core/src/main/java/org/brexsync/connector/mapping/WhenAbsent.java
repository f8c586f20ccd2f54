package org.brexsync.connector.mapping;

/**
 * What a mapping rule does when its source path is absent from a Brex record — the record does not
 * have the field at all — as opposed to present and null (or empty). Present and empty values follow
 * the rule's {@link Strength}; an absent one never clears an Oomnitza field unless the rule says so.
 * JSON: {@code "whenAbsent": "CLEAR"} on a rule.
 */
public enum WhenAbsent {
  /** Leave the Oomnitza field as it is (the default): an absent source is unknown, not empty. */
  KEEP,
  /**
   * Treat the absent source as empty: with {@link Strength#ALWAYS} the Oomnitza field is cleared.
   * For sources that Brex omits instead of sending null.
   */
  CLEAR
}
