package org.brexsync.brex.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.brexsync.brex.internal.RequiredAttributes;
import org.immutables.value.Value;

/** Expiration month and year of a card (the card expires on the last day of that month). */
@Value.Immutable
@JsonSerialize(as = ImmutableCardExpiration.class)
@JsonDeserialize(as = ImmutableCardExpiration.class)
public abstract class CardExpiration implements WithCardExpiration {
  CardExpiration() {}

  /** {@return JSON {@code month}} */
  @JsonProperty("month")
  public abstract int month();

  /** {@return JSON {@code year}} */
  @JsonProperty("year")
  public abstract int year();

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builder of {@link CardExpiration}, from {@link #builder()}; {@code from(value)} starts from the attributes of
   * an existing value. {@link #build()} throws one {@link org.brexsync.brex.BrexValidationException}
   * naming every unset required attribute by its JSON name.
   */
  public static final class Builder extends ImmutableCardExpiration.Builder {
    Builder() {}

    /**
     * Builds the value.
     *
     * @return the value
     * @throws org.brexsync.brex.BrexValidationException listing every unset required attribute
     */
    @Override
    public CardExpiration build() {
      return RequiredAttributes.build(CardExpiration.class, super::build);
    }
  }
}
