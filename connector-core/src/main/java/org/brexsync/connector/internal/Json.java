package org.brexsync.connector.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Optional;

/** The module's one configured ObjectMapper. Not API. */
public final class Json {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new Jdk8Module())
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  private Json() {}

  /** The shared mapper (thread-safe once configured; never reconfigure it). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Whether a node counts as "no value": absent, JSON null or blank text. */
  public static boolean isEmpty(Optional<JsonNode> n) {
    return n.isEmpty() || isEmpty(n.get());
  }

  /** Whether a node counts as "no value": null, JSON null, missing or blank text. */
  public static boolean isEmpty(JsonNode n) {
    return n == null
        || n.isNull()
        || n.isMissingNode()
        || (n.isTextual() && n.asText().isBlank())
        || (n.isContainerNode() && n.size() == 0);
  }

  /**
   * Value equality as Oomnitza compares fields: scalars by text (so 25 equals "25"), containers
   * structurally, and every kind of empty equal to each other.
   */
  public static boolean sameValue(JsonNode a, JsonNode b) {
    boolean ea = isEmpty(a);
    boolean eb = isEmpty(b);
    if (ea || eb) {
      return ea && eb;
    }
    if (a.isValueNode() && b.isValueNode()) {
      if (a.isNumber() && b.isNumber()) {
        return a.decimalValue().compareTo(b.decimalValue()) == 0;
      }
      if (a.isBoolean() || b.isBoolean()) {
        return a.asText().equalsIgnoreCase(b.asText());
      }
      return a.asText().equals(b.asText());
    }
    return a.equals(b);
  }
}
