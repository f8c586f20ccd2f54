package org.brexsync.brex.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.brexsync.brex.internal.RequiredAttributes;
import org.immutables.value.Value;

/** Owner of a card; Brex only has user owners ({@code {"type":"USER","user_id":...}}). */
@Value.Immutable
@JsonSerialize(as = ImmutableCardOwner.class)
@JsonDeserialize(as = ImmutableCardOwner.class)
public abstract class CardOwner implements WithCardOwner {
  CardOwner() {}

  /** {@return JSON {@code type}} */
  @JsonProperty("type")
  public abstract OwnerType type();

  /** {@return JSON {@code user_id}} */
  @JsonProperty("user_id")
  public abstract String userId();

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@return a card owned by the user with id {@code userId}}
   *
   * @param userId the user id
   */
  public static CardOwner user(String userId) {
    return builder().type(OwnerType.USER).userId(userId).build();
  }

  /**
   * Builder of {@link CardOwner} (returned by {@link #builder()}). {@link #build()} throws one
   * {@link org.brexsync.brex.BrexValidationException} with a violation per missing required
   * attribute ({@code type}, {@code user_id}), named by its JSON name, instead of Immutables'
   * {@code IllegalStateException}; the other rules are checked by {@link
   * org.brexsync.brex.BrexValidation}.
   */
  public static final class Builder extends ImmutableCardOwner.Builder {
    Builder() {}

    /**
     * Builds the value.
     *
     * @return the value
     * @throws org.brexsync.brex.BrexValidationException listing every missing required attribute
     */
    @Override
    public CardOwner build() {
      return RequiredAttributes.build(CardOwner.class, super::build);
    }
  }
}
