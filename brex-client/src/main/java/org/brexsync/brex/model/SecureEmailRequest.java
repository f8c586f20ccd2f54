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
public abstract class SecureEmailRequest implements WithSecureEmailRequest {
  SecureEmailRequest() {}

  /** {@return JSON {@code recipient_email}} */
  @JsonProperty("recipient_email")
  public abstract String recipientEmail();

  /** {@return JSON {@code sender_name}} */
  @JsonProperty("sender_name")
  public abstract String senderName();

  /** {@return JSON {@code message}} */
  @JsonProperty("message")
  public abstract Optional<String> message();

  /** {@return JSON {@code expiry_days}} */
  @JsonProperty("expiry_days")
  public abstract Optional<Integer> expiryDays();

  /** {@return a new builder} */
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
  public static final class Builder extends ImmutableSecureEmailRequest.Builder {
    Builder() {}

    /**
     * Builds the request.
     *
     * @return the value
     * @throws org.brexsync.brex.BrexValidationException listing every missing required attribute
     */
    @Override
    public SecureEmailRequest build() {
      return RequiredAttributes.build(SecureEmailRequest.class, super::build);
    }
  }
}
