package org.brexsync.brex.webhook;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import org.brexsync.brex.internal.RequiredAttributes;
import org.immutables.value.Value;

/** Request to subscribe a URL to webhook events. */
@Value.Immutable
@JsonSerialize(as = ImmutableCreateWebhookSubscriptionRequest.class)
@JsonDeserialize(as = ImmutableCreateWebhookSubscriptionRequest.class)
public abstract class CreateWebhookSubscriptionRequest implements WithCreateWebhookSubscriptionRequest {
  CreateWebhookSubscriptionRequest() {}

  /** {@return JSON {@code url}} */
  @JsonProperty("url")
  public abstract String url();

  /** {@return JSON {@code event_types}} */
  @JsonProperty("event_types")
  public abstract List<WebhookEventType> eventTypes();

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builder of {@link CreateWebhookSubscriptionRequest}, from {@link #builder()}; {@code from(value)} starts from the attributes of
   * an existing value. {@link #build()} throws one {@link org.brexsync.brex.BrexValidationException}
   * naming every unset required attribute by its JSON name.
   */
  public static final class Builder extends ImmutableCreateWebhookSubscriptionRequest.Builder {
    Builder() {}

    /**
     * Builds the value.
     *
     * @return the value
     * @throws org.brexsync.brex.BrexValidationException listing every unset required attribute
     */
    @Override
    public CreateWebhookSubscriptionRequest build() {
      return RequiredAttributes.build(CreateWebhookSubscriptionRequest.class, super::build);
    }
  }
}
