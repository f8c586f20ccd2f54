package org.brexsync.brex.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Map;
import java.util.Optional;
import org.brexsync.brex.internal.RequiredAttributes;
import org.immutables.value.Value;

/** A Brex card. Only cards with {@code limit_type = CARD} have spend controls. */
@Value.Immutable
@JsonSerialize(as = ImmutableCard.class)
@JsonDeserialize(as = ImmutableCard.class)
public abstract class Card implements WithCard {
  Card() {}

  /** {@return JSON {@code id}} */
  @JsonProperty("id")
  public abstract String id();

  /** {@return JSON {@code owner}} */
  @JsonProperty("owner")
  public abstract CardOwner owner();

  /** {@return JSON {@code status}} */
  @JsonProperty("status")
  public abstract Optional<CardStatus> status();

  /** {@return JSON {@code last_four}} */
  @JsonProperty("last_four")
  public abstract String lastFour();

  /** {@return JSON {@code card_name}} */
  @JsonProperty("card_name")
  public abstract String cardName();

  /** {@return JSON {@code card_type}} */
  @JsonProperty("card_type")
  public abstract Optional<CardType> cardType();

  /** {@return JSON {@code limit_type}} */
  @JsonProperty("limit_type")
  public abstract LimitType limitType();

  /** {@return JSON {@code spend_controls}} */
  @JsonProperty("spend_controls")
  public abstract Optional<SpendControl> spendControls();

  /** {@return JSON {@code billing_address}} */
  @JsonProperty("billing_address")
  public abstract Address billingAddress();

  /** {@return JSON {@code mailing_address}} */
  @JsonProperty("mailing_address")
  public abstract Optional<Address> mailingAddress();

  /** {@return JSON {@code expiration_date}} */
  @JsonProperty("expiration_date")
  public abstract CardExpiration expirationDate();

  /** {@return JSON {@code has_been_transferred}} */
  @JsonProperty("has_been_transferred")
  @Value.Default
  public boolean hasBeenTransferred() {
    return false;
  }

  /** {@return JSON {@code metadata}} Empty when absent. */
  @JsonProperty("metadata")
  public abstract Map<String, String> metadata();

  /** {@return JSON {@code budget_id}} */
  @JsonProperty("budget_id")
  public abstract Optional<String> budgetId();

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builder of {@link Card}, from {@link #builder()}; {@code from(value)} starts from the attributes of
   * an existing value. {@link #build()} throws one {@link org.brexsync.brex.BrexValidationException}
   * naming every unset required attribute by its JSON name.
   */
  public static final class Builder extends ImmutableCard.Builder {
    Builder() {}

    /**
     * Builds the value.
     *
     * @return the value
     * @throws org.brexsync.brex.BrexValidationException listing every unset required attribute
     */
    @Override
    public Card build() {
      return RequiredAttributes.build(Card.class, super::build);
    }
  }
}
