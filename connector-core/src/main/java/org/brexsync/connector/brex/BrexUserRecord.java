package org.brexsync.connector.brex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;
import org.brexsync.connector.record.FieldPath;
import org.brexsync.connector.record.RecordView;

/**
 * A Brex user as a {@link RecordView}: the spec's fields plus enrichments resolved lazily
 * through {@link BrexLookups} only when a path asks for them:
 *
 * <ul>
 *   <li>{@code department.id}, {@code department.name} (from {@code department_id})
 *   <li>{@code location.id}, {@code location.name} (from {@code location_id})
 *   <li>{@code title.id}, {@code title.name} (from {@code title_id})
 *   <li>{@code manager.*}, e.g. {@code manager.email} (the manager's user record, from {@code manager_id})
 * </ul>
 *
 * <p>The user itself may be a JSON tree or any view of it (such as the Brex adapter's view of
 * brex-client's {@code User}); it is read in place, never copied.
 */
public final class BrexUserRecord implements RecordView {
  private static final FieldPath ID = FieldPath.parse("id");
  private static final java.util.Map<String, FieldPath> PATHS = java.util.Map.of(
      "department", FieldPath.parse("department"), "location", FieldPath.parse("location"),
      "title", FieldPath.parse("title"), "manager", FieldPath.parse("manager"),
      "department_id", FieldPath.parse("department_id"), "location_id", FieldPath.parse("location_id"),
      "title_id", FieldPath.parse("title_id"), "manager_id", FieldPath.parse("manager_id"));

  private final RecordView user;
  private final Optional<BrexLookups> lookups;
  /** Enrichments resolved so far, by {@link #ENRICHMENTS} index (null: not yet): a mapping asks for each twice (has, get). */
  private Optional<JsonNode>[] enriched;

  private BrexUserRecord(RecordView user, Optional<BrexLookups> lookups) {
    this.user = Objects.requireNonNull(user, "user");
    this.lookups = lookups;
  }

  /**
   * {@return a view with enrichments resolved through the lookups}
   *
   * @param user the user
   * @param lookups the lookups
   */
  public static BrexUserRecord of(ObjectNode user, BrexLookups lookups) {
    return new BrexUserRecord(tree(user), Optional.of(lookups));
  }

  /**
   * {@return a view without enrichments (enriched paths resolve to empty)}
   *
   * @param user the user
   */
  public static BrexUserRecord of(ObjectNode user) {
    return new BrexUserRecord(tree(user), Optional.empty());
  }

  /**
   * {@return a view of a user already seen through the spec's names, with enrichments resolved through the lookups}
   *
   * @param user the user
   * @param lookups the lookups
   */
  public static BrexUserRecord of(RecordView user, BrexLookups lookups) {
    return new BrexUserRecord(user, Optional.of(lookups));
  }

  /** {@return the Brex user id} */
  public String id() {
    return user.get(ID).map(JsonNode::asText).orElse("");
  }

  /** {@return the user as a JSON tree (the tree itself when the user is one: do not modify)} */
  public ObjectNode raw() {
    return user instanceof Tree ? ((Tree) user).node : user.toJson();
  }

  /** {@return the user without enrichments} */
  public RecordView user() {
    return user;
  }

  @Override
  public Optional<JsonNode> get(FieldPath path) {
    String head = path.head();
    if (lookups.isPresent() && ENRICHMENT_IDS.containsKey(head) && !user.has(PATHS.get(head))) {
      Optional<JsonNode> enriched = enrichment(head);
      if (enriched.isPresent()) {
        return path.tail().map(t -> t.resolve(enriched.get())).orElse(enriched);
      }
    }
    return user.get(path);
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
    if (idField != null && lookups.isPresent() && !user.has(PATHS.get(head))) {
      FieldPath idPath = PATHS.get(idField);
      if (!user.has(idPath)) {
        return false;
      }
      Optional<JsonNode> id = user.get(idPath);
      if (id.isEmpty() || id.get().asText().isEmpty()) {
        return true;
      }
      Optional<JsonNode> enriched = enrichment(head);
      return enriched.isPresent() && path.tail().map(t -> t.isPresentIn(enriched.get())).orElse(true);
    }
    return user.has(path);
  }

  /** Enrichment name → the user field holding its id. */
  private static final java.util.Map<String, String> ENRICHMENT_IDS =
      java.util.Map.of("department", "department_id", "location", "location_id", "title", "title_id", "manager", "manager_id");

  private static final java.util.List<String> ENRICHMENTS = java.util.List.of("department", "location", "title", "manager");

  @SuppressWarnings("unchecked")
  private Optional<JsonNode> enrichment(String head) {
    int i = ENRICHMENTS.indexOf(head);
    if (i < 0) {
      return Optional.empty();
    }
    if (enriched == null) {
      enriched = new Optional[ENRICHMENTS.size()];
    }
    if (enriched[i] == null) {
      enriched[i] = resolve(head);
    }
    return enriched[i];
  }

  private Optional<JsonNode> resolve(String head) {
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
    return user.get(PATHS.get(field)).map(JsonNode::asText).filter(s -> !s.isEmpty());
  }

  @Override
  public ObjectNode toJson() {
    ObjectNode copy = user.toJson();
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

  private static Tree tree(ObjectNode node) {
    return new Tree(Objects.requireNonNull(node, "user"));
  }

  /** A tree read in place. */
  private static final class Tree implements RecordView {
    final ObjectNode node;

    Tree(ObjectNode node) {
      this.node = node;
    }

    @Override
    public Optional<JsonNode> get(FieldPath path) {
      return path.resolve(node);
    }

    @Override
    public boolean has(FieldPath path) {
      return path.isPresentIn(node);
    }

    @Override
    public ObjectNode toJson() {
      return node.deepCopy();
    }
  }
}
