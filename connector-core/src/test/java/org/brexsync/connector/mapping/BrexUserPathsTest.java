package org.brexsync.connector.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The Brex user schema embedded for source-path validation is the official spec's UserResponse. */
class BrexUserPathsTest {

  /** shared/specs/brex/brex-team-api.2025-03.json above the working directory (the library itself never reads it). */
  static Optional<Path> findSpec() {
    for (Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared/specs/brex/brex-team-api.2025-03.json");
      if (java.nio.file.Files.isRegularFile(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  @Test
  void theEmbeddedSchemaHasExactlyTheSpecsUserResponseFields() throws Exception {
    Optional<Path> spec = findSpec();
    Assumptions.assumeTrue(spec.isPresent(), "Brex spec not found above the working directory");
    JsonNode schemas = new ObjectMapper().readTree(spec.get().toFile()).path("components").path("schemas");
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
