package org.brexsync.connector.insight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.function.Consumer;
import org.brexsync.brex.BrexClient;
import org.brexsync.brex.BrexJson;
import org.brexsync.brex.model.ListCardsRequest;

/**
 * Port to every Brex card, streamed: one listing of {@code GET /v2/cards} (all cards, auto-paged,
 * one page in memory), never one call per user. Cards are JSON trees with the spec's field names.
 * Implementations must be thread-safe.
 */
@FunctionalInterface
public interface CardSource {

  /** Calls {@code action} once per card, in Brex order. */
  void forEachCard(Consumer<ObjectNode> action);

  /** The cards of a brex-client, listed 1,000 per page. */
  static CardSource of(BrexClient client) {
    Objects.requireNonNull(client, "client");
    return action ->
        client
            .cards()
            .list(ListCardsRequest.builder().limit(1000).build())
            .forEach(
                c -> {
                  JsonNode n = BrexJson.toJsonTree(c);
                  if (n instanceof ObjectNode) {
                    action.accept((ObjectNode) n);
                  }
                });
  }
}
