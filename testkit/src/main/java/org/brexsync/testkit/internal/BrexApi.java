package org.brexsync.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.brexsync.testkit.SyntheticCompany;

/**
 * State and endpoint handlers of the Brex simulator (Team API 2025-03 + Webhooks API 2024-06).
 *
 * <p>Users and cards of a seeded {@link SyntheticCompany} are generated on demand; only users and
 * cards that were created or changed through the API are stored (copy-on-write JSON trees).
 * Every mutation runs under one lock, so idempotency checks and their effects are atomic.
 */
public final class BrexApi {
  static final Set<String> USER_STATUSES = Set.of("INVITED", "ACTIVE", "CLOSED", "DISABLED", "DELETED",
      "PENDING_ACTIVATION", "INACTIVE", "ARCHIVED");
  static final Set<String> CARD_TYPES = Set.of("VIRTUAL", "PHYSICAL");
  static final Set<String> LIMIT_TYPES = Set.of("CARD", "USER");
  static final Set<String> DURATIONS = Set.of("MONTHLY", "QUARTERLY", "YEARLY", "ONE_TIME");
  static final Set<String> REASONS = Set.of("CARD_DAMAGED", "CARD_LOST", "CARD_NOT_RECEIVED",
      "DO_NOT_NEED_PHYSICAL_CARD", "DO_NOT_NEED_VIRTUAL_CARD", "FRAUD", "OTHER");
  static final Set<String> EVENT_TYPES = Set.of("REFERRAL_CREATED", "REFERRAL_ACTIVATED",
      "REFERRAL_APPLICATION_STATUS_CHANGED", "TRANSFER_PROCESSED", "TRANSFER_FAILED",
      "EXPENSE_PAYMENT_UPDATED", "USER_UPDATED");
  static final Set<String> THREE_DS = Set.of("THREE_DOMAIN_SECURE_ENABLED", "THREE_DOMAIN_SECURE_DISABLED");
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private static final Pattern PO_BOX = Pattern.compile(
      "\\b(p\\.?\\s*o\\.?\\s*box|post\\s+office\\s+box|pmb)\\b", Pattern.CASE_INSENSITIVE);

  private static final Set<String> MONEY = Set.of("amount", "currency");
  private static final Set<String> ADDRESS = Set.of("line1", "line2", "city", "state", "country", "postal_code",
      "phone_number");
  /** Request body properties per endpoint, from brex-team-api.2025-03 and brex-webhooks-api.2024-06. */
  static final Map<String, RequestSchema> SCHEMAS = Map.ofEntries(
      Map.entry("POST /v2/users", new RequestSchema(Map.of("", Set.of("first_name", "last_name", "email",
          "manager_id", "department_id", "location_id", "title_id", "metadata")))),
      Map.entry("PUT /v2/users/{id}", new RequestSchema(Map.of("", Set.of("status", "manager_id", "department_id",
          "location_id", "title_id", "metadata")))),
      Map.entry("POST /v2/users/{id}/limit", new RequestSchema(Map.of("", Set.of("monthly_limit"),
          "monthly_limit", MONEY))),
      Map.entry("POST /v2/cards", new RequestSchema(Map.of(
          "", Set.of("owner", "card_name", "card_type", "limit_type", "spend_controls", "mailing_address", "metadata",
              "card_attribute_preferences"),
          "owner", Set.of("type", "user_id"),
          "spend_controls", Set.of("spend_limit", "spend_duration", "reason", "lock_after_date", "parent_budget_id",
              "policy_id"),
          "spend_controls.spend_limit", MONEY,
          "mailing_address", ADDRESS,
          "card_attribute_preferences", Set.of("three_domain_secure_enabled_preference")))),
      Map.entry("PUT /v2/cards/{id}", new RequestSchema(Map.of(
          "", Set.of("spend_controls", "metadata"),
          "spend_controls", Set.of("spend_limit", "spend_duration", "reason", "lock_after_date"),
          "spend_controls.spend_limit", MONEY))),
      Map.entry("POST /v2/cards/{id}/lock", new RequestSchema(Map.of("", Set.of("reason", "description")))),
      Map.entry("POST /v2/cards/{id}/terminate", new RequestSchema(Map.of("", Set.of("reason", "description")))),
      Map.entry("POST /v2/cards/{id}/secure_email", new RequestSchema(Map.of("", Set.of("recipient_email",
          "sender_name", "message", "expiry_days")))),
      Map.entry("POST /v2/departments", new RequestSchema(Map.of("", Set.of("name", "description")))),
      Map.entry("POST /v2/locations", new RequestSchema(Map.of("", Set.of("name", "description")))),
      Map.entry("POST /v2/titles", new RequestSchema(Map.of("", Set.of("name")))),
      Map.entry("POST /v1/webhooks", new RequestSchema(Map.of("", Set.of("url", "event_types")))),
      Map.entry("PUT /v1/webhooks/{id}", new RequestSchema(Map.of("", Set.of("url", "event_types", "status")))));

  private volatile boolean strictFields = true;
  private final Object lock = new Object();
  private final Webhooks webhooks;
  private final SecureRandom secureRandom = new SecureRandom();

  // --- state (guarded by lock for writes; maps are concurrent for lock-free reads)
  private volatile SyntheticCompany base;
  private volatile ObjectNode company;
  private final ConcurrentHashMap<String, ObjectNode> users = new ConcurrentHashMap<>();
  private final List<String> createdUsers = new ArrayList<>();
  private final ConcurrentHashMap<String, String> createdEmails = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, ObjectNode> cards = new ConcurrentHashMap<>();
  private final List<String> createdCards = new ArrayList<>();
  private final ConcurrentHashMap<String, List<String>> createdCardsByUser = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, JsonNode> limits = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, String> pans = new ConcurrentHashMap<>();
  private final LinkedHashMap<String, ObjectNode> departments = new LinkedHashMap<>();
  private final LinkedHashMap<String, ObjectNode> locations = new LinkedHashMap<>();
  private final LinkedHashMap<String, ObjectNode> titles = new LinkedHashMap<>();
  private final LinkedHashMap<String, ObjectNode> legalEntities = new LinkedHashMap<>();
  private final LinkedHashMap<String, ObjectNode> subscriptions = new LinkedHashMap<>();
  private final List<ObjectNode> secrets = new ArrayList<>();
  private final HashMap<String, Stored> idempotency = new HashMap<>();
  private final List<ObjectNode> secureEmails = new ArrayList<>();
  private volatile String meId;

  private static final class Stored {
    final String method;
    final String path;
    final JsonNode body;
    final SimResponse response;

    Stored(String method, String path, JsonNode body, SimResponse response) {
      this.method = method;
      this.path = path;
      this.body = body;
      this.response = response;
    }
  }

