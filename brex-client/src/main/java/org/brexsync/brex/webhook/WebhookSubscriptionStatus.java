package org.brexsync.brex.webhook;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * Status of a webhook subscription.
 *
 * <p>Brex adds enum constants without notice: values this version does not know read as
 * {@link #UNKNOWN}, which is never sent.
 */
public enum WebhookSubscriptionStatus {
  /** ACTIVE. */
  ACTIVE,
  /** INACTIVE. */
  INACTIVE,
  /** ERROR. */
  ERROR,
  /** A value this client version does not know. */
  @JsonEnumDefaultValue
  UNKNOWN
}
