package org.brexsync.brex.model;

import java.util.Optional;
import org.brexsync.brex.internal.RequiredAttributes;
import org.immutables.value.Value;

/** Query of {@code GET /v2/cards}: the owner's user id (all cards when absent), page size, cursor. */
@Value.Immutable
public abstract class ListCardsRequest implements WithListCardsRequest {
  ListCardsRequest() {}

  /**
   * Only cards of this user ({@code user_id}).
   *
   * @return the string, or empty
   */
  public abstract Optional<String> userId();

  /** {@return page size, 1..1000} */
  public abstract Optional<Integer> limit();

  /** {@return cursor to start from} */
  public abstract Optional<String> cursor();

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return every card of the company} */
  public static ListCardsRequest all() {
    return builder().build();
  }

  /**
   * {@return the cards of one user}
   *
   * @param userId the user id
   */
  public static ListCardsRequest forUser(String userId) {
    return builder().userId(userId).build();
  }

  /**
   * Builder of {@link ListCardsRequest}, from {@link #builder()}; {@code from(value)} starts from the attributes of
   * an existing value. {@link #build()} throws one {@link org.brexsync.brex.BrexValidationException}
   * naming every unset required attribute by its JSON name.
   */
  public static final class Builder extends ImmutableListCardsRequest.Builder {
    Builder() {}

    /**
     * Builds the value.
     *
     * @return the value
     * @throws org.brexsync.brex.BrexValidationException listing every unset required attribute
     */
    @Override
    public ListCardsRequest build() {
      return RequiredAttributes.build(ListCardsRequest.class, super::build);
    }
  }
}
