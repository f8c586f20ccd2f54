package org.brexsync.brex.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * Reason for locking or terminating a card.
 *
 * <p>Brex adds enum constants without notice: values this version does not know read as
 * {@link #UNKNOWN}, which is never sent.
 */
public enum ChangeCardReason {
  /** CARD_DAMAGED. */
  CARD_DAMAGED,
  /** CARD_LOST. */
  CARD_LOST,
  /** CARD_NOT_RECEIVED. */
  CARD_NOT_RECEIVED,
  /** DO_NOT_NEED_PHYSICAL_CARD. */
  DO_NOT_NEED_PHYSICAL_CARD,
  /** DO_NOT_NEED_VIRTUAL_CARD. */
  DO_NOT_NEED_VIRTUAL_CARD,
  /** FRAUD. */
  FRAUD,
  /** OTHER. */
  OTHER,
  /** A value this client version does not know. */
  @JsonEnumDefaultValue
  UNKNOWN
}
