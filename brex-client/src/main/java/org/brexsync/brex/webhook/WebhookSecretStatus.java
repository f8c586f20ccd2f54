package org.brexsync.brex.webhook;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * Status of a webhook signing secret; {@code PENDING_REVOKE} during rotation.
 *
 * <p>Brex adds enum constants without notice: values this version does not know read as
 * {@link #UNKNOWN}, which is never sent.
 */
public enum WebhookSecretStatus {
  /** ACTIVE. */
  ACTIVE,
  /** PENDING_REVOKE. */
  PENDING_REVOKE,
  /** A value this client version does not know. */
  @JsonEnumDefaultValue
  UNKNOWN
}
