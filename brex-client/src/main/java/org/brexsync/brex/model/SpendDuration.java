package org.brexsync.brex.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * How often a spend limit refreshes; {@code ONE_TIME} never refreshes.
 *
 * <p>Brex adds enum constants without notice: values this version does not know read as
 * {@link #UNKNOWN}, which is never sent.
 */
public enum SpendDuration {
  /** MONTHLY. */
  MONTHLY,
  /** QUARTERLY. */
  QUARTERLY,
  /** YEARLY. */
  YEARLY,
  /** ONE_TIME. */
  ONE_TIME,
  /** A value this client version does not know. */
  @JsonEnumDefaultValue
  UNKNOWN
}
