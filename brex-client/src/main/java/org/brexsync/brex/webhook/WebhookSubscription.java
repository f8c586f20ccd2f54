package org.brexsync.brex.webhook;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import org.brexsync.brex.internal.RequiredAttributes;
import org.immutables.value.Value;

/** A webhook subscription. */
@Value.Immutable
@JsonSerialize(as = ImmutableWebhookSubscription.class)
@JsonDeserialize(as = ImmutableWebhookSubscription.class)
public abstract class WebhookSubscription implements WithWebhookSubscription {
  WebhookSubscription() {}

  /** {@return JSON {@code id}} */
  @JsonProperty("id")
  public abstract String id();

  /** {@return JSON {@code url}} */
  @JsonProperty("url")
  public abstract String url();

  /** {@return JSON {@code event_types}} */
  @JsonProperty("event_types")
  public abstract List<WebhookEventType> eventTypes();

  /** {@return JSON {@code status}} */
  @JsonProperty("status")
  public abstract WebhookSubscriptionStatus status();

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builder of {@link WebhookSubscription}, from {@link #builder()}; {@code from(value)} starts from the attributes of
   * an existing value. {@link #build()} throws one {@link org.brexsync.brex.BrexValidationException}
   * naming every unset required attribute by its JSON name.
   */
  public static final class Builder extends ImmutableWebhookSubscription.Builder {
    Builder() {}

    /**
     * Builds the value.
     *
     * @return the value
     * @throws org.brexsync.brex.BrexValidationException listing every unset required attribute
     */
    @Override
    public WebhookSubscription build() {
      return RequiredAttributes.build(WebhookSubscription.class, super::build);
    }
  }
}
