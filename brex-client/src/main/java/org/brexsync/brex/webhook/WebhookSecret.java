package org.brexsync.brex.webhook;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/** A webhook signing secret; during rotation two are active. {@code toString} masks the secret. */
@Value.Immutable
@JsonSerialize(as = ImmutableWebhookSecret.class)
@JsonDeserialize(as = ImmutableWebhookSecret.class)
public abstract class WebhookSecret {
  WebhookSecret() {}

  /** JSON {@code secret}. Secret: masked in {@code toString}. */
  @JsonProperty("secret")
  @Value.Redacted
  public abstract String secret();

  /** JSON {@code status}. */
  @JsonProperty("status")
  public abstract WebhookSecretStatus status();

  /** A new builder. */
  public static ImmutableWebhookSecret.Builder builder() {
    return ImmutableWebhookSecret.builder();
  }
}
