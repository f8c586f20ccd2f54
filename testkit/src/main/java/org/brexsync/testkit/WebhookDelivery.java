package org.brexsync.testkit;

import java.time.Instant;
import java.util.Optional;
import org.brexsync.testkit.internal.ValueStyle;
import org.immutables.value.Value;

/** One webhook POST the Brex simulator attempted. */
@Value.Immutable
@ValueStyle
public abstract class WebhookDelivery implements WithWebhookDelivery {

  /** {@return the subscription it was sent for} */
  public abstract String subscriptionId();

  /** {@return target URL} */
  public abstract String url();

  /** {@return {@code Webhook-Id} header value} */
  public abstract String webhookId();

  /** {@return event type, e.g. {@code USER_UPDATED}} */
  public abstract String eventType();

  /** {@return the exact JSON body that was signed and sent} */
  public abstract String body();

  /** {@return {@code Webhook-Timestamp} (epoch seconds)} */
  public abstract long timestamp();

  /** {@return {@code Webhook-Signature} header value} */
  @Value.Redacted
  public abstract String signature();

  /** {@return HTTP status the receiver answered, empty when it could not be reached or was not loopback} */
  public abstract Optional<Integer> status();

  /** {@return why the delivery failed, if it did} */
  public abstract Optional<String> error();

  /** {@return when it was sent} */
  public abstract Instant at();

  /** {@return a new, empty builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builder of {@link WebhookDelivery}, from {@link #builder()}; {@code from(value)} starts from the attributes of
   * an existing value.
   */
  public static final class Builder extends ImmutableWebhookDelivery.Builder {
    Builder() {}
  }
}
