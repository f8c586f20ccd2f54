package org.brexsync.brex.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/** A job title ({@code TitleResponse}). */
@Value.Immutable
@JsonSerialize(as = ImmutableTitle.class)
@JsonDeserialize(as = ImmutableTitle.class)
public abstract class Title {
  Title() {}

  /** JSON {@code id}. */
  @JsonProperty("id")
  public abstract String id();

  /** JSON {@code name}. */
  @JsonProperty("name")
  public abstract String name();

  /** A new builder. */
  public static ImmutableTitle.Builder builder() {
    return ImmutableTitle.builder();
  }
}
