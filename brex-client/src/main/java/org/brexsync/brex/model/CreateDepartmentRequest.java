package org.brexsync.brex.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** Request to create a department. */
@Value.Immutable
@JsonSerialize(as = ImmutableCreateDepartmentRequest.class)
@JsonDeserialize(as = ImmutableCreateDepartmentRequest.class)
public abstract class CreateDepartmentRequest {
  CreateDepartmentRequest() {}

  /** JSON {@code name}. */
  @JsonProperty("name")
  public abstract String name();

  /** JSON {@code description}. */
  @JsonProperty("description")
  public abstract Optional<String> description();

  /** A new builder. */
  public static ImmutableCreateDepartmentRequest.Builder builder() {
    return ImmutableCreateDepartmentRequest.builder();
  }
}
