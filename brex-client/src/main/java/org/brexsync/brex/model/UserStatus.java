package org.brexsync.brex.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * Status of a Brex user.
 *
 * <p>Brex adds enum constants without notice: values this version does not know read as
 * {@link #UNKNOWN}, which is never sent.
 */
public enum UserStatus {
  /** INVITED. */
  INVITED,
  /** ACTIVE. */
  ACTIVE,
  /** CLOSED. */
  CLOSED,
  /** DISABLED. */
  DISABLED,
  /** DELETED. */
  DELETED,
  /** PENDING_ACTIVATION. */
  PENDING_ACTIVATION,
  /** INACTIVE. */
  INACTIVE,
  /** ARCHIVED. */
  ARCHIVED,
  /** A value this client version does not know. */
  @JsonEnumDefaultValue
  UNKNOWN
}
