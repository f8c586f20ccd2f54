package org.brexsync.brex.webhook;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.brexsync.brex.internal.RequiredAttributes;
import org.immutables.value.Value;

/** A webhook signing secret; during rotation two are active. {@code toString} masks the secret. */
@Value.Immutable
@JsonSerialize(as = ImmutableWebhookSecret.class)
@JsonDeserialize(as = ImmutableWebhookSecret.class)
public abstract class WebhookSecret implements WithWebhookSecret {
  WebhookSecret() {}

  /** {@return JSON {@code secret}} Secret: masked in {@code toString}. */
  @JsonProperty("secret")
  @Value.Redacted
  public abstract String secret();

  /** {@return JSON {@code status}} */
  @JsonProperty("status")
  public abstract WebhookSecretStatus status();

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builder of {@link WebhookSecret}, from {@link #builder()}; {@code from(value)} starts from the attributes of
   * an existing value. {@link #build()} throws one {@link org.brexsync.brex.BrexValidationException}
   * naming every unset required attribute by its JSON name.
   */
  public static final class Builder extends ImmutableWebhookSecret.Builder {
    Builder() {}

    /**
     * Builds the value.
     *
     * @return the value
     * @throws org.brexsync.brex.BrexValidationException listing every unset required attribute
     */
    @Override
    public WebhookSecret build() {
      return RequiredAttributes.build(WebhookSecret.class, super::build);
    }
  }
}
