package org.brexsync.brex.webhook;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * Webhook event types.
 *
 * <p>Brex adds enum constants without notice: values this version does not know read as
 * {@link #UNKNOWN}, which is never sent.
 */
public enum WebhookEventType {
  /** REFERRAL_CREATED. */
  REFERRAL_CREATED,
  /** REFERRAL_ACTIVATED. */
  REFERRAL_ACTIVATED,
  /** REFERRAL_APPLICATION_STATUS_CHANGED. */
  REFERRAL_APPLICATION_STATUS_CHANGED,
  /** TRANSFER_PROCESSED. */
  TRANSFER_PROCESSED,
  /** TRANSFER_FAILED. */
  TRANSFER_FAILED,
  /** EXPENSE_PAYMENT_UPDATED. */
  EXPENSE_PAYMENT_UPDATED,
  /** USER_UPDATED. */
  USER_UPDATED,
  /** A value this client version does not know. */
  @JsonEnumDefaultValue
  UNKNOWN
}
