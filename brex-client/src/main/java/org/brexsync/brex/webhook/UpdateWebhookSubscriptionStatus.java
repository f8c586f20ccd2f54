package org.brexsync.brex.webhook;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * Statuses a webhook subscription can be set to.
 *
 * <p>Brex adds enum constants without notice: values this version does not know read as
 * {@link #UNKNOWN}, which is never sent.
 */
public enum UpdateWebhookSubscriptionStatus {
  /** ACTIVE. */
  ACTIVE,
  /** INACTIVE. */
  INACTIVE,
  /** A value this client version does not know. */
  @JsonEnumDefaultValue
  UNKNOWN
}
