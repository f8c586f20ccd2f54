package org.brexsync.connector.brex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.function.Consumer;
import org.brexsync.brex.BrexClient;
import org.brexsync.brex.BrexJson;
import org.brexsync.brex.model.ListCardsRequest;
import org.brexsync.connector.port.CardSource;

/** The {@link CardSource} over brex-client: every card, listed 1,000 per page. Thread-safe. */
public final class BrexCardSource implements CardSource {
  private final BrexClient client;

  private BrexCardSource(BrexClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  /**
   * {@return the cards of a brex-client}
   *
   * @param client the Brex client
   */
  public static BrexCardSource of(BrexClient client) {
    return new BrexCardSource(client);
  }

  @Override
  public void forEachCard(Consumer<ObjectNode> action) {
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

  @Override
  public String toString() {
    return "BrexCardSource{" + client.baseUri() + "}";
  }
}
