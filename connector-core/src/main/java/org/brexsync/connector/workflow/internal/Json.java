package org.brexsync.connector.workflow.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.Optional;

/** The workflow package's JSON mapper (strict: unknown members in a preset are errors). Not API. */
public final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .registerModule(new Jdk8Module())
      .registerModule(new JavaTimeModule())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private Json() {}

  /** The shared mapper (configured once, never changed afterwards). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Parses JSON text, or empty when it is not JSON. */
  public static Optional<JsonNode> tryParse(String text) {
    try {
      return Optional.ofNullable(MAPPER.readTree(text));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
