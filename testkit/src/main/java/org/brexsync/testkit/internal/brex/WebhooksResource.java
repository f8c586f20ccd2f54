package org.brexsync.testkit.internal.brex;

import static org.brexsync.testkit.internal.brex.BrexConventions.arrayOf;
import static org.brexsync.testkit.internal.brex.BrexConventions.bad;
import static org.brexsync.testkit.internal.brex.BrexConventions.getNamed;
import static org.brexsync.testkit.internal.brex.BrexConventions.listNamed;
import static org.brexsync.testkit.internal.brex.BrexConventions.newId;
import static org.brexsync.testkit.internal.brex.BrexConventions.notFound;
import static org.brexsync.testkit.internal.brex.BrexConventions.requiredText;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.brexsync.testkit.internal.Json;
import org.brexsync.testkit.internal.RequestSchema;
import org.brexsync.testkit.internal.Router;
import org.brexsync.testkit.internal.SimRequest;
import org.brexsync.testkit.internal.SimResponse;

/**
 * The Brex simulator's webhooks (Webhooks API 2024-06): subscriptions, signing secrets and rotation,
 * and the fan-out of {@code USER_UPDATED} events to every active subscription through the
 * {@link WebhookDispatcher}.
 */
final class WebhooksResource {
  static final Set<String> EVENT_TYPES = Set.of("REFERRAL_CREATED", "REFERRAL_ACTIVATED",
      "REFERRAL_APPLICATION_STATUS_CHANGED", "TRANSFER_PROCESSED", "TRANSFER_FAILED",
      "EXPENSE_PAYMENT_UPDATED", "USER_UPDATED");
  /** Request body properties, from brex-webhooks-api.2024-06. */
  static final Map<String, RequestSchema> SCHEMAS = Map.of(
      "POST /v1/webhooks", new RequestSchema(Map.of("", Set.of("url", "event_types"))),
      "PUT /v1/webhooks/{id}", new RequestSchema(Map.of("", Set.of("url", "event_types", "status"))));

  private final BrexState state;
  private final WebhookDispatcher dispatcher;
  private final SecureRandom secureRandom = new SecureRandom();
  private final LinkedHashMap<String, ObjectNode> subscriptions = new LinkedHashMap<>();
  private final List<ObjectNode> secrets = new ArrayList<>();

  WebhooksResource(BrexState state, WebhookDispatcher dispatcher) {
    this.state = state;
    this.dispatcher = dispatcher;
  }

  void register(Router r, Idempotency idem) {
    Object lock = state.lock;
    r.add("GET", "/v1/webhooks", req -> listNamed(lock, req, subscriptions));
    r.add("POST", "/v1/webhooks", idem.wrap(true, this::createSubscription));
    r.add("GET", "/v1/webhooks/secrets", req -> {
      synchronized (lock) {
        ArrayNode a = Json.array();
        secrets.forEach(s -> a.add(s.deepCopy()));
        return SimResponse.ok(a);
      }
    });
    r.add("GET", "/v1/webhooks/{id}", req -> getNamed(lock, req, subscriptions, "WEBHOOK_NOT_FOUND"));
    r.add("PUT", "/v1/webhooks/{id}", idem.wrap(false, this::updateSubscription));
    r.add("DELETE", "/v1/webhooks/{id}", req -> {
      synchronized (lock) {
        if (subscriptions.remove(req.pathParam("id")) == null) {
          throw notFound("WEBHOOK_NOT_FOUND");
        }
        return SimResponse.empty(200);
      }
    });
  }

  private SimResponse createSubscription(SimRequest req) {
    ObjectNode b = req.jsonObject();
    String url = webhookUrl(b);
    ArrayNode types = eventTypes(b);
    ObjectNode s = Json.object();
    s.put("id", newId("whsub_"));
    s.put("url", url);
    s.set("event_types", types);
    s.put("status", "ACTIVE");
    subscriptions.put(s.get("id").asText(), s);
    return SimResponse.ok(s);
  }

