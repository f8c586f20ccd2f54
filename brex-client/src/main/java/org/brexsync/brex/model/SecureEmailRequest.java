package org.brexsync.brex.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.brexsync.brex.internal.RequiredAttributes;
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
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builder of {@link SecureEmailRequest} (returned by {@link #builder()}). {@link #build()} throws
   * one {@link org.brexsync.brex.BrexValidationException} with a violation per missing required
   * attribute ({@code recipient_email}, {@code sender_name}), named by its JSON name, instead of
   * Immutables' {@code IllegalStateException}; the other rules are checked by {@link
   * org.brexsync.brex.BrexValidation}.
   */
  public static class Builder extends ImmutableSecureEmailRequest.Builder {
    /** A new, empty builder; same as {@link SecureEmailRequest#builder()}. */
    public Builder() {}

    /**
     * Builds the request.
     *
     * @throws org.brexsync.brex.BrexValidationException listing every missing required attribute
     */
    @Override
    public ImmutableSecureEmailRequest build() {
      RequiredAttributes.of("SecureEmailRequest")
          .require(recipientEmailIsSet(), "recipient_email")
          .require(senderNameIsSet(), "sender_name")
          .throwIfMissing();
      return super.build();
    }
  }
}