  public BrexApi(Webhooks webhooks) {
    this.webhooks = webhooks;
    reset(null);
  }

  // ================================================================== errors

  /** Brex's error body: {@code {"type", "message"[, "code"]}}. */
  public static ApiException error(int status, String message) {
    return error(status, typeOf(status), message, null);
  }

  public static ApiException error(int status, String type, String message, String code) {
    ObjectNode b = Json.object();
    b.put("type", type);
    b.put("message", message);
    if (code != null) {
      b.put("code", code);
    }
    return new ApiException(status, b);
  }

  static String typeOf(int status) {
    switch (status) {
      case 400: return "BAD_REQUEST";
      case 401: return "UNAUTHORIZED";
      case 403: return "FORBIDDEN";
      case 404: return "NOT_FOUND";
      case 405: return "METHOD_NOT_ALLOWED";
      case 409: return "CONFLICT";
      case 422: return "UNPROCESSABLE_ENTITY";
      case 429: return "TOO_MANY_REQUESTS";
      case 500: return "INTERNAL_SERVER_ERROR";
      case 502: return "BAD_GATEWAY";
      case 503: return "SERVICE_UNAVAILABLE";
      case 504: return "GATEWAY_TIMEOUT";
      default: return "ERROR";
    }
  }

  static ApiException bad(String message) {
    return error(400, message);
  }

  static ApiException notFound(String code) {
    return error(404, "NOT_FOUND", "Not Found", code);
  }

  // ================================================================== routes

  public void register(Router r) {
    r.add("GET", "/v2/users", this::listUsers);
    r.add("POST", "/v2/users", idem(false, this::createUser));
    r.add("GET", "/v2/users/me", req -> SimResponse.ok(requireUser(meId)));
    r.add("GET", "/v2/users/{id}", req -> SimResponse.ok(requireUser(req.pathParam("id"))));
    r.add("PUT", "/v2/users/{id}", idem(false, this::updateUser));
    r.add("GET", "/v2/users/{id}/limit", req -> SimResponse.ok(limitOf(req.pathParam("id"))));
    r.add("POST", "/v2/users/{id}/limit", idem(false, this::setLimit));

    r.add("GET", "/v2/cards", this::listCards);
    r.add("POST", "/v2/cards", idem(true, this::createCard));
    r.add("GET", "/v2/cards/{id}", req -> SimResponse.ok(requireCard(req.pathParam("id"))));
    r.add("PUT", "/v2/cards/{id}", idem(false, this::updateCard));
    r.add("POST", "/v2/cards/{id}/lock", idem(false, this::lockCard));
    r.add("POST", "/v2/cards/{id}/unlock", idem(false, this::unlockCard));
    r.add("POST", "/v2/cards/{id}/terminate", idem(false, this::terminateCard));
    r.add("GET", "/v2/cards/{id}/pan", this::cardNumber);
    r.add("POST", "/v2/cards/{id}/secure_email", idem(true, this::secureEmail));

    r.add("GET", "/v2/departments", req -> listNamed(req, departments));
    r.add("POST", "/v2/departments", idem(false, req -> createNamed(req, departments, "cudept_", true)));
    r.add("GET", "/v2/departments/{id}", req -> getNamed(req, departments, "DEPARTMENT_NOT_FOUND"));
    r.add("GET", "/v2/locations", req -> listNamed(req, locations));
    r.add("POST", "/v2/locations", idem(false, req -> createNamed(req, locations, "culoc_", true)));
    r.add("GET", "/v2/locations/{id}", req -> getNamed(req, locations, "LOCATION_NOT_FOUND"));
    r.add("GET", "/v2/titles", req -> listNamed(req, titles));
    r.add("POST", "/v2/titles", idem(false, req -> createNamed(req, titles, "cutitle_", false)));
    r.add("GET", "/v2/titles/{id}", req -> getNamed(req, titles, "TITLE_NOT_FOUND"));
    r.add("GET", "/v2/company", req -> SimResponse.ok(company));
    r.add("GET", "/v2/legal_entities", req -> listNamed(req, legalEntities));
    r.add("GET", "/v2/legal_entities/{id}", req -> getNamed(req, legalEntities, "LEGAL_ENTITY_NOT_FOUND"));

    r.add("GET", "/v1/webhooks", req -> listNamed(req, subscriptions));
    r.add("POST", "/v1/webhooks", idem(true, this::createSubscription));
    r.add("GET", "/v1/webhooks/secrets", req -> {
      synchronized (lock) {
        ArrayNode a = Json.array();
        secrets.forEach(s -> a.add(s.deepCopy()));
        return SimResponse.ok(a);
      }
    });
    r.add("GET", "/v1/webhooks/{id}", req -> getNamed(req, subscriptions, "WEBHOOK_NOT_FOUND"));
    r.add("PUT", "/v1/webhooks/{id}", idem(false, this::updateSubscription));
    r.add("DELETE", "/v1/webhooks/{id}", req -> {
      synchronized (lock) {
        if (subscriptions.remove(req.pathParam("id")) == null) {
          throw notFound("WEBHOOK_NOT_FOUND");
        }
        return SimResponse.empty(200);
      }
    });
  }

  /**
   * Wraps a mutating handler: runs it under the state lock and applies {@code Idempotency-Key}
   * semantics (same key + same request → the stored response again, with
   * {@code Idempotent-Replayed: true}; same key + different request → 422).
   */
  private Router.Handler idem(boolean required, Router.Handler h) {
    return req -> {
      if (strictFields && req.body().length > 0) {
        RequestSchema schema = SCHEMAS.get(req.method() + " " + req.template());
        String unknown = schema == null ? null : schema.firstUnknown(req.json());
        if (unknown != null) {
          throw error(400, "BAD_REQUEST", "Unknown field: " + unknown, "UNKNOWN_FIELD");
        }
      }
      String key = req.header("Idempotency-Key");
      if (key == null || key.isBlank()) {
        if (required) {
          throw bad("Idempotency-Key header is required for this endpoint");
        }
        synchronized (lock) {
          return h.handle(req);
        }
      }
      JsonNode body;
      try {
        body = req.body().length == 0 ? NullNode.getInstance() : Json.parse(req.body());
      } catch (java.io.IOException e) {
        body = Json.NODES.textNode(new String(req.body(), StandardCharsets.UTF_8));
      }
      synchronized (lock) {
        Stored s = idempotency.get(key);
        if (s != null) {
          if (s.method.equals(req.method()) && s.path.equals(req.path()) && Objects.equals(s.body, body)) {
            return s.response.copy().header("Idempotent-Replayed", "true");
          }
          throw error(422, "UNPROCESSABLE_ENTITY",
              "Idempotency-Key was already used with a different request", "IDEMPOTENCY_KEY_REUSED");
        }
        SimResponse r = h.handle(req);
        if (r.status() / 100 == 2) {
          idempotency.put(key, new Stored(req.method(), req.path(), body, r.copy()));
        }
        return r;
      }
    };
  }

