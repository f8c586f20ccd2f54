package org.brexsync.brex.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** Sets a user's monthly limit; an empty limit is sent as JSON null and clears the limit. */
@Value.Immutable
@JsonSerialize(as = ImmutableSetUserLimitRequest.class)
@JsonDeserialize(as = ImmutableSetUserLimitRequest.class)
public abstract class SetUserLimitRequest {
  SetUserLimitRequest() {}

  /** JSON {@code monthly_limit}. Empty is sent as JSON null. */
  @JsonProperty("monthly_limit")
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public abstract Optional<Money> monthlyLimit();

  /** A new builder. */
  public static ImmutableSetUserLimitRequest.Builder builder() {
    return ImmutableSetUserLimitRequest.builder();
  }

  /** Set the monthly limit to {@code limit}. */
  public static SetUserLimitRequest of(Money limit) {
    return ImmutableSetUserLimitRequest.builder().monthlyLimit(limit).build();
  }

  /** Remove the user's monthly limit ({@code "monthly_limit": null}). */
  public static SetUserLimitRequest clear() {
    return ImmutableSetUserLimitRequest.builder().build();
  }
}
