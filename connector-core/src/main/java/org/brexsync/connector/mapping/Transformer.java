package org.brexsync.connector.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * One step of a mapping rule's transformer chain: turns a (possibly empty) value into another. A
 * transformer that throws fails the record (reported as FAILED with the message), never the run.
 * Implementations must be stateless and thread-safe.
 */
@FunctionalInterface
public interface Transformer {

  /**
   * Transforms a value; empty means "no value".
   *
   * @param value the value
   * @param context the context
   * @return the JSON node, or empty
   */
  Optional<JsonNode> apply(Optional<JsonNode> value, TransformContext context);
}
