package org.brexsync.brex.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * Virtual or physical card.
 *
 * <p>Brex adds enum constants without notice: values this version does not know read as
 * {@link #UNKNOWN}, which is never sent.
 */
public enum CardType {
  /** VIRTUAL. */
  VIRTUAL,
  /** PHYSICAL. */
  PHYSICAL,
  /** A value this client version does not know. */
  @JsonEnumDefaultValue
  UNKNOWN
}
