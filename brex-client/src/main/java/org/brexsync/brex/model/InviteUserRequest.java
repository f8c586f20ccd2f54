package org.brexsync.brex.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Map;
import java.util.Optional;
import org.brexsync.brex.internal.RequiredAttributes;
import org.immutables.value.Value;

/** Request to invite a user as an employee ({@code CreateUserRequest}). */
@Value.Immutable
@JsonSerialize(as = ImmutableInviteUserRequest.class)
@JsonDeserialize(as = ImmutableInviteUserRequest.class)
public abstract class InviteUserRequest implements WithInviteUserRequest {
  InviteUserRequest() {}

  /** {@return JSON {@code first_name}} */
  @JsonProperty("first_name")
  public abstract String firstName();

  /** {@return JSON {@code last_name}} */
  @JsonProperty("last_name")
  public abstract String lastName();

  /** {@return JSON {@code email}} */
  @JsonProperty("email")
  public abstract String email();

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
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract Map<String, String> metadata();

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builder of {@link InviteUserRequest} (returned by {@link #builder()}). {@link #build()} throws
   * one {@link org.brexsync.brex.BrexValidationException} with a violation per missing required
   * attribute ({@code first_name}, {@code last_name}, {@code email}), named by its JSON name,
   * instead of Immutables' {@code IllegalStateException}; the other rules are checked by {@link
   * org.brexsync.brex.BrexValidation}.
   */
  public static final class Builder extends ImmutableInviteUserRequest.Builder {
    Builder() {}

    /**
     * Builds the request.
     *
     * @return the value
     * @throws org.brexsync.brex.BrexValidationException listing every missing required attribute
     */
    @Override
    public InviteUserRequest build() {
      return RequiredAttributes.build(InviteUserRequest.class, super::build);
    }
  }
}
