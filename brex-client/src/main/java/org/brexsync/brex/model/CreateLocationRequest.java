package org.brexsync.brex.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** Request to create a location. */
@Value.Immutable
@JsonSerialize(as = ImmutableCreateLocationRequest.class)
@JsonDeserialize(as = ImmutableCreateLocationRequest.class)
public abstract class CreateLocationRequest {
  CreateLocationRequest() {}

  /** JSON {@code name}. */
  @JsonProperty("name")
  public abstract String name();

  /** JSON {@code description}. */
  @JsonProperty("description")
  public abstract Optional<String> description();

  /** A new builder. */
  public static ImmutableCreateLocationRequest.Builder builder() {
    return ImmutableCreateLocationRequest.builder();
  }
}