  // ================================================================== pagination

  private static int limit(SimRequest req) {
    String l = req.queryParam("limit");
    if (l == null || l.isEmpty()) {
      return 100;
    }
    int n;
    try {
      n = Integer.parseInt(l);
    } catch (NumberFormatException e) {
      throw bad("limit is invalid");
    }
    if (n > 1000) {
      throw bad("limit must be less than or equal to 1000");
    }
    if (n < 1) {
      throw bad("limit must be greater than 0");
    }
    return n;
  }

  static String cursor(long position) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(("p:" + position).getBytes(StandardCharsets.US_ASCII));
  }

  private static long position(SimRequest req) {
    String c = req.queryParam("cursor");
    if (c == null || c.isEmpty()) {
      return 0;
    }
    try {
      String s = new String(Base64.getUrlDecoder().decode(c), StandardCharsets.US_ASCII);
      if (!s.startsWith("p:")) {
        throw bad("cursor is invalid");
      }
      long p = Long.parseLong(s.substring(2));
      if (p < 0) {
        throw bad("cursor is invalid");
      }
      return p;
    } catch (IllegalArgumentException e) {
      throw bad("cursor is invalid");
    }
  }

  static ObjectNode page(List<? extends JsonNode> items, String nextCursor) {
    ObjectNode p = Json.object();
    if (nextCursor == null) {
      p.putNull("next_cursor");
    } else {
      p.put("next_cursor", nextCursor);
    }
    ArrayNode a = p.putArray("items");
    items.forEach(a::add);
    return p;
  }

  // ================================================================== users

  /** Number of users (generated plus created). */
  public int userCount() {
    synchronized (lock) {
      return baseSize() + createdUsers.size();
    }
  }

  private int baseSize() {
    SyntheticCompany b = base;
    return b == null ? 0 : b.size();
  }

  /** The current state of a user, or null. Do not mutate the result. */
  public ObjectNode user(String id) {
    if (id == null) {
      return null;
    }
    ObjectNode u = users.get(id);
    if (u != null) {
      return u;
    }
    SyntheticCompany b = base;
    int i = b == null ? -1 : b.indexOfUserId(id);
    return i < 0 ? null : b.user(i);
  }

  private ObjectNode userAt(int pos, List<String> created, int baseSize) {
    if (pos < baseSize) {
      String id = base.userId(pos);
      ObjectNode u = users.get(id);
      return u != null ? u : base.user(pos);
    }
    return users.get(created.get(pos - baseSize));
  }

  private ObjectNode requireUser(String id) {
    ObjectNode u = user(id);
    if (u == null) {
      throw notFound("USER_NOT_FOUND");
    }
    return u;
  }

  private String idOfEmail(String email) {
    String id = createdEmails.get(email.toLowerCase(Locale.ROOT));
    if (id != null) {
      return id;
    }
    SyntheticCompany b = base;
    int i = b == null ? -1 : b.indexOfEmail(email);
    return i < 0 ? null : b.userId(i);
  }

  private SimResponse listUsers(SimRequest req) {
    int limit = limit(req);
    long from = position(req);
    String email = req.queryParam("email");
    String rdi = req.queryParam("remote_display_id");
    if (email != null || rdi != null) {
      List<ObjectNode> one = new ArrayList<>(1);
      ObjectNode u = null;
      if (email != null) {
        u = user(idOfEmail(email));
      } else {
        SyntheticCompany b = base;
        int i = b == null ? -1 : b.indexOfRemoteDisplayId(rdi);
        if (i >= 0) {
          u = user(b.userId(i));
        } else {
          for (String id : createdSnapshot()) {
            ObjectNode c = users.get(id);
            if (c != null && rdi.equals(Json.text(c, "remote_display_id"))) {
              u = c;
            }
          }
        }
      }
      if (u != null && (rdi == null || rdi.equals(Json.text(u, "remote_display_id")))
          && (email == null || email.equalsIgnoreCase(Json.text(u, "email"))) && from == 0) {
        one.add(u);
      }
      return SimResponse.ok(page(one, null));
    }
    List<String> created = createdSnapshot();
    int baseSize = baseSize();
    long total = (long) baseSize + created.size();
    List<ObjectNode> items = new ArrayList<>(Math.min(limit, 1000));
    long pos = from;
    for (; pos < total && items.size() < limit; pos++) {
      items.add(userAt((int) pos, created, baseSize));
    }
    return SimResponse.ok(page(items, pos < total ? cursor(pos) : null));
  }

  private List<String> createdSnapshot() {
    synchronized (lock) {
      return new ArrayList<>(createdUsers);
    }
  }

  private SimResponse createUser(SimRequest req) {
    ObjectNode b = req.jsonObject();
    String first = requiredText(b, "first_name");
    String last = requiredText(b, "last_name");
    String email = requiredText(b, "email");
    if (!EMAIL.matcher(email).matches()) {
      throw bad("email is invalid");
    }
    ascii("first_name", first);
    ascii("last_name", last);
    if (idOfEmail(email) != null) {
      throw error(400, "BAD_REQUEST", "A user with this email already exists", "USER_ALREADY_EXISTS");
    }
    ObjectNode u = Json.object();
    u.put("id", newId("cuuser_"));
    u.put("first_name", first);
    u.put("last_name", last);
    u.put("email", email);
    u.put("status", "INVITED");
    u.set("manager_id", refOrNull(b, "manager_id", this::user, "manager_id"));
    u.set("department_id", refOrNull(b, "department_id", departments::get, "department_id"));
    u.set("location_id", refOrNull(b, "location_id", locations::get, "location_id"));
    u.set("title_id", refOrNull(b, "title_id", titles::get, "title_id"));
    u.set("metadata", userMetadata(b.get("metadata")));
    u.putNull("remote_display_id");
    storeCreatedUser(u);
    return SimResponse.ok(u);
  }

  private void storeCreatedUser(ObjectNode u) {
    String id = u.get("id").asText();
    users.put(id, u);
    createdUsers.add(id);
    createdEmails.put(u.get("email").asText().toLowerCase(Locale.ROOT), id);
  }

  private JsonNode refOrNull(ObjectNode b, String field, java.util.function.Function<String, ?> lookup, String name) {
    JsonNode v = b.get(field);
    if (v == null || v.isNull()) {
      return NullNode.getInstance();
    }
    if (!v.isTextual() || lookup.apply(v.asText()) == null) {
      throw bad(name + " is invalid");
    }
    return v;
  }

  private static JsonNode userMetadata(JsonNode m) {
    if (m == null || m.isNull()) {
      return Json.object();
    }
    if (!m.isObject()) {
      throw bad("metadata is invalid");
    }
    if (m.size() > 100) {
      throw bad("metadata cannot have more than 100 entries");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = m.properties().iterator(); it.hasNext();) {
      if (!it.next().getValue().isTextual()) {
        throw bad("metadata values must be strings");
      }
    }
    return m.deepCopy();
  }

  private SimResponse updateUser(SimRequest req) {
    ObjectNode cur = requireUser(req.pathParam("id"));
    ObjectNode b = req.jsonObject();
    ObjectNode u = cur.deepCopy();
    List<String> changed = new ArrayList<>();
    if (b.has("status") && !b.get("status").isNull()) {
      String s = b.get("status").asText();
      if (!s.equals("ACTIVE") && !s.equals("DISABLED")) {
        throw bad("status is invalid: only ACTIVE or DISABLED can be set");
      }
      String old = cur.path("status").asText();
      if (!old.equals(s)) {
        checkTransition(old, s);
        u.put("status", s);
        changed.add("STATUS");
      }
    }
    String id = cur.get("id").asText();
    if (b.has("manager_id")) {
      JsonNode v = refOrNull(b, "manager_id", this::user, "manager_id");
      if (v.isTextual() && v.asText().equals(id)) {
        throw bad("manager_id is invalid: a user cannot manage themselves");
      }
      setTracked(u, "manager_id", v, changed, "MANAGER_ID");
    }
    if (b.has("department_id")) {
      setTracked(u, "department_id", refOrNull(b, "department_id", departments::get, "department_id"), changed,
          "DEPARTMENT_ID");
    }
    if (b.has("location_id")) {
      setTracked(u, "location_id", refOrNull(b, "location_id", locations::get, "location_id"), changed,
          "LOCATION_ID");
    }
    if (b.has("title_id")) {
      setTracked(u, "title_id", refOrNull(b, "title_id", titles::get, "title_id"), changed, null);
    }
    if (b.has("metadata")) {
      u.set("metadata", userMetadata(b.get("metadata")));
    }
    users.put(id, u);
    if (!changed.isEmpty()) {
      emitUserUpdated(id, changed);
    }
    return SimResponse.ok(u);
  }

  private static void checkTransition(String from, String to) {
    boolean ok;
    if (to.equals("DISABLED")) {
      ok = from.equals("ACTIVE") || from.equals("INVITED") || from.equals("PENDING_ACTIVATION")
          || from.equals("INACTIVE");
    } else {
      ok = from.equals("DISABLED") || from.equals("INACTIVE");
    }
    if (!ok) {
      throw error(400, "BAD_REQUEST", "Cannot change user status from " + from + " to " + to,
          "INVALID_STATUS_TRANSITION");
    }
  }

  private static void setTracked(ObjectNode u, String field, JsonNode v, List<String> changed, String attr) {
    if (!Objects.equals(u.get(field), v)) {
      u.set(field, v);
      if (attr != null) {
        changed.add(attr);
      }
    }
  }

  private void emitUserUpdated(String userId, List<String> attributes) {
    ObjectNode event = Json.object();
    event.put("event_type", "USER_UPDATED");
    event.put("user_id", userId);
    event.put("company_id", company.get("id").asText());
    ArrayNode a = event.putArray("updated_attributes");
    attributes.forEach(a::add);
    String body = Json.string(event);
    List<String> live = new ArrayList<>();
    secrets.forEach(s -> live.add(s.get("secret").asText()));
    for (ObjectNode sub : subscriptions.values()) {
      if ("ACTIVE".equals(Json.text(sub, "status"))) {
        for (JsonNode t : sub.path("event_types")) {
          if (t.asText().equals("USER_UPDATED")) {
            webhooks.deliver(sub.get("id").asText(), sub.get("url").asText(), "USER_UPDATED", body, live);
          }
        }
      }
    }
  }

  private ObjectNode limitOf(String userId) {
    requireUser(userId);
    JsonNode stored = limits.get(userId);
    long limit;
    long spent = 0;
    SyntheticCompany b = base;
    int i = b == null ? -1 : b.indexOfUserId(userId);
    if (stored != null) {
      limit = stored.isNull() ? -1 : stored.get("amount").asLong();
    } else {
      limit = i < 0 ? -1 : b.monthlyLimitCents(i);
    }
    if (i >= 0) {
      spent = b.monthlySpentCents(i);
    }
    ObjectNode r = Json.object();
    if (limit < 0) {
      r.putNull("monthly_limit");
      r.putNull("monthly_available");
    } else {
      r.set("monthly_limit", money(limit));
      r.set("monthly_available", money(Math.max(0, limit - spent)));
    }
    return r;
  }

  private SimResponse setLimit(SimRequest req) {
    String id = req.pathParam("id");
    requireUser(id);
    ObjectNode b = req.jsonObject();
    if (!b.has("monthly_limit")) {
      throw bad("monthly_limit is required (null unsets the limit)");
    }
    JsonNode m = b.get("monthly_limit");
    if (m.isNull()) {
      limits.put(id, NullNode.getInstance());
    } else {
      long amount = money(m, "monthly_limit");
      limits.put(id, money(amount));
    }
    return SimResponse.ok(limitOf(id));
  }

  private static long money(JsonNode m, String field) {
    if (!m.isObject() || !m.has("amount") || !m.get("amount").canConvertToLong()
        || !m.get("amount").isIntegralNumber()) {
      throw bad(field + ".amount is invalid");
    }
    long amount = m.get("amount").asLong();
    if (amount < 0) {
      throw bad(field + ".amount must be non-negative");
    }
    JsonNode cur = m.get("currency");
    if (cur != null && !cur.isNull() && !(cur.isTextual() && cur.asText().matches("[A-Z]{3}"))) {
      throw bad(field + ".currency is invalid");
    }
    return amount;
  }

  /** A Brex {@code Money} object in USD; the seed generator builds its spend controls with it too. */
  public static ObjectNode money(long cents) {
    ObjectNode m = Json.object();
    m.put("amount", cents);
    m.put("currency", "USD");
    return m;
  }

  // ================================================================== cards

  /** The current state of a card, or null. Do not mutate the result. */
  public ObjectNode card(String id) {
    if (id == null) {
      return null;
    }
    ObjectNode c = cards.get(id);
    if (c != null) {
      return c;
    }
    SyntheticCompany b = base;
    int[] ik = b == null ? null : b.indexOfCardId(id);
    return ik == null ? null : b.card(ik[0], ik[1]);
  }

  private ObjectNode requireCard(String id) {
    ObjectNode c = card(id);
    if (c == null) {
      throw notFound("CARD_NOT_FOUND");
    }
    return c;
  }

  /** Ids of all cards of a user, generated first then created, in creation order. */
  public List<String> cardIdsOf(String userId) {
    List<String> ids = new ArrayList<>();
    SyntheticCompany b = base;
    int i = b == null ? -1 : b.indexOfUserId(userId);
    if (i >= 0) {
      for (int k = 0; k < b.cardCount(i); k++) {
        ids.add(b.cardId(i, k));
      }
    }
    synchronized (lock) {
      List<String> created = createdCardsByUser.get(userId);
      if (created != null) {
        ids.addAll(created);
      }
    }
    return ids;
  }

  private SimResponse listCards(SimRequest req) {
    int limit = limit(req);
    long from = position(req);
    String userId = req.queryParam("user_id");
    List<ObjectNode> items = new ArrayList<>();
    if (userId != null) {
      List<String> ids = user(userId) == null ? List.of() : cardIdsOf(userId);
      long pos = from;
      for (; pos < ids.size() && items.size() < limit; pos++) {
        items.add(card(ids.get((int) pos)));
      }
      return SimResponse.ok(page(items, pos < ids.size() ? cursor(pos) : null));
    }
    // Position space: base cards as userIndex * 16 + k, then created cards at 2^40 + j.
    final long createdBase = 1L << 40;
    SyntheticCompany b = base;
    long pos = from;
    if (b != null && pos < createdBase) {
      int i = (int) (pos / 16);
      int k = (int) (pos % 16);
      while (i < b.size() && items.size() < limit) {
        int n = b.cardCount(i);
        if (k < n) {
          items.add(card(b.cardId(i, k)));
          k++;
        } else {
          i++;
          k = 0;
        }
      }
      pos = i >= b.size() ? createdBase : (long) i * 16 + k;
      if (items.size() >= limit) {
        boolean more = i < b.size() && (k < b.cardCount(i) || hasCardsAfter(b, i)) || createdCount() > 0;
        return SimResponse.ok(page(items, more ? cursor(pos) : null));
      }
    }
    if (pos < createdBase) {
      pos = createdBase;
    }
    List<String> created;
    synchronized (lock) {
      created = new ArrayList<>(createdCards);
    }
    long j = pos - createdBase;
    for (; j < created.size() && items.size() < limit; j++) {
      items.add(card(created.get((int) j)));
    }
    return SimResponse.ok(page(items, j < created.size() ? cursor(createdBase + j) : null));
  }

  private static boolean hasCardsAfter(SyntheticCompany b, int i) {
    for (int x = i + 1; x < b.size(); x++) {
      if (b.cardCount(x) > 0) {
        return true;
      }
    }
    return false;
  }

  private int createdCount() {
    synchronized (lock) {
      return createdCards.size();
    }
  }

  private SimResponse createCard(SimRequest req) {
    ObjectNode b = req.jsonObject();
    JsonNode owner = b.get("owner");
    if (owner == null || !owner.isObject()) {
      throw bad("owner is required");
    }
    if (!"USER".equals(Json.text(owner, "type"))) {
      throw bad("owner.type is invalid: must be USER");
    }
    String userId = Json.text(owner, "user_id");
    if (userId == null || userId.isEmpty()) {
      throw bad("owner.user_id is required");
    }
    ObjectNode user = user(userId);
    if (user == null) {
      throw error(400, "BAD_REQUEST", "owner.user_id is invalid: user not found", "USER_NOT_FOUND");
    }
    String userStatus = Json.text(user, "status");
    if (!"ACTIVE".equals(userStatus) && !"INVITED".equals(userStatus)) {
      throw bad("Cannot create a card for a user with status " + userStatus);
    }
    String name = requiredText(b, "card_name");
    ascii("card_name", name);
    String cardType = enumValue(b, "card_type", CARD_TYPES, true);
    String limitType = enumValue(b, "limit_type", LIMIT_TYPES, true);
    JsonNode sc = b.get("spend_controls");
    boolean hasSc = sc != null && !sc.isNull();
    ObjectNode spend = null;
    if (limitType.equals("CARD")) {
      if (!cardType.equals("VIRTUAL")) {
        throw bad("limit_type CARD is only allowed for VIRTUAL cards");
      }
      if (!hasSc) {
        throw bad("spend_controls is required when limit_type is CARD");
      }
      if (!sc.isObject() || sc.get("spend_limit") == null || sc.get("spend_limit").isNull()) {
        throw bad("spend_controls.spend_limit is required");
      }
      long amount = money(sc.get("spend_limit"), "spend_controls.spend_limit");
      String duration = enumValue((ObjectNode) sc, "spend_duration", DURATIONS, true);
      spend = Json.object();
      spend.set("spend_limit", money(amount));
      spend.set("spend_available", money(amount));
      spend.put("spend_duration", duration);
      spend.set("reason", textOrNull(sc, "reason"));
      spend.set("lock_after_date", date(sc, "spend_controls.lock_after_date"));
    } else if (hasSc) {
      throw bad("spend_controls must be null when limit_type is USER");
    }
    JsonNode mailing = b.get("mailing_address");
    boolean hasMailing = mailing != null && !mailing.isNull();
    if (cardType.equals("PHYSICAL")) {
      if (!hasMailing) {
        throw bad("mailing_address is required for PHYSICAL cards");
      }
      checkMailingAddress(mailing);
      long activePhysical = cardIdsOf(userId).stream().map(this::card)
          .filter(c -> "PHYSICAL".equals(Json.text(c, "card_type")) && !"TERMINATED".equals(Json.text(c, "status")))
          .count();
      if (activePhysical >= 10) {
        throw error(400, "BAD_REQUEST", "Each user can only have up to 10 active physical cards",
            "PHYSICAL_CARD_LIMIT_REACHED");
      }
    } else if (hasMailing && !mailing.isObject()) {
      throw bad("mailing_address is invalid");
    }
    JsonNode metadata = cardMetadata(b.get("metadata"));
    JsonNode prefs = b.get("card_attribute_preferences");
    if (prefs != null && !prefs.isNull()) {
      if (!prefs.isObject()) {
        throw bad("card_attribute_preferences is invalid");
      }
      enumValue((ObjectNode) prefs, "three_domain_secure_enabled_preference", THREE_DS, false);
    }
    String id = newId("ncard_");
    String pan = newPan();
    ObjectNode c = Json.object();
    c.put("id", id);
    ObjectNode o = c.putObject("owner");
    o.put("type", "USER");
    o.put("user_id", userId);
    c.put("status", "ACTIVE");
    c.put("last_four", pan.substring(12));
    c.put("card_name", name);
    c.put("card_type", cardType);
    c.put("limit_type", limitType);
    c.set("spend_controls", spend == null ? NullNode.getInstance() : spend);
    c.set("billing_address", company.get("mailing_address").deepCopy());
    c.set("mailing_address", hasMailing ? mailing.deepCopy() : NullNode.getInstance());
    ObjectNode exp = c.putObject("expiration_date");
    java.time.LocalDate now = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
    exp.put("month", now.getMonthValue());
    exp.put("year", now.getYear() + 4);
    c.put("has_been_transferred", false);
    c.set("metadata", metadata);
    c.putNull("budget_id");
    storeCreatedCard(c, pan);
    return SimResponse.ok(c);
  }

  private void storeCreatedCard(ObjectNode c, String pan) {
    String id = c.get("id").asText();
    cards.put(id, c);
    createdCards.add(id);
    createdCardsByUser.computeIfAbsent(c.get("owner").get("user_id").asText(), k -> new ArrayList<>()).add(id);
    pans.put(id, pan);
  }

  private static void checkMailingAddress(JsonNode a) {
    if (!a.isObject()) {
      throw bad("mailing_address is invalid");
    }
    String line1 = Json.text(a, "line1");
    String line2 = Json.text(a, "line2");
    if (line1 == null || line1.isBlank()) {
      throw bad("mailing_address.line1 is required");
    }
    for (String f : List.of("line1", "line2", "city", "state", "postal_code")) {
      String v = Json.text(a, f);
      if (v != null) {
        ascii("mailing_address." + f, v);
      }
    }
    if (line1.length() >= 60 || (line2 != null && line2.length() >= 60)) {
      throw bad("mailing_address lines must be under 60 characters");
    }
    if (PO_BOX.matcher(line1).find() || (line2 != null && PO_BOX.matcher(line2).find())) {
      throw bad("mailing_address cannot be a PO box");
    }
    String country = Json.text(a, "country");
    if (country == null || !(country.equalsIgnoreCase("US") || country.equalsIgnoreCase("USA"))) {
      throw bad("mailing_address must be in the US");
    }
    if (Json.text(a, "city") == null || Json.text(a, "postal_code") == null || Json.text(a, "state") == null) {
      throw bad("mailing_address requires city, state and postal_code");
    }
  }

  private static JsonNode cardMetadata(JsonNode m) {
    if (m == null || m.isNull()) {
      return Json.object();
    }
    if (!m.isObject()) {
      throw bad("metadata is invalid");
    }
    if (m.size() > 50) {
      throw bad("metadata cannot have more than 50 keys");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = m.properties().iterator(); it.hasNext();) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().length() > 40) {
        throw bad("metadata keys cannot exceed 40 characters");
      }
      if (!e.getValue().isTextual()) {
        throw bad("metadata values must be strings");
      }
      if (e.getValue().asText().length() > 500) {
        throw bad("metadata values cannot exceed 500 characters");
      }
    }
    return m.deepCopy();
  }

  private ObjectNode mutableCard(String id) {
    return requireCard(id).deepCopy();
  }

  private SimResponse updateCard(SimRequest req) {
    ObjectNode c = mutableCard(req.pathParam("id"));
    ObjectNode b = req.jsonObject();
    if ("TERMINATED".equals(Json.text(c, "status"))) {
      throw bad("Cannot update a terminated card");
    }
    JsonNode sc = b.get("spend_controls");
    if (sc != null && !sc.isNull()) {
      if (!"CARD".equals(Json.text(c, "limit_type"))) {
        throw bad("spend_controls can only be updated on cards with limit_type CARD");
      }
      if (!sc.isObject()) {
        throw bad("spend_controls is invalid");
      }
      ObjectNode cur = (ObjectNode) c.get("spend_controls");
      if (sc.has("spend_limit") && !sc.get("spend_limit").isNull()) {
        long oldLimit = cur.path("spend_limit").path("amount").asLong();
        long oldAvail = cur.path("spend_available").path("amount").asLong();
        long amount = money(sc.get("spend_limit"), "spend_controls.spend_limit");
        cur.set("spend_limit", money(amount));
        cur.set("spend_available", money(Math.max(0, amount - (oldLimit - oldAvail))));
      }
      if (sc.has("spend_duration") && !sc.get("spend_duration").isNull()) {
        cur.put("spend_duration", enumValue((ObjectNode) sc, "spend_duration", DURATIONS, true));
      }
      if (sc.has("reason")) {
        cur.set("reason", textOrNull(sc, "reason"));
      }
      if (sc.has("lock_after_date")) {
        cur.set("lock_after_date", date(sc, "spend_controls.lock_after_date"));
      }
    }
    if (b.has("metadata")) {
      c.set("metadata", cardMetadata(b.get("metadata")));
    }
    cards.put(c.get("id").asText(), c);
    return SimResponse.ok(c);
  }

  private SimResponse lockCard(SimRequest req) {
    ObjectNode c = mutableCard(req.pathParam("id"));
    ObjectNode b = req.jsonObject();
    enumValue(b, "reason", REASONS, true);
    if (!"ACTIVE".equals(Json.text(c, "status"))) {
      throw error(400, "BAD_REQUEST", "Only an ACTIVE card can be locked; card is " + Json.text(c, "status"),
          "INVALID_CARD_STATUS");
    }
    c.put("status", "LOCKED");
    cards.put(c.get("id").asText(), c);
    return SimResponse.ok(c);
  }

  private SimResponse unlockCard(SimRequest req) {
    ObjectNode c = mutableCard(req.pathParam("id"));
    if (!"LOCKED".equals(Json.text(c, "status"))) {
      throw error(400, "BAD_REQUEST", "Only a LOCKED card can be unlocked; card is " + Json.text(c, "status"),
          "INVALID_CARD_STATUS");
    }
    c.put("status", "ACTIVE");
    cards.put(c.get("id").asText(), c);
    return SimResponse.ok(c);
  }

  private SimResponse terminateCard(SimRequest req) {
    ObjectNode c = mutableCard(req.pathParam("id"));
    ObjectNode b = req.jsonObject();
    enumValue(b, "reason", REASONS, true);
    if ("TERMINATED".equals(Json.text(c, "status"))) {
      throw error(400, "BAD_REQUEST", "Card is already terminated", "INVALID_CARD_STATUS");
    }
    c.put("status", "TERMINATED");
    cards.put(c.get("id").asText(), c);
    return SimResponse.ok(c);
  }

  private String panOf(String cardId) {
    String pan = pans.get(cardId);
    if (pan != null) {
      return pan;
    }
    SyntheticCompany b = base;
    int[] ik = b == null ? null : b.indexOfCardId(cardId);
    return ik == null ? null : b.pan(ik[0], ik[1]);
  }

  private SimResponse cardNumber(SimRequest req) {
    ObjectNode c = requireCard(req.pathParam("id"));
    String id = c.get("id").asText();
    String pan = panOf(id);
    ObjectNode r = Json.object();
    r.put("id", id);
    r.put("number", pan);
    SyntheticCompany b = base;
    int[] ik = b == null ? null : b.indexOfCardId(id);
    r.put("cvv", ik != null ? b.cvv(ik[0], ik[1]) : String.format(Locale.ROOT, "%03d", Math.abs(pan.hashCode()) % 1000));
    r.set("expiration_date", c.get("expiration_date").deepCopy());
    ObjectNode owner = user(c.path("owner").path("user_id").asText());
    r.put("holder_name", owner == null ? "" : Json.text(owner, "first_name") + " " + Json.text(owner, "last_name"));
    return SimResponse.ok(r);
  }

  private SimResponse secureEmail(SimRequest req) {
    requireCard(req.pathParam("id"));
    ObjectNode b = req.jsonObject();
    String to = requiredText(b, "recipient_email");
    if (!EMAIL.matcher(to).matches()) {
      throw bad("recipient_email is invalid");
    }
    requiredText(b, "sender_name");
    JsonNode days = b.get("expiry_days");
    if (days != null && !days.isNull() && (!days.isInt() || days.asInt() < 1 || days.asInt() > 30)) {
      throw bad("expiry_days must be between 1 and 30");
    }
    ObjectNode record = b.deepCopy();
    record.put("card_id", req.pathParam("id"));
    secureEmails.add(record);
    return SimResponse.empty(200);
  }

  private String newPan() {
    StringBuilder sb = new StringBuilder("555671");
    ThreadLocalRandom r = ThreadLocalRandom.current();
    while (sb.length() < 15) {
      sb.append((char) ('0' + r.nextInt(10)));
    }
    int sum = 0;
    boolean dbl = true;
    for (int i = sb.length() - 1; i >= 0; i--) {
      int d = sb.charAt(i) - '0';
      if (dbl) {
        d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      }
      sum += d;
      dbl = !dbl;
    }
    return sb.append((char) ('0' + (10 - sum % 10) % 10)).toString();
  }

  // ================================================================== org data

  private SimResponse listNamed(SimRequest req, LinkedHashMap<String, ObjectNode> map) {
    int limit = limit(req);
    long from = position(req);
    String name = req.queryParam("name");
    List<ObjectNode> all;
    synchronized (lock) {
      all = new ArrayList<>(map.values());
    }
    if (name != null) {
      all.removeIf(n -> !name.equals(Json.text(n, "name")));
    }
    List<ObjectNode> items = new ArrayList<>();
    long pos = from;
    for (; pos < all.size() && items.size() < limit; pos++) {
      items.add(all.get((int) pos));
    }
    return SimResponse.ok(page(items, pos < all.size() ? cursor(pos) : null));
  }

  private SimResponse getNamed(SimRequest req, LinkedHashMap<String, ObjectNode> map, String code) {
    synchronized (lock) {
      ObjectNode n = map.get(req.pathParam("id"));
      if (n == null) {
        throw notFound(code);
      }
      return SimResponse.ok(n);
    }
  }

  private SimResponse createNamed(SimRequest req, LinkedHashMap<String, ObjectNode> map, String prefix,
      boolean description) {
    ObjectNode b = req.jsonObject();
    String name = requiredText(b, "name");
    ascii("name", name);
    ObjectNode n = Json.object();
    n.put("id", newId(prefix));
    n.put("name", name);
    if (description) {
      n.set("description", textOrNull(b, "description"));
    }
    map.put(n.get("id").asText(), n);
    return SimResponse.ok(n);
  }

  // ================================================================== webhooks

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

  /** Adds a new ACTIVE secret and marks the previous ones PENDING_REVOKE. */
  public String rotateWebhookSecret() {
    synchronized (lock) {
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
  public List<String> webhookSecrets() {
    synchronized (lock) {
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

  // ================================================================== direct helpers

  /** Resets all state; seeds a company, or creates one admin user when {@code company} is null. */
  public void reset(SyntheticCompany seed) {
    synchronized (lock) {
      users.clear();
      createdUsers.clear();
      createdEmails.clear();
      cards.clear();
      createdCards.clear();
      createdCardsByUser.clear();
      limits.clear();
      pans.clear();
      departments.clear();
      locations.clear();
      titles.clear();
      legalEntities.clear();
      subscriptions.clear();
      secrets.clear();
      idempotency.clear();
      secureEmails.clear();
      base = seed;
      SyntheticCompany org = seed != null ? seed : SyntheticCompany.generate(0, 1);
      company = org.company();
      if (seed != null) {
        seed.departments().forEach(n -> departments.put(n.get("id").asText(), n));
        seed.locations().forEach(n -> locations.put(n.get("id").asText(), n));
        seed.titles().forEach(n -> titles.put(n.get("id").asText(), n));
        meId = seed.userId(0);
      } else {
        ObjectNode admin = Json.object();
        admin.put("id", newId("cuuser_"));
        admin.put("first_name", "Avery");
        admin.put("last_name", "Admin");
        admin.put("email", "admin@" + org.spec().domain());
        admin.put("status", "ACTIVE");
        admin.putNull("manager_id");
        admin.putNull("department_id");
        admin.putNull("location_id");
        admin.putNull("title_id");
        admin.putObject("metadata");
        admin.putNull("remote_display_id");
        storeCreatedUser(admin);
        meId = admin.get("id").asText();
      }
      ObjectNode le = Json.object();
      le.put("id", "cule_" + company.get("id").asText().substring(7));
      le.put("displayName", org.spec().name());
      le.set("billingAddress", org.companyAddress());
      le.put("createdAt", "2021-01-04T15:00:00Z");
      le.put("status", "VERIFIED");
      le.put("isDefault", true);
      legalEntities.put(le.get("id").asText(), le);
      ObjectNode s = Json.object();
      s.put("secret", newSecret());
      s.put("status", "ACTIVE");
      secrets.add(s);
    }
    webhooks.clear();
  }

  /** Whether unknown request-body properties are rejected with 400 (default true). */
  public void strictFields(boolean strict) {
    this.strictFields = strict;
  }

  /** Id of the user the tokens belong to ({@code GET /v2/users/me}). */
  public String meId() {
    return meId;
  }

  /** Creates a user directly (no request, no webhook); the status may be any UserStatus. */
  public ObjectNode createUserDirect(String firstName, String lastName, String email, String status) {
    if (!USER_STATUSES.contains(status)) {
      throw new IllegalArgumentException("unknown status " + status);
    }
    synchronized (lock) {
      if (idOfEmail(email) != null) {
        throw new IllegalArgumentException("a user with this email exists");
      }
      ObjectNode u = Json.object();
      u.put("id", newId("cuuser_"));
      u.put("first_name", firstName);
      u.put("last_name", lastName);
      u.put("email", email);
      u.put("status", status);
      u.putNull("manager_id");
      u.putNull("department_id");
      u.putNull("location_id");
      u.putNull("title_id");
      u.putObject("metadata");
      u.putNull("remote_display_id");
      storeCreatedUser(u);
      return u.deepCopy();
    }
  }

  /** Sets a user's status directly (any UserStatus); fires USER_UPDATED when it changes. */
  public ObjectNode setUserStatus(String userId, String status) {
    if (!USER_STATUSES.contains(status)) {
      throw new IllegalArgumentException("unknown status " + status);
    }
    synchronized (lock) {
      ObjectNode cur = user(userId);
      if (cur == null) {
        throw new IllegalArgumentException("no user " + userId);
      }
      ObjectNode u = cur.deepCopy();
      boolean changed = !status.equals(Json.text(u, "status"));
      u.put("status", status);
      users.put(userId, u);
      if (changed) {
        emitUserUpdated(userId, List.of("STATUS"));
      }
      return u.deepCopy();
    }
  }

  /** Creates a card directly, bypassing validation (for arranging test states). */
  public ObjectNode createCardDirect(String userId, String cardType, String limitType, String status, String name) {
    synchronized (lock) {
      if (user(userId) == null) {
        throw new IllegalArgumentException("no user " + userId);
      }
      String pan = newPan();
      ObjectNode c = Json.object();
      c.put("id", newId("ncard_"));
      ObjectNode o = c.putObject("owner");
      o.put("type", "USER");
      o.put("user_id", userId);
      c.put("status", status);
      c.put("last_four", pan.substring(12));
      c.put("card_name", name);
      c.put("card_type", cardType);
      c.put("limit_type", limitType);
      if (limitType.equals("CARD")) {
        ObjectNode sc = c.putObject("spend_controls");
        sc.set("spend_limit", money(100_000));
        sc.set("spend_available", money(100_000));
        sc.put("spend_duration", "MONTHLY");
        sc.putNull("reason");
        sc.putNull("lock_after_date");
      } else {
        c.putNull("spend_controls");
      }
      c.set("billing_address", company.get("mailing_address").deepCopy());
      c.set("mailing_address", cardType.equals("PHYSICAL") ? company.get("mailing_address").deepCopy()
          : NullNode.getInstance());
      ObjectNode exp = c.putObject("expiration_date");
      exp.put("month", 12);
      exp.put("year", 2030);
      c.put("has_been_transferred", false);
      c.putObject("metadata");
      c.putNull("budget_id");
      storeCreatedCard(c, pan);
      return c.deepCopy();
    }
  }

  /** Sets a card's status directly. */
  public ObjectNode setCardStatus(String cardId, String status) {
    synchronized (lock) {
      ObjectNode c = card(cardId);
      if (c == null) {
        throw new IllegalArgumentException("no card " + cardId);
      }
      ObjectNode n = c.deepCopy();
      n.put("status", status);
      cards.put(cardId, n);
      return n.deepCopy();
    }
  }

  /** Secure-email requests received, in order. */
  public List<ObjectNode> secureEmails() {
    synchronized (lock) {
      List<ObjectNode> out = new ArrayList<>();
      secureEmails.forEach(e -> out.add(e.deepCopy()));
      return out;
    }
  }

  /** A JSON snapshot of the changed state (generated users and cards appear only once changed). */
  public ObjectNode snapshot() {
    synchronized (lock) {
      ObjectNode s = Json.object();
      s.put("seeded_users", baseSize());
      s.put("user_count", baseSize() + createdUsers.size());
      s.set("company", company.deepCopy());
      ObjectNode u = s.putObject("changed_users");
      users.forEach((k, v) -> u.set(k, v.deepCopy()));
      ObjectNode c = s.putObject("changed_cards");
      cards.forEach((k, v) -> c.set(k, v.deepCopy()));
      ObjectNode l = s.putObject("limits");
      limits.forEach((k, v) -> l.set(k, v.deepCopy()));
      s.set("departments", arrayOf(departments));
      s.set("locations", arrayOf(locations));
      s.set("titles", arrayOf(titles));
      s.set("webhook_subscriptions", arrayOf(subscriptions));
      s.put("idempotency_keys", idempotency.size());
      return s;
    }
  }

  private static ArrayNode arrayOf(Map<String, ObjectNode> m) {
    ArrayNode a = Json.array();
    m.values().forEach(v -> a.add(v.deepCopy()));
    return a;
  }

  // ================================================================== validation helpers

  private static String requiredText(ObjectNode b, String field) {
    JsonNode v = b.get(field);
    if (v == null || v.isNull()) {
      throw bad(field + " is required");
    }
    if (!v.isTextual() || v.asText().isBlank()) {
      throw bad(field + " is invalid");
    }
    return v.asText();
  }

  private static void ascii(String field, String v) {
    for (int i = 0; i < v.length(); i++) {
      if (v.charAt(i) > 127) {
        throw bad(field + " is invalid");
      }
    }
  }

  private static String enumValue(ObjectNode b, String field, Set<String> allowed, boolean required) {
    JsonNode v = b.get(field);
    if (v == null || v.isNull()) {
      if (required) {
        throw bad(field + " is required");
      }
      return null;
    }
    if (!v.isTextual() || !allowed.contains(v.asText())) {
      throw bad(field + " is invalid");
    }
    return v.asText();
  }

  private static JsonNode textOrNull(JsonNode b, String field) {
    JsonNode v = b.get(field);
    if (v == null || v.isNull()) {
      return NullNode.getInstance();
    }
    if (!v.isTextual()) {
      throw bad(field + " is invalid");
    }
    return v;
  }

  private static JsonNode date(JsonNode b, String name) {
    JsonNode v = b.get("lock_after_date");
    if (v == null || v.isNull()) {
      return NullNode.getInstance();
    }
    try {
      LocalDate.parse(v.asText());
    } catch (DateTimeParseException e) {
      throw bad(name + " is invalid: expected YYYY-MM-DD");
    }
    return v;
  }

  private static String newId(String prefix) {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    StringBuilder sb = new StringBuilder(prefix).append('c');
    String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    for (int i = 0; i < 24; i++) {
      sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

}
