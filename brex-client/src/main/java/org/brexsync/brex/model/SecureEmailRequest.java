package org.brexsync.brex.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** Request to email a card's number, CVV and expiry as a secure link ({@code SecureEmailForCardDetailsRequest}). */
@Value.Immutable
@JsonSerialize(as = ImmutableSecureEmailRequest.class)
@JsonDeserialize(as = ImmutableSecureEmailRequest.class)
public abstract class SecureEmailRequest {
  SecureEmailRequest() {}

  /** JSON {@code recipient_email}. */
  @JsonProperty("recipient_email")
  public abstract String recipientEmail();

  /** JSON {@code sender_name}. */
  @JsonProperty("sender_name")
  public abstract String senderName();

  /** JSON {@code message}. */
  @JsonProperty("message")
  public abstract Optional<String> message();

  /** JSON {@code expiry_days}. */
  @JsonProperty("expiry_days")
  public abstract Optional<Integer> expiryDays();

  /** A new builder. */
  public static ImmutableSecureEmailRequest.Builder builder() {
    return ImmutableSecureEmailRequest.builder();
  }
}