  private SimResponse updateSubscription(SimRequest req) {
    ObjectNode cur = subscriptions.get(req.pathParam("id"));
    if (cur == null) {
      throw notFound("WEBHOOK_NOT_FOUND");
    }
    ObjectNode b = req.jsonObject();
    String url = webhookUrl(b);
    ArrayNode types = eventTypes(b);
    String status = Json.text(b, "status");
    if (status == null || !(status.equals("ACTIVE") || status.equals("INACTIVE"))) {
      throw bad("status is required: ACTIVE or INACTIVE");
    }
    ObjectNode s = cur.deepCopy();
    s.put("url", url);
    s.set("event_types", types);
    s.put("status", status);
    subscriptions.put(s.get("id").asText(), s);
    return SimResponse.ok(s);
  }

  private static String webhookUrl(ObjectNode b) {
    String url = requiredText(b, "url");
    try {
      java.net.URI u = java.net.URI.create(url);
      if (u.getHost() == null || !("https".equals(u.getScheme()) || "http".equals(u.getScheme()))) {
        throw bad("url is invalid");
      }
    } catch (IllegalArgumentException e) {
      throw bad("url is invalid");
    }
    return url;
  }

  private static ArrayNode eventTypes(ObjectNode b) {
    JsonNode t = b.get("event_types");
    if (t == null || !t.isArray() || t.isEmpty()) {
      throw bad("event_types is required");
    }
    ArrayNode out = Json.array();
    for (JsonNode e : t) {
      if (!e.isTextual() || !EVENT_TYPES.contains(e.asText())) {
        throw bad("event_types contains an invalid value: " + e);
      }
      out.add(e.asText());
    }
    return out;
  }

  /**
   * Sends {@code USER_UPDATED} for a change of these attributes to every active subscription that
   * wants it, signed with every live secret (call under the lock).
   */
  void emitUserUpdated(String userId, List<String> attributes) {
    ObjectNode event = Json.object();
    event.put("event_type", "USER_UPDATED");
    event.put("user_id", userId);
    event.put("company_id", state.company.get("id").asText());
    ArrayNode a = event.putArray("updated_attributes");
    attributes.forEach(a::add);
    String body = Json.string(event);
    List<String> live = new ArrayList<>();
    secrets.forEach(s -> live.add(s.get("secret").asText()));
    for (ObjectNode sub : subscriptions.values()) {
      if ("ACTIVE".equals(Json.text(sub, "status"))) {
        for (JsonNode t : sub.path("event_types")) {
          if (t.asText().equals("USER_UPDATED")) {
            dispatcher.deliver(sub.get("id").asText(), sub.get("url").asText(), "USER_UPDATED", body, live);
          }
        }
      }
    }
  }

  /** Adds a new ACTIVE secret and marks the previous ones PENDING_REVOKE. */
  String rotateSecret() {
    synchronized (state.lock) {
      secrets.forEach(s -> s.put("status", "PENDING_REVOKE"));
      String secret = newSecret();
      ObjectNode s = Json.object();
      s.put("secret", secret);
      s.put("status", "ACTIVE");
      secrets.add(0, s);
      return secret;
    }
  }

  /** The live secrets, newest first. */
  List<String> secrets() {
    synchronized (state.lock) {
      List<String> out = new ArrayList<>();
      secrets.forEach(s -> out.add(s.get("secret").asText()));
      return out;
    }
  }

  private String newSecret() {
    byte[] key = new byte[32];
    secureRandom.nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  /** No subscriptions and one fresh ACTIVE secret (call under the lock). */
  void reset() {
    subscriptions.clear();
    secrets.clear();
    ObjectNode s = Json.object();
    s.put("secret", newSecret());
    s.put("status", "ACTIVE");
    secrets.add(s);
  }

  ArrayNode subscriptionsSnapshot() {
    return arrayOf(subscriptions);
  }
}
