package org.brexsync.connector.port;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;

/**
 * Port to every Brex card, streamed: one listing of {@code GET /v2/cards} (all cards, auto-paged,
 * one page in memory), never one call per user. Cards are JSON trees with the spec's field names.
 * The adapter over brex-client is {@link org.brexsync.connector.brex.BrexCardSource}.
 * Implementations must be thread-safe.
 */
@FunctionalInterface
public interface CardSource {

  /**
   * Calls {@code action} once per card, in Brex order.
   *
   * @param action called with each card, on the calling thread
   */
  void forEachCard(Consumer<ObjectNode> action);
}
