package org.brexsync.connector.fakes;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.brexsync.connector.port.UserPage;
import org.brexsync.connector.port.UserSource;

/** In-memory Brex users with cursor paging. */
public final class FakeBrex implements UserSource {
  public final List<ObjectNode> users = new CopyOnWriteArrayList<>();
  public final List<ObjectNode> departments = new ArrayList<>();
  public final List<ObjectNode> locations = new ArrayList<>();
  public final List<ObjectNode> titles = new ArrayList<>();
  public final AtomicInteger listCalls = new AtomicInteger();
  public final AtomicInteger getCalls = new AtomicInteger();
  public final AtomicInteger directoryCalls = new AtomicInteger();
  public volatile RuntimeException failPagesWith;
  public volatile Runnable onListUsers = () -> {};

  public static ObjectNode user(String id, String first, String last, String email, String status) {
    ObjectNode u = JsonNodeFactory.instance.objectNode();
    u.put("id", id).put("first_name", first).put("last_name", last).put("email", email).put("status", status);
    return u;
  }

  public FakeBrex add(ObjectNode u) {
    users.add(u);
    return this;
  }

  /** Adds {@code n} users numbered after the ones already added (ids and emails never repeat). */
  public FakeBrex addMany(int n) {
    int from = users.size();
    for (int i = from; i < from + n; i++) {
      users.add(user(String.format("cuuser_%05d", i), "First" + i, "Last" + i, "user" + i + "@acme.test", "ACTIVE"));
    }
    return this;
  }

  public ObjectNode byId(String id) {
    return users.stream().filter(u -> u.get("id").asText().equals(id)).findFirst().orElseThrow();
  }

  @Override
  public UserPage listUsers(Optional<String> cursor, int limit) {
    listCalls.incrementAndGet();
    onListUsers.run();
    if (failPagesWith != null) {
      throw failPagesWith;
    }
    int from = cursor.map(Integer::parseInt).orElse(0);
    int to = Math.min(users.size(), from + limit);
    List<ObjectNode> items = new ArrayList<>();
    for (ObjectNode u : users.subList(from, to)) {
      items.add(u.deepCopy());
    }
    return UserPage.of(items, to < users.size() ? Optional.of(Integer.toString(to)) : Optional.empty());
  }

  @Override
  public Optional<ObjectNode> getUser(String id) {
    getCalls.incrementAndGet();
    return users.stream().filter(u -> u.get("id").asText().equals(id)).findFirst().map(ObjectNode::deepCopy);
  }

  @Override
  public List<ObjectNode> listDepartments() {
    directoryCalls.incrementAndGet();
    return departments;
  }

  @Override
  public List<ObjectNode> listLocations() {
    directoryCalls.incrementAndGet();
    return locations;
  }

  @Override
  public List<ObjectNode> listTitles() {
    directoryCalls.incrementAndGet();
    return titles;
  }
}
