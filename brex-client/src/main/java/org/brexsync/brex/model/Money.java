package org.brexsync.brex.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.brexsync.brex.internal.RequiredAttributes;
import org.immutables.value.Value;

/** An amount of money in the currency's minor units (cents for USD), as Brex sends and expects it. */
@Value.Immutable
@JsonSerialize(as = ImmutableMoney.class)
@JsonDeserialize(as = ImmutableMoney.class)
public abstract class Money implements WithMoney {
  Money() {}

  /** {@return JSON {@code amount}} */
  @JsonProperty("amount")
  public abstract long amount();

  /** {@return JSON {@code currency}} */
  @JsonProperty("currency")
  public abstract Optional<String> currency();

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@return {@code amount} minor units of {@code currency} (ISO 4217), e.g. {@code Money.of(700, "USD")} is 7.00 USD}
   *
   * @param amount the amount
   * @param currency the currency
   */
  public static Money of(long amount, String currency) {
    return builder().amount(amount).currency(currency).build();
  }

  /**
   * {@return {@code cents} US cents}
   *
   * @param cents the cents
   */
  public static Money usd(long cents) {
    return of(cents, "USD");
  }

  /**
   * Builder of {@link Money} (returned by {@link #builder()}). {@link #build()} throws one {@link
   * org.brexsync.brex.BrexValidationException} with a violation per missing required attribute
   * ({@code amount}), named by its JSON name, instead of Immutables' {@code IllegalStateException};
   * the other rules are checked by {@link org.brexsync.brex.BrexValidation}.
   */
  public static final class Builder extends ImmutableMoney.Builder {
    Builder() {}

    /**
     * Builds the value.
     *
     * @return the value
     * @throws org.brexsync.brex.BrexValidationException listing every missing required attribute
     */
    @Override
    public Money build() {
      return RequiredAttributes.build(Money.class, super::build);
    }
  }
}
