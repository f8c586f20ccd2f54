package org.brexsync.connector.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * A read-only view of one record as a JSON tree, addressed by {@link FieldPath}s. The sync engine,
 * filters, mapping rules (and later workflows and insight) read records only through this view, so
 * enriched values (such as a department's name) resolve the same way everywhere.
 */
public interface RecordView {

  /** The value at a path; empty when missing or JSON null. */
  Optional<JsonNode> get(FieldPath path);

  /**
   * Whether the path is present in the record, possibly holding JSON null, as opposed to absent (the
   * record does not have it at all). Mapping rules never clear an Oomnitza field because their source
   * is absent (see {@link org.brexsync.connector.mapping.WhenAbsent}). The default treats a path as
   * present exactly when it has a value; views over JSON trees tell null from absent.
   */
  default boolean has(FieldPath path) {
    return get(path).isPresent();
  }

  /** The value at a path given as text. */
  default Optional<JsonNode> get(String path) {
    return get(FieldPath.parse(path));
  }

  /** The value at a path as text ({@code asText()} of scalars, JSON text of containers). */
  default Optional<String> text(String path) {
    return get(path).map(n -> n.isValueNode() ? n.asText() : n.toString());
  }

  /** The record as a JSON tree, including any enrichments this view can resolve. */
  ObjectNode toJson();

  /** A view of a plain JSON object without enrichments. */
  static RecordView of(ObjectNode node) {
    ObjectNode copy = node.deepCopy();
    return new RecordView() {
      @Override
      public Optional<JsonNode> get(FieldPath path) {
        return path.resolve(copy);
      }

      @Override
      public boolean has(FieldPath path) {
        return path.isPresentIn(copy);
      }

      @Override
      public ObjectNode toJson() {
        return copy.deepCopy();
      }

      @Override
      public String toString() {
        return "RecordView" + copy;
      }
    };
  }
}
