package org.brexsync.brex.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * Kind of card owner.
 *
 * <p>Brex adds enum constants without notice: values this version does not know read as
 * {@link #UNKNOWN}, which is never sent.
 */
public enum OwnerType {
  /** USER. */
  USER,
  /** A value this client version does not know. */
  @JsonEnumDefaultValue
  UNKNOWN
}
