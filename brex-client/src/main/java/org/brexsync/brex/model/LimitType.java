package org.brexsync.brex.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * Whose limit a card spends against: {@code CARD} (vendor card, own spend controls, must be virtual) or {@code USER} (corporate card on the user's limit).
 *
 * <p>Brex adds enum constants without notice: values this version does not know read as
 * {@link #UNKNOWN}, which is never sent.
 */
public enum LimitType {
  /** CARD. */
  CARD,
  /** USER. */
  USER,
  /** A value this client version does not know. */
  @JsonEnumDefaultValue
  UNKNOWN
}
