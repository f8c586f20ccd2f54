package org.brexsync.brex.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** Request to terminate a card (irreversible). */
@Value.Immutable
@JsonSerialize(as = ImmutableTerminateCardRequest.class)
@JsonDeserialize(as = ImmutableTerminateCardRequest.class)
public abstract class TerminateCardRequest {
  TerminateCardRequest() {}

  /** JSON {@code reason}. */
  @JsonProperty("reason")
  public abstract ChangeCardReason reason();

  /** JSON {@code description}. */
  @JsonProperty("description")
  public abstract Optional<String> description();

  /** A new builder. */
  public static ImmutableTerminateCardRequest.Builder builder() {
    return ImmutableTerminateCardRequest.builder();
  }

  /** Terminate for {@code reason} without a description. */
  public static TerminateCardRequest of(ChangeCardReason reason) {
    return ImmutableTerminateCardRequest.builder().reason(reason).build();
  }
}
