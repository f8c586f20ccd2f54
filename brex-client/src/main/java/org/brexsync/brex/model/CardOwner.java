package org.brexsync.brex.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/** Owner of a card; Brex only has user owners ({@code {"type":"USER","user_id":...}}). */
@Value.Immutable
@JsonSerialize(as = ImmutableCardOwner.class)
@JsonDeserialize(as = ImmutableCardOwner.class)
public abstract class CardOwner {
  CardOwner() {}

  /** JSON {@code type}. */
  @JsonProperty("type")
  public abstract OwnerType type();

  /** JSON {@code user_id}. */
  @JsonProperty("user_id")
  public abstract String userId();

  /** A new builder. */
  public static ImmutableCardOwner.Builder builder() {
    return ImmutableCardOwner.builder();
  }

  /** A card owned by the user with id {@code userId}. */
  public static CardOwner user(String userId) {
    return ImmutableCardOwner.builder().type(OwnerType.USER).userId(userId).build();
  }
}
