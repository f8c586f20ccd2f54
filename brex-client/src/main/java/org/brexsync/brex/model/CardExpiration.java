package org.brexsync.brex.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/** Expiration month and year of a card (the card expires on the last day of that month). */
@Value.Immutable
@JsonSerialize(as = ImmutableCardExpiration.class)
@JsonDeserialize(as = ImmutableCardExpiration.class)
public abstract class CardExpiration {
  CardExpiration() {}

  /** JSON {@code month}. */
  @JsonProperty("month")
  public abstract int month();

  /** JSON {@code year}. */
  @JsonProperty("year")
  public abstract int year();

  /** A new builder. */
  public static ImmutableCardExpiration.Builder builder() {
    return ImmutableCardExpiration.builder();
  }
}
