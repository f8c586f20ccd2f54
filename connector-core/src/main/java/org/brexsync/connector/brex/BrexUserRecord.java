package org.brexsync.connector.brex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;
import org.brexsync.connector.record.FieldPath;
import org.brexsync.connector.record.RecordView;

/**
 * A Brex user as a {@link RecordView}: the spec's JSON fields plus enrichments resolved lazily
 * through {@link BrexLookups} only when a path asks for them:
 *
 * <ul>
 *   <li>{@code department.id}, {@code department.name} (from {@code department_id})
 *   <li>{@code location.id}, {@code location.name} (from {@code location_id})
 *   <li>{@code title.id}, {@code title.name} (from {@code title_id})
 *   <li>{@code manager.*}, e.g. {@code manager.email} (the manager's user record, from {@code manager_id})
 * </ul>
 */
public final class BrexUserRecord implements RecordView {
  private final ObjectNode user;
  private final Optional<BrexLookups> lookups;

  private BrexUserRecord(ObjectNode user, Optional<BrexLookups> lookups) {
    this.user = Objects.requireNonNull(user, "user");
    this.lookups = lookups;
  }

  /** A view with enrichments resolved through the lookups. */
  public static BrexUserRecord of(ObjectNode user, BrexLookups lookups) {
    return new BrexUserRecord(user, Optional.of(lookups));
  }

  /** A view without enrichments (enriched paths resolve to empty). */
  public static BrexUserRecord of(ObjectNode user) {
    return new BrexUserRecord(user, Optional.empty());
  }

  /** The Brex user id. */
  public String id() {
    return user.path("id").asText("");
  }

  /** The raw user tree (not a copy: do not modify). */
  public ObjectNode raw() {
    return user;
  }

  @Override
  public Optional<JsonNode> get(FieldPath path) {
    String head = path.head();
    if (!user.has(head) && lookups.isPresent()) {
      Optional<JsonNode> enriched = enrichment(head);
      if (enriched.isPresent()) {
        return path.tail().map(t -> t.resolve(enriched.get())).orElse(enriched);
      }
    }
    return path.resolve(user);
  }

  /**
   * Whether the path is present, as opposed to absent. For an enrichment it is decided by the id it
   * comes from: an absent {@code title_id} makes {@code title.name} absent, a null or empty one makes
   * it present and empty (the user has no title), and an id the lookup does not resolve makes it
   * absent (unknown, so never a reason to clear anything).
   */
  @Override
  public boolean has(FieldPath path) {
    String head = path.head();
    String idField = ENRICHMENT_IDS.get(head);
    if (idField != null && !user.has(head) && lookups.isPresent()) {
      JsonNode id = user.get(idField);
      if (id == null || id.isMissingNode()) {
        return false;
      }
      if (id.isNull() || id.asText().isEmpty()) {
        return true;
      }
      Optional<JsonNode> enriched = enrichment(head);
      return enriched.isPresent() && path.tail().map(t -> t.isPresentIn(enriched.get())).orElse(true);
    }
    return path.isPresentIn(user);
  }

  /** Enrichment name → the user field holding its id. */
  private static final java.util.Map<String, String> ENRICHMENT_IDS =
      java.util.Map.of("department", "department_id", "location", "location_id", "title", "title_id", "manager", "manager_id");

  private Optional<JsonNode> enrichment(String head) {
    BrexLookups l = lookups.get();
    switch (head) {
      case "department":
        return named("department_id", l::departmentName);
      case "location":
        return named("location_id", l::locationName);
      case "title":
        return named("title_id", l::titleName);
      case "manager":
        return rawText("manager_id").flatMap(l::user).map(u -> (JsonNode) u);
      default:
        return Optional.empty();
    }
  }

  private Optional<JsonNode> named(String idField, java.util.function.Function<String, Optional<String>> lookup) {
    return rawText(idField)
        .map(
            id -> {
              ObjectNode o = JsonNodeFactory.instance.objectNode();
              o.put("id", id);
              lookup.apply(id).ifPresent(n -> o.put("name", n));
              return o;
            });
  }

  private Optional<String> rawText(String field) {
    JsonNode n = user.get(field);
    return n == null || n.isNull() || n.asText().isEmpty() ? Optional.empty() : Optional.of(n.asText());
  }

  @Override
  public ObjectNode toJson() {
    ObjectNode copy = user.deepCopy();
    if (lookups.isPresent()) {
      for (String h : new String[] {"department", "location", "title", "manager"}) {
        if (!copy.has(h)) {
          enrichment(h).ifPresent(v -> copy.set(h, v.deepCopy()));
        }
      }
    }
    return copy;
  }

  @Override
  public String toString() {
    return "BrexUserRecord{id=" + id() + "}";
  }
}
