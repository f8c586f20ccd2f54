package org.brexsync.brex.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * Status of a card.
 *
 * <p>Brex adds enum constants without notice: values this version does not know read as
 * {@link #UNKNOWN}, which is never sent.
 */
public enum CardStatus {
  /** ACTIVE. */
  ACTIVE,
  /** SHIPPED. */
  SHIPPED,
  /** LOCKED. */
  LOCKED,
  /** TERMINATED. */
  TERMINATED,
  /** A value this client version does not know. */
  @JsonEnumDefaultValue
  UNKNOWN
}
