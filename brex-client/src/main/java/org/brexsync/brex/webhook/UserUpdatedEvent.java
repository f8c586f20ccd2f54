package org.brexsync.brex.webhook;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import org.brexsync.brex.internal.RequiredAttributes;
import org.immutables.value.Value;

/** The {@code USER_UPDATED} webhook event: which attributes of which user changed. */
@Value.Immutable
@JsonSerialize(as = ImmutableUserUpdatedEvent.class)
@JsonDeserialize(as = ImmutableUserUpdatedEvent.class)
public abstract class UserUpdatedEvent implements WithUserUpdatedEvent {
  UserUpdatedEvent() {}

  /** {@return JSON {@code event_type}} */
  @JsonProperty("event_type")
  public abstract WebhookEventType eventType();

  /** {@return JSON {@code user_id}} */
  @JsonProperty("user_id")
  public abstract String userId();

  /** {@return JSON {@code company_id}} */
  @JsonProperty("company_id")
  public abstract String companyId();

  /** {@return JSON {@code updated_attributes}} */
  @JsonProperty("updated_attributes")
  public abstract List<UserAttribute> updatedAttributes();

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builder of {@link UserUpdatedEvent}, from {@link #builder()}; {@code from(value)} starts from the attributes of
   * an existing value. {@link #build()} throws one {@link org.brexsync.brex.BrexValidationException}
   * naming every unset required attribute by its JSON name.
   */
  public static final class Builder extends ImmutableUserUpdatedEvent.Builder {
    Builder() {}

    /**
     * Builds the value.
     *
     * @return the value
     * @throws org.brexsync.brex.BrexValidationException listing every unset required attribute
     */
    @Override
    public UserUpdatedEvent build() {
      return RequiredAttributes.build(UserUpdatedEvent.class, super::build);
    }
  }
}
