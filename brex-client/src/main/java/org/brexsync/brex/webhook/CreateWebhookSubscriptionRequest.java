package org.brexsync.brex.webhook;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import org.immutables.value.Value;

/** Request to subscribe a URL to webhook events. */
@Value.Immutable
@JsonSerialize(as = ImmutableCreateWebhookSubscriptionRequest.class)
@JsonDeserialize(as = ImmutableCreateWebhookSubscriptionRequest.class)
public abstract class CreateWebhookSubscriptionRequest {
  CreateWebhookSubscriptionRequest() {}

  /** JSON {@code url}. */
  @JsonProperty("url")
  public abstract String url();

  /** JSON {@code event_types}. */
  @JsonProperty("event_types")
  public abstract List<WebhookEventType> eventTypes();

  /** A new builder. */
  public static ImmutableCreateWebhookSubscriptionRequest.Builder builder() {
    return ImmutableCreateWebhookSubscriptionRequest.builder();
  }
}
