package org.brexsync.brex;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.brexsync.brex.model.Address;
import org.brexsync.brex.model.CardAttributePreferences;
import org.brexsync.brex.model.CardOwner;
import org.brexsync.brex.model.CardType;
import org.brexsync.brex.model.ChangeCardReason;
import org.brexsync.brex.model.CreateCardRequest;
import org.brexsync.brex.model.CreateDepartmentRequest;
import org.brexsync.brex.model.CreateLocationRequest;
import org.brexsync.brex.model.CreateTitleRequest;
import org.brexsync.brex.model.InviteUserRequest;
import org.brexsync.brex.model.LimitType;
import org.brexsync.brex.model.LockCardRequest;
import org.brexsync.brex.model.Money;
import org.brexsync.brex.model.Patch;
import org.brexsync.brex.model.SecureEmailRequest;
import org.brexsync.brex.model.SetUserLimitRequest;
import org.brexsync.brex.model.SpendControlRequest;
import org.brexsync.brex.model.SpendControlUpdateRequest;
import org.brexsync.brex.model.SpendDuration;
import org.brexsync.brex.model.TerminateCardRequest;
import org.brexsync.brex.model.ThreeDomainSecureEnabledPreference;
import org.brexsync.brex.model.UpdateCardRequest;
import org.brexsync.brex.model.UpdateUserRequest;
import org.brexsync.brex.model.UpdateUserStatus;
import org.brexsync.brex.webhook.CreateWebhookSubscriptionRequest;
import org.brexsync.brex.webhook.UpdateWebhookSubscriptionRequest;
import org.brexsync.brex.webhook.UpdateWebhookSubscriptionStatus;
import org.brexsync.brex.webhook.WebhookEventType;
import org.junit.jupiter.api.Test;

/**
 * Sends every write operation with every field set and checks each JSON body on the wire against
 * the request schema of the Brex OpenAPI spec: every property name exists, required properties
 * are present, enums are legal, types and formats match. Catches wrong field names that a
 * hand-written fixture would share with the client. Also checks every path the client calls
 * exists in the spec.
 */
class SpecConformanceTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyRequestBodyAndPathMatchesTheSpec() throws Exception {
    JsonNode team = Specs.brex(Specs.TEAM);
    JsonNode hooks = Specs.brex(Specs.WEBHOOKS);

