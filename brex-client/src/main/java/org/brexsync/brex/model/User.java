package org.brexsync.brex.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Map;
import java.util.Optional;
import org.brexsync.brex.internal.RequiredAttributes;
import org.immutables.value.Value;

/** A Brex user ({@code UserResponse}). */
@Value.Immutable
@JsonSerialize(as = ImmutableUser.class)
@JsonDeserialize(as = ImmutableUser.class)
public abstract class User implements WithUser {
  User() {}

  /** {@return JSON {@code id}} */
  @JsonProperty("id")
  public abstract String id();

  /** {@return JSON {@code first_name}} */
  @JsonProperty("first_name")
  public abstract String firstName();

  /** {@return JSON {@code last_name}} */
  @JsonProperty("last_name")
  public abstract String lastName();

  /** {@return JSON {@code email}} */
  @JsonProperty("email")
  public abstract String email();

  /** {@return JSON {@code status}} */
  @JsonProperty("status")
  public abstract Optional<UserStatus> status();

  /** {@return JSON {@code manager_id}} */
  @JsonProperty("manager_id")
  public abstract Optional<String> managerId();

  /** {@return JSON {@code department_id}} */
  @JsonProperty("department_id")
  public abstract Optional<String> departmentId();

  /** {@return JSON {@code location_id}} */
  @JsonProperty("location_id")
  public abstract Optional<String> locationId();

  /** {@return JSON {@code title_id}} */
  @JsonProperty("title_id")
  public abstract Optional<String> titleId();

  /** {@return JSON {@code metadata}} Empty when absent. */
  @JsonProperty("metadata")
  public abstract Map<String, String> metadata();

  /** {@return JSON {@code remote_display_id}} */
  @JsonProperty("remote_display_id")
  public abstract Optional<String> remoteDisplayId();

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builder of {@link User}, from {@link #builder()}; {@code from(value)} starts from the attributes of
   * an existing value. {@link #build()} throws one {@link org.brexsync.brex.BrexValidationException}
   * naming every unset required attribute by its JSON name.
   */
  public static final class Builder extends ImmutableUser.Builder {
    Builder() {}

    /**
     * Builds the value.
     *
     * @return the value
     * @throws org.brexsync.brex.BrexValidationException listing every unset required attribute
     */
    @Override
    public User build() {
      return RequiredAttributes.build(User.class, super::build);
    }
  }
}
