package org.brexsync.brex.model;

import java.util.Optional;
import org.brexsync.brex.internal.RequiredAttributes;
import org.immutables.value.Value;

/** Query of {@code GET /v2/cards}: the owner's user id (all cards when absent), page size, cursor. */
@Value.Immutable
public abstract class ListCardsRequest implements WithListCardsRequest {
  ListCardsRequest() {}

  /** Only cards of this user ({@code user_id}). */
  public abstract Optional<String> userId();

  /** Page size, 1..1000. */
  public abstract Optional<Integer> limit();

  /** Cursor to start from. */
  public abstract Optional<String> cursor();

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Every card of the company. */
  public static ListCardsRequest all() {
    return builder().build();
  }

  /** The cards of one user. */
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
