package org.brexsync.brex.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/** Request to create a title. */
@Value.Immutable
@JsonSerialize(as = ImmutableCreateTitleRequest.class)
@JsonDeserialize(as = ImmutableCreateTitleRequest.class)
public abstract class CreateTitleRequest {
  CreateTitleRequest() {}

  /** JSON {@code name}. */
  @JsonProperty("name")
  public abstract String name();

  /** A new builder. */
  public static ImmutableCreateTitleRequest.Builder builder() {
    return ImmutableCreateTitleRequest.builder();
  }
}
