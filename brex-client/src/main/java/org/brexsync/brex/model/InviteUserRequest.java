package org.brexsync.brex.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** Request to invite a user as an employee ({@code CreateUserRequest}). */
@Value.Immutable
@JsonSerialize(as = ImmutableInviteUserRequest.class)
@JsonDeserialize(as = ImmutableInviteUserRequest.class)
public abstract class InviteUserRequest {
  InviteUserRequest() {}

  /** JSON {@code first_name}. */
  @JsonProperty("first_name")
  public abstract String firstName();

  /** JSON {@code last_name}. */
  @JsonProperty("last_name")
  public abstract String lastName();

  /** JSON {@code email}. */
  @JsonProperty("email")
  public abstract String email();

  /** JSON {@code manager_id}. */
  @JsonProperty("manager_id")
  public abstract Optional<String> managerId();

  /** JSON {@code department_id}. */
  @JsonProperty("department_id")
  public abstract Optional<String> departmentId();

  /** JSON {@code location_id}. */
  @JsonProperty("location_id")
  public abstract Optional<String> locationId();

  /** JSON {@code title_id}. */
  @JsonProperty("title_id")
  public abstract Optional<String> titleId();

  /** JSON {@code metadata}. Empty when absent. */
  @JsonProperty("metadata")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract Map<String, String> metadata();

  /** A new builder. */
  public static ImmutableInviteUserRequest.Builder builder() {
    return ImmutableInviteUserRequest.builder();
  }
}
