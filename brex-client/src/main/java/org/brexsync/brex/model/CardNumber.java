package org.brexsync.brex.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.brexsync.brex.internal.RequiredAttributes;
import org.immutables.value.Value;

/** Card number, CVV and expiration of a card ({@code CardNumberResponse}). The number and CVV are secrets: {@code toString} masks them. */
@Value.Immutable
@JsonSerialize(as = ImmutableCardNumber.class)
@JsonDeserialize(as = ImmutableCardNumber.class)
public abstract class CardNumber implements WithCardNumber {
  CardNumber() {}

  /** {@return JSON {@code id}} */
  @JsonProperty("id")
  public abstract String id();

  /** {@return JSON {@code number}} Secret: masked in {@code toString}. */
  @JsonProperty("number")
  @Value.Redacted
  public abstract String number();

  /** {@return JSON {@code cvv}} Secret: masked in {@code toString}. */
  @JsonProperty("cvv")
  @Value.Redacted
  public abstract String cvv();

  /** {@return JSON {@code expiration_date}} */
  @JsonProperty("expiration_date")
  public abstract CardExpiration expirationDate();

  /** {@return JSON {@code holder_name}} */
  @JsonProperty("holder_name")
  public abstract Optional<String> holderName();

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builder of {@link CardNumber}, from {@link #builder()}; {@code from(value)} starts from the attributes of
   * an existing value. {@link #build()} throws one {@link org.brexsync.brex.BrexValidationException}
   * naming every unset required attribute by its JSON name.
   */
  public static final class Builder extends ImmutableCardNumber.Builder {
    Builder() {}

    /**
     * Builds the value.
     *
     * @return the value
     * @throws org.brexsync.brex.BrexValidationException listing every unset required attribute
     */
    @Override
    public CardNumber build() {
      return RequiredAttributes.build(CardNumber.class, super::build);
    }
  }
}