    List<RecordedRequest> sent = new ArrayList<>();
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest r) {
          return new MockResponse.Builder().code(200).body(fixtureFor(r)).build();
        }
      });
      server.start();
      BrexClient c = BrexClient.builder().token("t").baseUri(server.url("/").uri())
          .retryPolicy(RetryPolicy.none()).build();
      exerciseEveryOperation(c);
      int n = server.getRequestCount();
      for (int i = 0; i < n; i++) {
        sent.add(server.takeRequest());
      }
    }

    List<String> problems = new ArrayList<>();
    Set<String> covered = new HashSet<>();
    int bodies = 0;
    for (RecordedRequest r : sent) {
      String path = r.getUrl().encodedPath();
      JsonNode spec = path.startsWith("/v1/webhooks") ? hooks : team;
      Optional<Map.Entry<String, JsonNode>> op = operation(spec, r.getMethod(), path);
      if (op.isEmpty()) {
        problems.add(r.getMethod() + " " + path + ": no such operation in the spec");
        continue;
      }
      covered.add(r.getMethod() + " " + op.get().getKey());
      for (String q : r.getUrl().queryParameterNames()) {
        boolean declared = false;
        for (JsonNode p : op.get().getValue().path("parameters")) {
          declared |= p.path("in").asText().equals("query") && p.path("name").asText().equals(q);
        }
        if (!declared) {
          problems.add(r.getMethod() + " " + path + ": query parameter " + q + " not in spec");
        }
      }
      JsonNode schema = op.get().getValue().path("requestBody").path("content")
          .path("application/json").path("schema");
      String body = r.getBody() == null ? "" : r.getBody().utf8();
      if (body.isEmpty()) {
        if (!schema.isMissingNode()) {
          problems.add(r.getMethod() + " " + path + ": spec expects a body, none sent");
        }
        continue;
      }
      bodies++;
      if (schema.isMissingNode()) {
        problems.add(r.getMethod() + " " + path + ": body sent but spec has none");
        continue;
      }
      check(spec, schema, JSON.readTree(body), r.getMethod() + " " + path + " body", problems,
          new HashSet<>());
    }
    assertThat(problems).isEmpty();
    assertThat(bodies).as("JSON bodies checked").isGreaterThanOrEqualTo(16);
    assertThat(covered).as("operations exercised").hasSizeGreaterThanOrEqualTo(32);
  }

  private static void exerciseEveryOperation(BrexClient c) {
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("cost_center", "CC-1");
    Address us = Address.builder().line1("1725 Slough Avenue").line2("Suite 200").city("Scranton")
        .state("PA").country("US").postalCode("18505").phoneNumber("5705550100").build();
    c.users().list(org.brexsync.brex.model.ListUsersRequest.builder().email("a@b.co")
        .remoteDisplayId("r").addExpand("limit").limit(10).build()).firstPage();
    c.users().get("u1");
    c.users().me();
    c.users().invite(InviteUserRequest.builder().firstName("A").lastName("B").email("a@b.co")
        .managerId("m").departmentId("d").locationId("l").titleId("t").metadata(meta).build());
    c.users().update("u1", UpdateUserRequest.builder().status(Patch.set(UpdateUserStatus.DISABLED))
        .managerId(Patch.clear()).departmentId(Patch.set("d")).locationId(Patch.set("l"))
        .titleId(Patch.set("t")).metadata(Patch.set(meta)).build());
    c.users().activate("u1");
    c.users().deactivate("u1");
    c.users().getLimit("u1");
    c.users().setLimit("u1", SetUserLimitRequest.of(Money.usd(100)));
    c.users().setLimit("u1", SetUserLimitRequest.clear());
    c.cards().list(org.brexsync.brex.model.ListCardsRequest.builder().userId("u1").limit(5).build())
        .firstPage();
    c.cards().get("c1");
    c.cards().create(CreateCardRequest.builder().owner(CardOwner.user("u1")).cardName("Vendor")
        .cardType(CardType.VIRTUAL).limitType(LimitType.CARD)
        .spendControls(SpendControlRequest.builder().spendLimit(Money.usd(100))
            .spendDuration(SpendDuration.ONE_TIME).reason("r").lockAfterDate(LocalDate.of(2026, 1, 2))
            .parentBudgetId("b").policyId("p").build())
        .metadata(meta)
        .cardAttributePreferences(CardAttributePreferences.builder()
            .threeDomainSecureEnabledPreference(
                ThreeDomainSecureEnabledPreference.THREE_DOMAIN_SECURE_DISABLED).build())
        .build());
    c.cards().create(CreateCardRequest.builder().owner(CardOwner.user("u1")).cardName("Physical")
        .cardType(CardType.PHYSICAL).limitType(LimitType.USER).mailingAddress(us).build());
    c.cards().update("c1", UpdateCardRequest.builder().spendControls(SpendControlUpdateRequest
        .builder().spendLimit(Money.usd(5)).spendDuration(SpendDuration.YEARLY).reason("r")
        .lockAfterDate(LocalDate.of(2026, 3, 4)).build()).metadata(meta).build());
    c.cards().lock("c1", LockCardRequest.builder().reason(ChangeCardReason.CARD_LOST)
        .description("d").build());
    c.cards().unlock("c1");
    c.cards().terminate("c1", TerminateCardRequest.builder().reason(ChangeCardReason.FRAUD)
        .description("d").build());
    c.cards().getNumber("c1");
    c.cards().sendSecureEmail("c1", SecureEmailRequest.builder().recipientEmail("v@x.co")
        .senderName("IT").message("m").expiryDays(3).build());
    c.departments().list(org.brexsync.brex.model.ListReferenceDataRequest.builder().name("n")
        .limit(3).build()).firstPage();
    c.departments().get("d1");
    c.departments().create(CreateDepartmentRequest.builder().name("n").description("d").build());
    c.locations().list().firstPage();
    c.locations().get("l1");
    c.locations().create(CreateLocationRequest.builder().name("n").description("d").build());
    c.titles().list().firstPage();
    c.titles().get("t1");
    c.titles().create(CreateTitleRequest.builder().name("n").build());
    c.company().get();
    c.legalEntities().list(Optional.of(2)).firstPage();
    c.legalEntities().get("le1");
    c.webhooks().list(Optional.of(5)).firstPage();
    c.webhooks().create(CreateWebhookSubscriptionRequest.builder().url("https://h.example/x")
        .addEventTypes(WebhookEventType.USER_UPDATED, WebhookEventType.EXPENSE_PAYMENT_UPDATED).build());
    c.webhooks().get("w1");
    c.webhooks().update("w1", UpdateWebhookSubscriptionRequest.builder().url("https://h.example/y")
        .addEventTypes(WebhookEventType.USER_UPDATED)
        .status(UpdateWebhookSubscriptionStatus.ACTIVE).build());
    c.webhooks().delete("w1");
    c.webhooks().listSecrets();
  }

  private static String fixtureFor(RecordedRequest r) {
    String p = r.getUrl().encodedPath();
    String m = r.getMethod();
    if (p.equals("/v1/webhooks/secrets")) {
      return Fixtures.SECRETS;
    }
    if (m.equals("DELETE") || p.endsWith("/secure_email")) {
      return "";
    }
    if (p.equals("/v1/webhooks") && m.equals("GET")) {
      return Fixtures.page(null, Fixtures.SUBSCRIPTION);
    }
    if (p.startsWith("/v1/webhooks")) {
      return Fixtures.SUBSCRIPTION;
    }
    if (p.endsWith("/pan")) {
      return Fixtures.CARD_NUMBER;
    }
    if (p.endsWith("/limit")) {
      return Fixtures.USER_LIMIT;
    }
    if (p.startsWith("/v2/legal_entities")) {
      return p.equals("/v2/legal_entities") ? Fixtures.page(null, Fixtures.LEGAL_ENTITY)
          : Fixtures.LEGAL_ENTITY;
    }
    if (p.equals("/v2/company")) {
      return Fixtures.COMPANY;
    }
    boolean list = m.equals("GET") && p.chars().filter(ch -> ch == '/').count() == 2;
    String item = p.startsWith("/v2/users") ? Fixtures.USER_KAREN
        : p.startsWith("/v2/cards") ? Fixtures.CARD_VENDOR
        : p.startsWith("/v2/departments") ? Fixtures.DEPARTMENT
        : p.startsWith("/v2/locations") ? Fixtures.LOCATION
        : Fixtures.TITLE;
    return list ? Fixtures.page(null, item) : item;
  }

  static Optional<Map.Entry<String, JsonNode>> operation(JsonNode spec, String method, String path) {
    Map.Entry<String, JsonNode> best = null;
    for (Iterator<Map.Entry<String, JsonNode>> it = spec.path("paths").properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String regex = "^" + e.getKey().replaceAll("\\{[^/]+}", "[^/]+") + "$";
      JsonNode op = e.getValue().path(method.toLowerCase());
      if (!op.isMissingNode() && Pattern.matches(regex, path)) {
        // Prefer literal segments (/v2/users/me over /v2/users/{id}).
        if (best == null || !e.getKey().contains("{")) {
          best = Map.entry(e.getKey(), op);
        }
      }
    }
    return Optional.ofNullable(best);
  }

  private static JsonNode resolve(JsonNode spec, JsonNode schema) {
    JsonNode s = schema;
    while (s.has("$ref")) {
      String ref = s.get("$ref").asText();
      s = spec.at(ref.substring(1));
    }
    return s;
  }

  /** Collects properties, required names and nullability through $ref/allOf/oneOf (cycle-safe). */
  private static void collect(JsonNode spec, JsonNode schema, Map<String, JsonNode> props,
      Set<String> required, Set<String> seen) {
    if (schema.has("$ref")) {
      if (!seen.add(schema.get("$ref").asText())) {
        return;
      }
      collect(spec, resolve(spec, schema), props, required, seen);
      return;
    }
    schema.path("properties").properties().forEach(e -> props.put(e.getKey(), e.getValue()));
    schema.path("required").forEach(n -> required.add(n.asText()));
    for (String k : List.of("allOf", "oneOf", "anyOf")) {
      schema.path(k).forEach(sub -> collect(spec, sub, props, required, seen));
    }
  }

  private static boolean nullable(JsonNode spec, JsonNode schema) {
    if (schema.path("nullable").asBoolean(false)) {
      return true;
    }
    for (JsonNode sub : schema.path("allOf")) {
      if (sub.path("nullable").asBoolean(false)) {
        return true;
      }
    }
    return false;
  }

  private static void check(JsonNode spec, JsonNode schema, JsonNode value, String where,
      List<String> problems, Set<String> seen) {
    if (value.isNull()) {
      if (!nullable(spec, schema)) {
        problems.add(where + ": null but the spec does not allow null");
      }
      return;
    }
    JsonNode s = schema;
    // Unwrap allOf-with-one-$ref (the spec's way to attach nullable to a reference).
    if (!s.has("$ref") && s.has("allOf") && !s.has("properties")) {
      for (JsonNode sub : s.get("allOf")) {
        if (sub.has("$ref")) {
          s = sub;
        }
      }
    }
    JsonNode r = resolve(spec, s);
    if (r.has("enum")) {
      boolean ok = false;
      for (JsonNode e : r.get("enum")) {
        ok |= e.asText().equals(value.asText());
      }
      if (!ok) {
        problems.add(where + ": " + value + " is not one of " + r.get("enum"));
      }
      return;
    }
    Map<String, JsonNode> props = new LinkedHashMap<>();
    Set<String> required = new HashSet<>();
    collect(spec, s, props, required, new HashSet<>(seen));
    String type = r.path("type").asText("");
    if (!props.isEmpty() || type.equals("object") && !r.has("additionalProperties")) {
      if (!value.isObject()) {
        problems.add(where + ": expected an object, got " + value.getNodeType());
        return;
      }
      for (String req : required) {
        if (!value.has(req)) {
          problems.add(where + ": required property " + req + " missing");
        }
      }
      value.properties().forEach(f -> {
        JsonNode ps = props.get(f.getKey());
        if (ps == null) {
          problems.add(where + ": property " + f.getKey() + " does not exist in the spec"
              + " (known: " + props.keySet() + ")");
        } else {
          check(spec, ps, f.getValue(), where + "." + f.getKey(), problems, seen);
        }
      });
      return;
    }
    switch (type) {
      case "string" -> {
        if (!value.isTextual()) {
          problems.add(where + ": expected a string");
        } else if (r.path("format").asText().equals("date")
            && !value.asText().matches("\\d{4}-\\d{2}-\\d{2}")) {
          problems.add(where + ": not an ISO date");
        }
      }
      case "integer" -> {
        if (!value.isIntegralNumber()) {
          problems.add(where + ": expected an integer");
        } else if (r.has("maximum") && value.asLong() > r.get("maximum").asLong()) {
          problems.add(where + ": above maximum " + r.get("maximum"));
        }
      }
      case "boolean" -> {
        if (!value.isBoolean()) {
          problems.add(where + ": expected a boolean");
        }
      }
      case "array" -> {
        if (!value.isArray()) {
          problems.add(where + ": expected an array");
        } else {
          int i = 0;
          for (JsonNode item : value) {
            check(spec, r.path("items"), item, where + "[" + i++ + "]", problems, seen);
          }
        }
      }
      case "object" -> {
        if (!value.isObject()) {
          problems.add(where + ": expected an object");
        } else if (r.path("additionalProperties").path("type").asText().equals("string")) {
          value.properties().forEach(f -> {
            if (!f.getValue().isTextual()) {
              problems.add(where + "." + f.getKey() + ": expected a string value");
            }
          });
        }
      }
      default -> { }
    }
  }

  @Test
  void checkerCatchesAWrongFieldName() throws IOException {
    JsonNode team = Specs.brex(Specs.TEAM);
    JsonNode schema = operation(team, "POST", "/v2/cards").get().getValue().path("requestBody")
        .path("content").path("application/json").path("schema");
    List<String> problems = new ArrayList<>();
    check(team, schema, JSON.readTree("""
        {"owner":{"type":"USER","userId":"u"},"card_name":"x","card_type":"VIRTUAL",
         "limit_type":"SOMETHING","shipping_address":{}}"""), "body", problems, new HashSet<>());
    assertThat(String.join("\n", problems)).contains("userId").contains("SOMETHING")
        .contains("shipping_address").contains("user_id");
  }
}
