package org.brexsync.connector.brex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.brexsync.brex.BrexClient;
import org.brexsync.brex.BrexJson;
import org.brexsync.brex.BrexNotFoundException;
import org.brexsync.brex.Page;
import org.brexsync.brex.model.ListReferenceDataRequest;
import org.brexsync.brex.model.ListUsersRequest;
import org.brexsync.brex.model.User;
import org.brexsync.connector.port.UserPage;
import org.brexsync.connector.port.UserSource;

/**
 * The {@link UserSource} over brex-client: {@code GET /v2/users} one cursor page at a time. Users
 * stay the client's {@code User} objects, seen through the spec's field names (read once, never
 * converted); the directories and single users (manager lookups) are JSON trees. Retries, rate limiting and
 * errors are brex-client's. Thread-safe.
 */
public final class BrexUserSource implements UserSource {
  private final BrexClient client;

  private BrexUserSource(BrexClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  /**
   * {@return a source over a client}
   *
   * @param client the Brex client
   */
  public static BrexUserSource of(BrexClient client) {
    return new BrexUserSource(client);
  }

  /** One page, each user the client read kept as it is and seen through the spec's names (no conversion). */
  @Override
  public UserPage listUsers(Optional<String> cursor, int limit) {
    ListUsersRequest req = ListUsersRequest.builder().limit(limit).cursor(cursor).build();
    Page<User> page = client.users().list(req).firstPage();
    List<UserView> items = new ArrayList<>(page.items().size());
    for (User u : page.items()) {
      items.add(new UserView(u));
    }
    return UserPage.ofRecords(items, page.nextCursor());
  }

  @Override
  public Optional<ObjectNode> getUser(String id) {
    try {
      return Optional.of(tree(client.users().get(id)));
    } catch (BrexNotFoundException e) {
      return Optional.empty();
    }
  }

  @Override
  public List<ObjectNode> listDepartments() {
    List<ObjectNode> out = new ArrayList<>();
    client.departments().list(ListReferenceDataRequest.builder().limit(1000).build()).forEach(d -> out.add(tree(d)));
    return out;
  }

  @Override
  public List<ObjectNode> listLocations() {
    List<ObjectNode> out = new ArrayList<>();
    client.locations().list(ListReferenceDataRequest.builder().limit(1000).build()).forEach(d -> out.add(tree(d)));
    return out;
  }

  @Override
  public List<ObjectNode> listTitles() {
    List<ObjectNode> out = new ArrayList<>();
    client.titles().list(ListReferenceDataRequest.builder().limit(1000).build()).forEach(d -> out.add(tree(d)));
    return out;
  }

  private static ObjectNode tree(Object model) {
    JsonNode n = BrexJson.toJsonTree(model);
    if (!(n instanceof ObjectNode)) {
      throw new IllegalStateException("Brex model did not serialise to a JSON object");
    }
    return (ObjectNode) n;
  }

  @Override
  public String toString() {
    return "BrexUserSource{" + client.baseUri() + "}";
  }
}
