package org.brexsync.brex.webhook;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import org.immutables.value.Value;

/** A webhook subscription. */
@Value.Immutable
@JsonSerialize(as = ImmutableWebhookSubscription.class)
@JsonDeserialize(as = ImmutableWebhookSubscription.class)
public abstract class WebhookSubscription {
  WebhookSubscription() {}

  /** JSON {@code id}. */
  @JsonProperty("id")
  public abstract String id();

  /** JSON {@code url}. */
  @JsonProperty("url")
  public abstract String url();

  /** JSON {@code event_types}. */
  @JsonProperty("event_types")
  public abstract List<WebhookEventType> eventTypes();

  /** JSON {@code status}. */
  @JsonProperty("status")
  public abstract WebhookSubscriptionStatus status();

  /** A new builder. */
  public static ImmutableWebhookSubscription.Builder builder() {
    return ImmutableWebhookSubscription.builder();
  }
}
