package org.brexsync.brex.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** Request to lock a card. */
@Value.Immutable
@JsonSerialize(as = ImmutableLockCardRequest.class)
@JsonDeserialize(as = ImmutableLockCardRequest.class)
public abstract class LockCardRequest {
  LockCardRequest() {}

  /** JSON {@code reason}. */
  @JsonProperty("reason")
  public abstract ChangeCardReason reason();

  /** JSON {@code description}. */
  @JsonProperty("description")
  public abstract Optional<String> description();

  /** A new builder. */
  public static ImmutableLockCardRequest.Builder builder() {
    return ImmutableLockCardRequest.builder();
  }

  /** Lock for {@code reason} without a description. */
  public static LockCardRequest of(ChangeCardReason reason) {
    return ImmutableLockCardRequest.builder().reason(reason).build();
  }
}
