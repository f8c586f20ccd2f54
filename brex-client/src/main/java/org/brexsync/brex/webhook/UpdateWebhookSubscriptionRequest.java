package org.brexsync.brex.webhook;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import org.immutables.value.Value;

/** Full replacement of a webhook subscription's URL, event types and status. */
@Value.Immutable
@JsonSerialize(as = ImmutableUpdateWebhookSubscriptionRequest.class)
@JsonDeserialize(as = ImmutableUpdateWebhookSubscriptionRequest.class)
public abstract class UpdateWebhookSubscriptionRequest {
  UpdateWebhookSubscriptionRequest() {}

  /** JSON {@code url}. */
  @JsonProperty("url")
  public abstract String url();

  /** JSON {@code event_types}. */
  @JsonProperty("event_types")
  public abstract List<WebhookEventType> eventTypes();

  /** JSON {@code status}. */
  @JsonProperty("status")
  public abstract UpdateWebhookSubscriptionStatus status();

  /** A new builder. */
  public static ImmutableUpdateWebhookSubscriptionRequest.Builder builder() {
    return ImmutableUpdateWebhookSubscriptionRequest.builder();
  }
}
