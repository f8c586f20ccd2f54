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

  /**
   * {@return the value at a path; empty when missing or JSON null}
   *
   * @param path the path
   */
  Optional<JsonNode> get(FieldPath path);

  /**
   * {@return whether the path is present in the record, possibly holding JSON null, as opposed to absent (the
   * record does not have it at all)} Mapping rules never clear an Oomnitza field because their source
   * is absent (see {@link org.brexsync.connector.mapping.WhenAbsent}). The default treats a path as
   * present exactly when it has a value; views over JSON trees tell null from absent.
   *
   * @param path the path
   */
  default boolean has(FieldPath path) {
    return get(path).isPresent();
  }

  /**
   * {@return the value at a path given as text}
   *
   * @param path the path
   */
  default Optional<JsonNode> get(String path) {
    return get(FieldPath.parse(path));
  }

  /**
   * {@return the value at a path as text ({@code asText()} of scalars, JSON text of containers)}
   *
   * @param path the path
   */
  default Optional<String> text(String path) {
    return get(path).map(n -> n.isValueNode() ? n.asText() : n.toString());
  }

  /** {@return the record as a JSON tree, including any enrichments this view can resolve} */
  ObjectNode toJson();

  /**
   * {@return a view of a plain JSON object without enrichments}
   *
   * @param node the JSON node
   */
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
