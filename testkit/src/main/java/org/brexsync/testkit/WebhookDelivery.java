package org.brexsync.testkit;

import java.time.Instant;
import java.util.Optional;
import org.brexsync.testkit.internal.ValueStyle;
import org.immutables.value.Value;

/** One webhook POST the Brex simulator attempted. */
@Value.Immutable
@ValueStyle
public abstract class WebhookDelivery implements WithWebhookDelivery {

  /** The subscription it was sent for. */
  public abstract String subscriptionId();

  /** Target URL. */
  public abstract String url();

  /** {@code Webhook-Id} header value. */
  public abstract String webhookId();

  /** Event type, e.g. {@code USER_UPDATED}. */
  public abstract String eventType();

  /** The exact JSON body that was signed and sent. */
  public abstract String body();

  /** {@code Webhook-Timestamp} (epoch seconds). */
  public abstract long timestamp();

  /** {@code Webhook-Signature} header value. */
  @Value.Redacted
  public abstract String signature();

  /** HTTP status the receiver answered, empty when it could not be reached or was not loopback. */
  public abstract Optional<Integer> status();

  /** Why the delivery failed, if it did. */
  public abstract Optional<String> error();

  /** When it was sent. */
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
