package org.brexsync.brex.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Map;
import java.util.Optional;
import org.brexsync.brex.internal.RequiredAttributes;
import org.immutables.value.Value;

/** Request to create a card ({@code POST /v2/cards}). Checked by {@link org.brexsync.brex.BrexValidation} before sending. */
@Value.Immutable
@JsonSerialize(as = ImmutableCreateCardRequest.class)
@JsonDeserialize(as = ImmutableCreateCardRequest.class)
public abstract class CreateCardRequest implements WithCreateCardRequest {
  CreateCardRequest() {}

  /** {@return JSON {@code owner}} */
  @JsonProperty("owner")
  public abstract CardOwner owner();

  /** {@return JSON {@code card_name}} */
  @JsonProperty("card_name")
  public abstract String cardName();

  /** {@return JSON {@code card_type}} */
  @JsonProperty("card_type")
  public abstract CardType cardType();

  /** {@return JSON {@code limit_type}} */
  @JsonProperty("limit_type")
  public abstract LimitType limitType();

  /** {@return JSON {@code spend_controls}} */
  @JsonProperty("spend_controls")
  public abstract Optional<SpendControlRequest> spendControls();

  /** {@return JSON {@code mailing_address}} */
  @JsonProperty("mailing_address")
  public abstract Optional<Address> mailingAddress();

  /** {@return JSON {@code metadata}} Empty when absent. */
  @JsonProperty("metadata")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract Map<String, String> metadata();

  /** {@return JSON {@code card_attribute_preferences}} */
  @JsonProperty("card_attribute_preferences")
  public abstract Optional<CardAttributePreferences> cardAttributePreferences();

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builder of {@link CreateCardRequest} (returned by {@link #builder()}). {@link #build()} throws
   * one {@link org.brexsync.brex.BrexValidationException} with a violation per missing required
   * attribute ({@code owner}, {@code card_name}, {@code card_type}, {@code limit_type}), named by
   * its JSON name, instead of Immutables' {@code IllegalStateException}; the other rules are
   * checked by {@link org.brexsync.brex.BrexValidation}.
   */
  public static final class Builder extends ImmutableCreateCardRequest.Builder {
    Builder() {}

    /**
     * Builds the request.
     *
     * @return the value
     * @throws org.brexsync.brex.BrexValidationException listing every missing required attribute
     */
    @Override
    public CreateCardRequest build() {
      return RequiredAttributes.build(CreateCardRequest.class, super::build);
    }
  }
}
