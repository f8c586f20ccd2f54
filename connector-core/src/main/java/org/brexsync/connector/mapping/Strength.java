package org.brexsync.connector.mapping;

/** When a mapping rule may write its target field. */
public enum Strength {
  /** Always enforce the mapped value, clearing the target when the source is empty. */
  ALWAYS,
  /** Write only when the target field is empty (a default that Oomnitza users may override). */
  IF_EMPTY,
  /** Write when the mapped value is non-empty; never clear a value with an empty one. */
  NEVER_CLEAR
}
