package org.brexsync.brex.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** A user's monthly limit and what is left of it this month ({@code UserLimitResponse}). */
@Value.Immutable
@JsonSerialize(as = ImmutableUserLimit.class)
@JsonDeserialize(as = ImmutableUserLimit.class)
public abstract class UserLimit {
  UserLimit() {}

  /** JSON {@code monthly_limit}. */
  @JsonProperty("monthly_limit")
  public abstract Optional<Money> monthlyLimit();

  /** JSON {@code monthly_available}. */
  @JsonProperty("monthly_available")
  public abstract Optional<Money> monthlyAvailable();

  /** A new builder. */
  public static ImmutableUserLimit.Builder builder() {
    return ImmutableUserLimit.builder();
  }
}
