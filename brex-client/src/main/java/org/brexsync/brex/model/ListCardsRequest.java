package org.brexsync.brex.model;

import java.util.Optional;
import org.immutables.value.Value;

/** Query of {@code GET /v2/cards}: the owner's user id (all cards when absent), page size, cursor. */
@Value.Immutable
public abstract class ListCardsRequest {
  ListCardsRequest() {}

  /** Only cards of this user ({@code user_id}). */
  public abstract Optional<String> userId();

  /** Page size, 1..1000. */
  public abstract Optional<Integer> limit();

  /** Cursor to start from. */
  public abstract Optional<String> cursor();

  /** A new builder. */
  public static ImmutableListCardsRequest.Builder builder() {
    return ImmutableListCardsRequest.builder();
  }

  /** Every card of the company. */
  public static ListCardsRequest all() {
    return builder().build();
  }

  /** The cards of one user. */
  public static ListCardsRequest forUser(String userId) {
    return builder().userId(userId).build();
  }
}
