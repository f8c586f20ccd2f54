package org.brexsync.brex.webhook;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import org.immutables.value.Value;

/** The {@code USER_UPDATED} webhook event: which attributes of which user changed. */
@Value.Immutable
@JsonSerialize(as = ImmutableUserUpdatedEvent.class)
@JsonDeserialize(as = ImmutableUserUpdatedEvent.class)
public abstract class UserUpdatedEvent {
  UserUpdatedEvent() {}

  /** JSON {@code event_type}. */
  @JsonProperty("event_type")
  public abstract WebhookEventType eventType();

  /** JSON {@code user_id}. */
  @JsonProperty("user_id")
  public abstract String userId();

  /** JSON {@code company_id}. */
  @JsonProperty("company_id")
  public abstract String companyId();

  /** JSON {@code updated_attributes}. */
  @JsonProperty("updated_attributes")
  public abstract List<UserAttribute> updatedAttributes();

  /** A new builder. */
  public static ImmutableUserUpdatedEvent.Builder builder() {
    return ImmutableUserUpdatedEvent.builder();
  }
}
