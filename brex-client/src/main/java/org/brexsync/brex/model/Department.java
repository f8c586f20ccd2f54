package org.brexsync.brex.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** A department ({@code DepartmentResponse}). */
@Value.Immutable
@JsonSerialize(as = ImmutableDepartment.class)
@JsonDeserialize(as = ImmutableDepartment.class)
public abstract class Department {
  Department() {}

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
  public static ImmutableDepartment.Builder builder() {
    return ImmutableDepartment.builder();
  }
}
