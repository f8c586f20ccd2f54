package org.brexsync.brex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The Brex OpenAPI specs the client is tested against, read from the test classpath: the
 * repository's {@code test-resources/specs/brex} (source and date in test-resources/README.md),
 * added to every module's test resources by the parent pom. A missing spec fails the test; it
 * never skips it.
 */
final class Specs {
  static final String TEAM = "brex-team-api.2025-03.json";
  static final String WEBHOOKS = "brex-webhooks-api.2024-06.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private Specs() {}

  /** The parsed spec {@code file} of {@code specs/brex}. */
  static JsonNode brex(String file) {
    String name = "/specs/brex/" + file;
    try (InputStream in = Specs.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new AssertionError("Brex spec " + name + " is not on the test classpath: it belongs in the"
            + " repository's test-resources/specs/brex, which the parent pom adds to the test resources");
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }
}
