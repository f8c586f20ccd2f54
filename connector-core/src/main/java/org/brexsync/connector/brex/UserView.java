package org.brexsync.connector.brex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Map;
import java.util.Optional;
import org.brexsync.brex.BrexJson;
import org.brexsync.brex.model.User;
import org.brexsync.connector.record.FieldPath;
import org.brexsync.connector.record.RecordView;

/**
 * brex-client's {@link User} seen through the spec's field names, read in place: a value is made
 * only when a path asks for it, so a user read from Brex is never converted to a JSON tree. Presence
 * follows {@link BrexJson}'s tree of the same user exactly (an empty optional is absent; {@code
 * metadata} is always present), so filters and mappings behave as on that tree.
 */
final class UserView implements RecordView {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final User user;
  private ObjectNode metadata;

  UserView(User user) {
    this.user = user;
  }

  User user() {
    return user;
  }

  /** The value of a top-level spec field; null when absent. */
  private JsonNode field(String name) {
    switch (name) {
      case "id":
        return TextNode.valueOf(user.id());
      case "first_name":
        return TextNode.valueOf(user.firstName());
      case "last_name":
        return TextNode.valueOf(user.lastName());
      case "email":
        return TextNode.valueOf(user.email());
      case "status":
        return user.status().map(s -> (JsonNode) TextNode.valueOf(s.name())).orElse(null);
      case "manager_id":
        return text(user.managerId());
      case "department_id":
        return text(user.departmentId());
      case "location_id":
        return text(user.locationId());
      case "title_id":
        return text(user.titleId());
      case "remote_display_id":
        return text(user.remoteDisplayId());
      case "metadata":
        return metadata();
      default:
        return null;
    }
  }

  private static JsonNode text(Optional<String> v) {
    return v.isPresent() ? TextNode.valueOf(v.get()) : null;
  }

  private ObjectNode metadata() {
    if (metadata == null) {
      ObjectNode m = F.objectNode();
      for (Map.Entry<String, String> e : user.metadata().entrySet()) {
        m.put(e.getKey(), e.getValue());
      }
      metadata = m;
    }
    return metadata;
  }

  @Override
  public Optional<JsonNode> get(FieldPath path) {
    JsonNode v = field(path.head());
    if (v == null) {
      return Optional.empty();
    }
    if (path.size() == 1) {
      return Optional.of(v);
    }
    return path.resolve(wrap(path.head(), v));
  }

  @Override
  public boolean has(FieldPath path) {
    JsonNode v = field(path.head());
    if (v == null) {
      return false;
    }
    return path.size() == 1 || path.isPresentIn(wrap(path.head(), v));
  }

  private static ObjectNode wrap(String head, JsonNode v) {
    ObjectNode o = F.objectNode();
    o.set(head, v);
    return o;
  }

  @Override
  public ObjectNode toJson() {
    return (ObjectNode) BrexJson.toJsonTree(user);
  }

  @Override
  public String toString() {
    return "BrexUser{id=" + user.id() + "}";
  }
}
