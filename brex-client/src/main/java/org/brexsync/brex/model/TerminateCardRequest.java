package org.brexsync.brex.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.brexsync.brex.internal.RequiredAttributes;
import org.immutables.value.Value;

/** Request to terminate a card (irreversible). */
@Value.Immutable
@JsonSerialize(as = ImmutableTerminateCardRequest.class)
@JsonDeserialize(as = ImmutableTerminateCardRequest.class)
public abstract class TerminateCardRequest implements WithTerminateCardRequest {
  TerminateCardRequest() {}

  /** {@return JSON {@code reason}} */
  @JsonProperty("reason")
  public abstract ChangeCardReason reason();

  /** {@return JSON {@code description}} */
  @JsonProperty("description")
  public abstract Optional<String> description();

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Terminate for {@code reason} without a description.
   *
   * @param reason the reason
   * @return the terminate card request
   */
  public static TerminateCardRequest of(ChangeCardReason reason) {
    return builder().reason(reason).build();
  }

  /**
   * Builder of {@link TerminateCardRequest} (returned by {@link #builder()}). {@link #build()}
   * throws one {@link org.brexsync.brex.BrexValidationException} with a violation per missing
   * required attribute ({@code reason}), named by its JSON name, instead of Immutables' {@code
   * IllegalStateException}; the other rules are checked by {@link
   * org.brexsync.brex.BrexValidation}.
   */
  public static final class Builder extends ImmutableTerminateCardRequest.Builder {
    Builder() {}

    /**
     * Builds the request.
     *
     * @return the value
     * @throws org.brexsync.brex.BrexValidationException listing every missing required attribute
     */
    @Override
    public TerminateCardRequest build() {
      return RequiredAttributes.build(TerminateCardRequest.class, super::build);
    }
  }
}
