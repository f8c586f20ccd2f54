package org.brexsync.brex.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.brexsync.brex.internal.RequiredAttributes;
import org.immutables.value.Value;

/** A department ({@code DepartmentResponse}). */
@Value.Immutable
@JsonSerialize(as = ImmutableDepartment.class)
@JsonDeserialize(as = ImmutableDepartment.class)
public abstract class Department implements WithDepartment {
  Department() {}

  /** {@return JSON {@code id}} */
  @JsonProperty("id")
  public abstract String id();

  /** {@return JSON {@code name}} */
  @JsonProperty("name")
  public abstract String name();

  /** {@return JSON {@code description}} */
  @JsonProperty("description")
  public abstract Optional<String> description();

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builder of {@link Department}, from {@link #builder()}; {@code from(value)} starts from the attributes of
   * an existing value. {@link #build()} throws one {@link org.brexsync.brex.BrexValidationException}
   * naming every unset required attribute by its JSON name.
   */
  public static final class Builder extends ImmutableDepartment.Builder {
    Builder() {}

    /**
     * Builds the value.
     *
     * @return the value
     * @throws org.brexsync.brex.BrexValidationException listing every unset required attribute
     */
    @Override
    public Department build() {
      return RequiredAttributes.build(Department.class, super::build);
    }
  }
}
