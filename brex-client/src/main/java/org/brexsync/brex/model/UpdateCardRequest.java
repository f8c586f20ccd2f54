package org.brexsync.brex.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** Request to update a vendor card ({@code PUT /v2/cards/{id}}); absent fields are left unchanged. */
@Value.Immutable
@JsonSerialize(as = ImmutableUpdateCardRequest.class)
@JsonDeserialize(as = ImmutableUpdateCardRequest.class)
public abstract class UpdateCardRequest {
  UpdateCardRequest() {}

  /** JSON {@code spend_controls}. */
  @JsonProperty("spend_controls")
  public abstract Optional<SpendControlUpdateRequest> spendControls();

  /** JSON {@code metadata}. Absent: not sent. */
  @JsonProperty("metadata")
  public abstract Optional<Map<String, String>> metadata();

  /** A new builder. */
  public static ImmutableUpdateCardRequest.Builder builder() {
    return ImmutableUpdateCardRequest.builder();
  }
}
