package org.brexsync.oomnitza;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.brexsync.oomnitza.bulk.BulkRecord;
import org.brexsync.oomnitza.bulk.BulkRunOptions;
import org.brexsync.oomnitza.bulk.ConnectorRef;
import org.brexsync.oomnitza.filter.Filter;
import org.brexsync.oomnitza.saas.SaasAssignment;
import org.brexsync.oomnitza.saas.SaasUserQuery;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks every request the client makes against an outside reference: the third-party OpenAPI
 * description of Oomnitza's REST v3 ({@code test-resources/specs/oomnitza}, source and date in
 * test-resources/README.md), not against this project's own fixtures or simulator. For each call:
 * the path is an operation of the description with that method, every query parameter is declared
 * there, header parameters with an enum carry a legal value, the {@code Authorization2} API key is
 * sent, and JSON bodies match the request schema (property names, required properties, types).
 *
 * <p>The description lacks what Oomnitza documents elsewhere or only its own connector uses. Those
 * calls and parameters are listed below with their source, and the test fails on anything else.
 */
class OomnitzaSpecConformanceTest extends WireTestSupport {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Paths the client calls that the description does not have: the connector-only contract. */
  static final Set<String> OUTSIDE_THE_DESCRIPTION = Set.of(
      "POST /api/request_token",                       // token exchange, from the official connector
      "GET /api/v2/mappings",                          // the connector's credential probe
      "POST /api/v3/bulk",                             // bulk (connector) API, undocumented
      "GET /api/v3/bulk/{portion}",
      "POST /api/v3/bulk/{portion}/finalize");

  /** Query parameters Oomnitza documents but the description does not declare (and why we send them). */
  static final Set<String> UNDECLARED_BUT_DOCUMENTED = Set.of(
      "GET /api/v3/users fields",                      // "Oomnitza REST APIs": commonly used parameters
      "GET /api/v3/saas_users limit",                  // every v3 list pages by limit/skip; the
      "GET /api/v3/saas_users skip",                   // description omits them on the SaaS lists
      "GET /api/v3/saas/{ident}/users limit",
      "GET /api/v3/saas/{ident}/users skip");

  static JsonNode spec;

  @BeforeAll
  static void readSpec() throws IOException {
    String name = "/specs/oomnitza/oomnitza-api-v3.third-party.yaml";
    try (InputStream in = OomnitzaSpecConformanceTest.class.getResourceAsStream(name)) {
      assertThat(in).as("%s on the test classpath (test-resources/specs, added by the parent pom)", name).isNotNull();
      spec = YAML.readTree(in);
    }
  }

