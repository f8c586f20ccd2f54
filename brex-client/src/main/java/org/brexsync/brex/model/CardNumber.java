package org.brexsync.brex.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** Card number, CVV and expiration of a card ({@code CardNumberResponse}). The number and CVV are secrets: {@code toString} masks them. */
@Value.Immutable
@JsonSerialize(as = ImmutableCardNumber.class)
@JsonDeserialize(as = ImmutableCardNumber.class)
public abstract class CardNumber {
  CardNumber() {}

  /** JSON {@code id}. */
  @JsonProperty("id")
  public abstract String id();

  /** JSON {@code number}. Secret: masked in {@code toString}. */
  @JsonProperty("number")
  @Value.Redacted
  public abstract String number();

  /** JSON {@code cvv}. Secret: masked in {@code toString}. */
  @JsonProperty("cvv")
  @Value.Redacted
  public abstract String cvv();

  /** JSON {@code expiration_date}. */
  @JsonProperty("expiration_date")
  public abstract CardExpiration expirationDate();

  /** JSON {@code holder_name}. */
  @JsonProperty("holder_name")
  public abstract Optional<String> holderName();

  /** A new builder. */
  public static ImmutableCardNumber.Builder builder() {
    return ImmutableCardNumber.builder();
  }
}
