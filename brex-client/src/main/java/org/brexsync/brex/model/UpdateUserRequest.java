package org.brexsync.brex.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Map;
import org.brexsync.brex.internal.RequiredAttributes;
import org.immutables.value.Value;

/** Partial update of a user ({@code UpdateUserRequest}): every field defaults to {@link Patch#unchanged()} and is then not sent; {@link Patch#clear()} sends JSON null. */
@Value.Immutable
@JsonSerialize(as = ImmutableUpdateUserRequest.class)
@JsonDeserialize(as = ImmutableUpdateUserRequest.class)
public abstract class UpdateUserRequest implements WithUpdateUserRequest {
  UpdateUserRequest() {}

  /** {@return JSON {@code status}} Defaults to {@link Patch#unchanged()} (not sent). */
  @JsonProperty("status")
  @Value.Default
  public Patch<UpdateUserStatus> status() {
    return Patch.unchanged();
  }

  /** {@return JSON {@code manager_id}} Defaults to {@link Patch#unchanged()} (not sent). */
  @JsonProperty("manager_id")
  @Value.Default
  public Patch<String> managerId() {
    return Patch.unchanged();
  }

  /** {@return JSON {@code department_id}} Defaults to {@link Patch#unchanged()} (not sent). */
  @JsonProperty("department_id")
  @Value.Default
  public Patch<String> departmentId() {
    return Patch.unchanged();
  }

  /** {@return JSON {@code location_id}} Defaults to {@link Patch#unchanged()} (not sent). */
  @JsonProperty("location_id")
  @Value.Default
  public Patch<String> locationId() {
    return Patch.unchanged();
  }

  /** {@return JSON {@code title_id}} Defaults to {@link Patch#unchanged()} (not sent). */
  @JsonProperty("title_id")
  @Value.Default
  public Patch<String> titleId() {
    return Patch.unchanged();
  }

  /** {@return JSON {@code metadata}} Defaults to {@link Patch#unchanged()} (not sent). */
  @JsonProperty("metadata")
  @Value.Default
  public Patch<Map<String, String>> metadata() {
    return Patch.unchanged();
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builder of {@link UpdateUserRequest}, from {@link #builder()}; {@code from(value)} starts from the attributes of
   * an existing value. {@link #build()} throws one {@link org.brexsync.brex.BrexValidationException}
   * naming every unset required attribute by its JSON name.
   */
  public static final class Builder extends ImmutableUpdateUserRequest.Builder {
    Builder() {}

    /**
     * Builds the value.
     *
     * @return the value
     * @throws org.brexsync.brex.BrexValidationException listing every unset required attribute
     */
    @Override
    public UpdateUserRequest build() {
      return RequiredAttributes.build(UpdateUserRequest.class, super::build);
    }
  }
}
