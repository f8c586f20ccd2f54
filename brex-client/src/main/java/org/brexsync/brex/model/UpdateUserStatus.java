package org.brexsync.brex.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * The statuses a user can be set to: {@code DISABLED} suspends, {@code ACTIVE} unsuspends.
 *
 * <p>Brex adds enum constants without notice: values this version does not know read as
 * {@link #UNKNOWN}, which is never sent.
 */
public enum UpdateUserStatus {
  /** ACTIVE. */
  ACTIVE,
  /** DISABLED. */
  DISABLED,
  /** A value this client version does not know. */
  @JsonEnumDefaultValue
  UNKNOWN
}
