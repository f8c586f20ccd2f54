package org.brexsync.brex.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** A location ({@code LocationResponse}). */
@Value.Immutable
@JsonSerialize(as = ImmutableLocation.class)
@JsonDeserialize(as = ImmutableLocation.class)
public abstract class Location {
  Location() {}

  /** JSON {@code id}. */
  @JsonProperty("id")
  public abstract String id();

  /** JSON {@code name}. */
  @JsonProperty("name")
  public abstract String name();

  /** JSON {@code description}. */
  @JsonProperty("description")
  public abstract Optional<String> description();

  /** A new builder. */
  public static ImmutableLocation.Builder builder() {
    return ImmutableLocation.builder();
  }
}
