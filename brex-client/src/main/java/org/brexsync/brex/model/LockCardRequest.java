package org.brexsync.brex.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.brexsync.brex.internal.RequiredAttributes;
import org.immutables.value.Value;

/** Request to lock a card. */
@Value.Immutable
@JsonSerialize(as = ImmutableLockCardRequest.class)
@JsonDeserialize(as = ImmutableLockCardRequest.class)
public abstract class LockCardRequest implements WithLockCardRequest {
  LockCardRequest() {}

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
   * Lock for {@code reason} without a description.
   *
   * @param reason the reason
   * @return the lock card request
   */
  public static LockCardRequest of(ChangeCardReason reason) {
    return builder().reason(reason).build();
  }

  /**
   * Builder of {@link LockCardRequest} (returned by {@link #builder()}). {@link #build()} throws
   * one {@link org.brexsync.brex.BrexValidationException} with a violation per missing required
   * attribute ({@code reason}), named by its JSON name, instead of Immutables' {@code
   * IllegalStateException}; the other rules are checked by {@link
   * org.brexsync.brex.BrexValidation}.
   */
  public static final class Builder extends ImmutableLockCardRequest.Builder {
    Builder() {}

    /**
     * Builds the request.
     *
     * @return the value
     * @throws org.brexsync.brex.BrexValidationException listing every missing required attribute
     */
    @Override
    public LockCardRequest build() {
      return RequiredAttributes.build(LockCardRequest.class, super::build);
    }
  }
}
