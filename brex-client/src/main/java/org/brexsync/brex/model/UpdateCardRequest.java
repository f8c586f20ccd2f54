package org.brexsync.brex.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Map;
import java.util.Optional;
import org.brexsync.brex.internal.RequiredAttributes;
import org.immutables.value.Value;

/** Request to update a vendor card ({@code PUT /v2/cards/{id}}); absent fields are left unchanged. */
@Value.Immutable
@JsonSerialize(as = ImmutableUpdateCardRequest.class)
@JsonDeserialize(as = ImmutableUpdateCardRequest.class)
public abstract class UpdateCardRequest implements WithUpdateCardRequest {
  UpdateCardRequest() {}

  /** {@return JSON {@code spend_controls}} */
  @JsonProperty("spend_controls")
  public abstract Optional<SpendControlUpdateRequest> spendControls();

  /** {@return JSON {@code metadata}} Absent: not sent. */
  @JsonProperty("metadata")
  public abstract Optional<Map<String, String>> metadata();

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builder of {@link UpdateCardRequest}, from {@link #builder()}; {@code from(value)} starts from the attributes of
   * an existing value. {@link #build()} throws one {@link org.brexsync.brex.BrexValidationException}
   * naming every unset required attribute by its JSON name.
   */
  public static final class Builder extends ImmutableUpdateCardRequest.Builder {
    Builder() {}

    /**
     * Builds the value.
     *
     * @return the value
     * @throws org.brexsync.brex.BrexValidationException listing every unset required attribute
     */
    @Override
    public UpdateCardRequest build() {
      return RequiredAttributes.build(UpdateCardRequest.class, super::build);
    }
  }
}
