package org.brexsync.connector.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Brex user schema embedded for source-path validation is the official spec's UserResponse. */
class BrexUserPathsTest {

  /** The official spec from the test classpath (the repository's test-resources; the library never reads it). */
  static JsonNode spec() throws java.io.IOException {
    String name = "/specs/brex/brex-team-api.2025-03.json";
    try (java.io.InputStream in = BrexUserPathsTest.class.getResourceAsStream(name)) {
      assertThat(in).as(name + " on the test classpath (test-resources/specs)").isNotNull();
      return new ObjectMapper().readTree(in);
    }
  }

  @Test
  void theEmbeddedSchemaHasExactlyTheSpecsUserResponseFields() throws Exception {
    JsonNode schemas = spec().path("components").path("schemas");
    Map<String, String> expected = new LinkedHashMap<>();
    schemas.path("UserResponse").path("properties").fields().forEachRemaining(e -> {
      JsonNode p = e.getValue();
      expected.put(e.getKey(), p.path("type").asText("").equals("object") && p.has("additionalProperties") ? "map" : "string");
    });
    Map<String, String> embedded = new LinkedHashMap<>();
    for (String f : BrexUserPaths.spec().fields()) {
      embedded.put(f, BrexUserPaths.spec().isKnown(f + ".any_key") ? "map" : "string");
    }
    assertThat(embedded).isEqualTo(expected);
  }

  @Test
  void enrichmentsAreTheOnesTheEngineResolves() {
    BrexUserPaths p = BrexUserPaths.spec();
    assertThat(p.knownPaths()).contains("department.name", "location.name", "title.name", "department.id", "manager", "manager.email");
    assertThat(p.isKnown("manager.metadata.cost_center")).isTrue();
    assertThat(p.isKnown("manager.manager.email")).as("a manager's own enrichments are not resolved").isFalse();
  }
}
