package org.brexsync.brex.webhook;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * User attributes named in a {@code USER_UPDATED} event.
 *
 * <p>Brex adds enum constants without notice: values this version does not know read as
 * {@link #UNKNOWN}, which is never sent.
 */
public enum UserAttribute {
  /** STATUS. */
  STATUS,
  /** MANAGER_ID. */
  MANAGER_ID,
  /** DEPARTMENT_ID. */
  DEPARTMENT_ID,
  /** LOCATION_ID. */
  LOCATION_ID,
  /** A value this client version does not know. */
  @JsonEnumDefaultValue
  UNKNOWN
}