  @Test
  void everyRequestMatchesTheThirdPartyDescription() throws Exception {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
            .body(answer(r)).build();
      }
    });
    exerciseEveryOperation();
    List<RecordedRequest> sent = new ArrayList<>();
    for (int i = 0, n = server.getRequestCount(); i < n; i++) {
      sent.add(take());
    }

    List<String> problems = new ArrayList<>();
    Set<String> covered = new TreeSet<>();
    Set<String> outside = new TreeSet<>();
    Set<String> undeclared = new TreeSet<>();
    for (RecordedRequest r : sent) {
      check(r, problems, covered, outside, undeclared);
    }

    assertThat(problems).as("requests the description disagrees with").isEmpty();
    assertThat(covered).as("operations of the description the client was checked on").containsExactlyInAnyOrder(
        "GET /api/v3/users", "POST /api/v3/users", "GET /api/v3/users/{ident}", "PATCH /api/v3/users/{ident}",
        "DELETE /api/v3/users/{ident}", "GET /api/v3/saas_users", "PATCH /api/v3/saas_users/activate",
        "PATCH /api/v3/saas_users/deactivate", "GET /api/v3/saas/{ident}/users", "POST /api/v3/saas/{ident}/users",
        "POST /api/v3/saas/{ident}/users/{user_id}", "GET /api/v3/connector_run_logs/{ident}",
        "GET /api/v3/connector_run_logs/connectors/{ident}");
    assertThat(outside).isSubsetOf(OUTSIDE_THE_DESCRIPTION);
    assertThat(undeclared).isSubsetOf(UNDECLARED_BUT_DOCUMENTED);
  }

  @Test
  void theCheckerCatchesAWrongPathParameterHeaderAndField() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).body("{}").build());
    server.enqueue(new MockResponse.Builder().code(200).body("[]").build());
    HttpClient http = HttpClient.newHttpClient();
    http.send(HttpRequest.newBuilder(server.url("/api/v3/users/jdoe?limt=2").uri())
        .header("Oomnitza-Ignore-Meta-Restriction", "yes")
        .header("Content-Type", "application/json")
        .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"firstname\":\"J\",\"role\":\"admin\"}"))
        .build(), HttpResponse.BodyHandlers.discarding());
    http.send(HttpRequest.newBuilder(server.url("/api/v3/user").uri()).header("Authorization2", "t").build(),
        HttpResponse.BodyHandlers.discarding());
    List<String> problems = new ArrayList<>();
    Set<String> ignored = new HashSet<>();
    check(take(), problems, ignored, ignored, ignored);
    check(take(), problems, ignored, ignored, ignored);

    assertThat(String.join("\n", problems))
        .contains("query parameter 'limt'")
        .contains("Oomnitza-Ignore-Meta-Restriction")
        .contains("Authorization2")
        .contains("firstname")
        .contains("role: expected integer")
        .contains("GET /api/v3/user: no such operation");
  }

  // ------------------------------------------------------------------------------- exercising

  private void exerciseEveryOperation() {
    OomnitzaClient c = client();
    c.users().list(ListQuery.builder().pageSize(2).sortBy(Sort.asc("last_name"))
        .filter(Filter.eq("position", "Sales \"East\"")).addFields(OomnitzaUser.USERNAME, OomnitzaUser.EMAIL)
        .build()).toList();
    c.users().get("jdoe");
    c.users().find(OomnitzaUser.EMAIL, "jdoe@acme.com");
    c.users().findAll(OomnitzaUser.USERNAME, List.of("jdoe", "pam"));
    c.users().create(OomnitzaUser.builder().username("jdoe").email("jdoe@acme.com").firstName("Jane")
        .lastName("Doe").fullName("Jane Doe").position("Engineer").phoneNumber("+1 555 0100").address("1 Main St")
        .role(25).suspended(false).build(), RequestOptions.builder().ignoreMetaRestriction(true).build());
    c.users().update("jdoe", OomnitzaRecord.builder().set("position", "Manager").set("suspended", true).build(),
        RequestOptions.builder().ignoreMetaRestriction(true).build());
    c.users().delete("jdoe");

    c.saasUsers().list(SaasUserQuery.builder().filter(Filter.eq("status", "active")).text("jane")
        .addRoles("admin", "viewer").build()).toList();
    c.saasUsers().listForSaas("saas-1", SaasUserQuery.builder().lastVisit("01/01/2026").addRoles("admin").build())
        .toList();
    c.saasUsers().assign("saas-1", List.of(SaasAssignment.assign("u1"), SaasAssignment.unassign("u2")));
    c.saasUsers().storeExternalId("saas-1", "u1", "ext-1");
    c.saasUsers().activate(List.of("su-1", "su-2"));
    c.saasUsers().deactivate(List.of("su-1"));

    c.bulk().runLogs(ConnectorRef.name("Brex"), ListQuery.builder().pageSize(10).sortBy(Sort.desc("start_time"))
        .build()).toList();
    c.bulk().runLog("17");
    c.bulk().upload(BulkRunOptions.builder().connector(ConnectorRef.name("Brex")).addSyncFields(FieldId.EMAIL).build(),
        IntStream.range(0, 3).mapToObj(i -> BulkRecord.builder().set(FieldId.USER, "u" + i)
            .set(FieldId.EMAIL, "u" + i + "@acme.com").build()).collect(Collectors.toList()));
    c.verifyCredentials();
    clientBuilder().credentials("admin", "pw").build().verifyCredentials();
  }

  /** Plausible 200 answers, so every operation runs to its end. */
  private static String answer(RecordedRequest r) {
    String path = r.getUrl().encodedPath();
    String m = r.getMethod();
    if (path.equals("/api/request_token")) {
      return "{\"token\":\"fresh\"}";
    }
    if (path.startsWith("/api/v3/saas_users/")) {
      return "[{\"saas_user_id\":\"su-1\",\"error\":null}]";
    }
    if (path.startsWith("/api/v3/connector_run_logs/connectors/")) {
      return "{\"portion_id\":\"17\",\"objects\":{\"added\":1},\"logs\":{}}";
    }
    if (m.equals("GET") && (path.equals("/api/v3/users") || path.startsWith("/api/v3/connector_run_logs/")
        || path.equals("/api/v3/saas_users") || path.matches("/api/v3/saas/[^/]+/users"))) {
      return "[]";
    }
    if (m.equals("POST") && path.matches("/api/v3/saas/[^/]+/users")) {
      return "[]";
    }
    return "{\"username\":\"jdoe\"}";
  }

  // ------------------------------------------------------------------------------- checking

  private static void check(RecordedRequest r, List<String> problems, Set<String> covered, Set<String> outside,
      Set<String> undeclared) throws IOException {
    String method = r.getMethod();
    String path = r.getUrl().encodedPath();
    Optional<Map.Entry<String, JsonNode>> found = operation(method, path);
    if (found.isEmpty()) {
      String known = OUTSIDE_THE_DESCRIPTION.stream()
          .filter(o -> o.startsWith(method + " ") && matches(o.substring(method.length() + 1), path))
          .findFirst().orElse(null);
      if (known != null) {
        outside.add(known);
      } else {
        problems.add(method + " " + path + ": no such operation in the description");
      }
      return;
    }
    String template = found.get().getKey();
    JsonNode op = found.get().getValue();
    String where = method + " " + template;
    covered.add(where);
    Map<String, JsonNode> params = parameters(template, op);

    for (String q : r.getUrl().queryParameterNames()) {
      JsonNode p = params.get("query:" + q);
      if (p == null) {
        if (UNDECLARED_BUT_DOCUMENTED.contains(where + " " + q)) {
          undeclared.add(where + " " + q);
        } else {
          problems.add(where + ": query parameter '" + q + "' is not declared");
        }
      }
    }
    params.forEach((key, p) -> {
      if (key.startsWith("header:") && p.path("schema").has("enum")) {
        String value = r.getHeaders().get(p.path("name").asText());
        Set<String> legal = new HashSet<>();
        p.path("schema").path("enum").forEach(v -> legal.add(v.asText()));
        if (value != null && !legal.contains(value)) {
          problems.add(where + ": header " + p.path("name").asText() + ": " + value + " is not one of " + legal);
        }
      }
      if (p.path("required").asBoolean() && !key.startsWith("path:")) {
        String name = p.path("name").asText();
        boolean present = key.startsWith("query:") ? r.getUrl().queryParameter(name) != null
            : r.getHeaders().get(name) != null;
        if (!present) {
          problems.add(where + ": required " + key + " missing");
        }
      }
    });
    // securitySchemes.api_key: the token in the Authorization2 header
    String apiKeyHeader = spec.at("/components/securitySchemes/api_key/name").asText();
    if (r.getHeaders().get(apiKeyHeader) == null || r.getHeaders().get(apiKeyHeader).isBlank()) {
      problems.add(where + ": no " + apiKeyHeader + " header");
    }

    JsonNode schema = op.path("requestBody").path("content").path("application/json").path("schema");
    String body = r.getBody() == null ? "" : r.getBody().utf8();
    if (schema.isMissingNode()) {
      if (!body.isEmpty()) {
        problems.add(where + ": sends a body the operation does not take");
      }
    } else {
      if (!"application/json".equals(String.valueOf(r.getHeaders().get("Content-Type")).split(";")[0].trim())) {
        problems.add(where + ": body without Content-Type application/json");
      }
      checkValue(schema, JSON.readTree(body), where + " body", problems);
    }
  }

  /** The operation of the description for a method and a concrete (encoded) path. */
  static Optional<Map.Entry<String, JsonNode>> operation(String method, String path) {
    Iterator<Map.Entry<String, JsonNode>> it = spec.path("paths").fields();
    Map.Entry<String, JsonNode> best = null;
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode op = e.getValue().path(method.toLowerCase(java.util.Locale.ROOT));
      // a literal segment beats a parameter (/saas_users/activate is not /saas_users/{x})
      if (!op.isMissingNode() && matches(e.getKey(), path)
          && (best == null || literalSegments(e.getKey()) > literalSegments(best.getKey()))) {
        best = Map.entry(e.getKey(), op);
      }
    }
    return Optional.ofNullable(best);
  }

  private static long literalSegments(String template) {
    return java.util.Arrays.stream(template.split("/")).filter(s -> !s.startsWith("{")).count();
  }

  static boolean matches(String template, String path) {
    String[] t = template.split("/");
    String[] p = path.split("/");
    if (t.length != p.length) {
      return false;
    }
    for (int i = 0; i < t.length; i++) {
      boolean param = t[i].startsWith("{") && t[i].endsWith("}");
      if (param ? p[i].isEmpty() : !t[i].equals(URLDecoder.decode(p[i], StandardCharsets.UTF_8))) {
        return false;
      }
    }
    return true;
  }

  /** Parameters of the path item and the operation, {@code $ref}s resolved, keyed "in:name". */
  private static Map<String, JsonNode> parameters(String template, JsonNode op) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    List<JsonNode> all = new ArrayList<>();
    spec.path("paths").path(template).path("parameters").forEach(all::add);
    op.path("parameters").forEach(all::add);
    for (JsonNode p : all) {
      JsonNode resolved = p.has("$ref") ? spec.at(p.get("$ref").asText().substring(1)) : p;
      out.put(resolved.path("in").asText() + ":" + resolved.path("name").asText(), resolved);
    }
    return out;
  }

  private static void checkValue(JsonNode schema, JsonNode value, String where, List<String> problems) {
    JsonNode s = schema.has("$ref") ? spec.at(schema.get("$ref").asText().substring(1)) : schema;
    if (value.isNull()) {
      if (!s.path("nullable").asBoolean()) {
        problems.add(where + ": null is not allowed");
      }
      return;
    }
    String type = s.path("type").asText(s.has("properties") ? "object" : "");
    switch (type) {
      case "object" -> {
        if (!value.isObject()) {
          problems.add(where + ": expected object");
          return;
        }
        s.path("required").forEach(req -> {
          if (!value.has(req.asText())) {
            problems.add(where + ": required property '" + req.asText() + "' missing");
          }
        });
        value.fields().forEachRemaining(f -> {
          JsonNode prop = s.path("properties").path(f.getKey());
          if (prop.isMissingNode()) {
            problems.add(where + ": property '" + f.getKey() + "' is not in the schema");
          } else {
            checkValue(prop, f.getValue(), where + "." + f.getKey(), problems);
          }
        });
      }
      case "array" -> {
        if (!value.isArray()) {
          problems.add(where + ": expected array");
          return;
        }
        for (int i = 0; i < value.size(); i++) {
          checkValue(s.path("items"), value.get(i), where + "[" + i + "]", problems);
        }
      }
      case "string" -> {
        if (!value.isTextual()) {
          problems.add(where + ": expected string, got " + value);
        }
      }
      case "integer" -> {
        if (!value.isIntegralNumber()) {
          problems.add(where + ": expected integer, got " + value);
        }
      }
      case "number" -> {
        if (!value.isNumber()) {
          problems.add(where + ": expected number, got " + value);
        }
      }
      case "boolean" -> {
        if (!value.isBoolean()) {
          problems.add(where + ": expected boolean, got " + value);
        }
      }
      default -> { }
    }
  }
}
