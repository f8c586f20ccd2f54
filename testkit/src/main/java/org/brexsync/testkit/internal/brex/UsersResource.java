package org.brexsync.testkit.internal.brex;

import static org.brexsync.testkit.internal.brex.BrexConventions.EMAIL;
import static org.brexsync.testkit.internal.brex.BrexConventions.MONEY;
import static org.brexsync.testkit.internal.brex.BrexConventions.ascii;
import static org.brexsync.testkit.internal.brex.BrexConventions.bad;
import static org.brexsync.testkit.internal.brex.BrexConventions.cursor;
import static org.brexsync.testkit.internal.brex.BrexConventions.error;
import static org.brexsync.testkit.internal.brex.BrexConventions.limit;
import static org.brexsync.testkit.internal.brex.BrexConventions.money;
import static org.brexsync.testkit.internal.brex.BrexConventions.newId;
import static org.brexsync.testkit.internal.brex.BrexConventions.notFound;
import static org.brexsync.testkit.internal.brex.BrexConventions.page;
import static org.brexsync.testkit.internal.brex.BrexConventions.position;
import static org.brexsync.testkit.internal.brex.BrexConventions.requiredText;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.brexsync.testkit.SyntheticCompany;
import org.brexsync.testkit.internal.Json;
import org.brexsync.testkit.internal.RequestSchema;
import org.brexsync.testkit.internal.Router;
import org.brexsync.testkit.internal.SimRequest;
import org.brexsync.testkit.internal.SimResponse;

/**
 * The Brex simulator's users: list (by email or remote display id), invite, get, {@code me},
 * update (status transitions, manager and org references, metadata; {@code USER_UPDATED} on
 * tracked changes) and monthly limits. Users of the seeded company are generated on demand; only
 * users created or changed through the API are stored.
 */
final class UsersResource {
  static final Set<String> USER_STATUSES = Set.of("INVITED", "ACTIVE", "CLOSED", "DISABLED", "DELETED",
      "PENDING_ACTIVATION", "INACTIVE", "ARCHIVED");
  /** Request body properties, from brex-team-api.2025-03. */
  static final Map<String, RequestSchema> SCHEMAS = Map.of(
      "POST /v2/users", new RequestSchema(Map.of("", Set.of("first_name", "last_name", "email",
          "manager_id", "department_id", "location_id", "title_id", "metadata"))),
      "PUT /v2/users/{id}", new RequestSchema(Map.of("", Set.of("status", "manager_id", "department_id",
          "location_id", "title_id", "metadata"))),
      "POST /v2/users/{id}/limit", new RequestSchema(Map.of("", Set.of("monthly_limit"),
          "monthly_limit", MONEY)));

  private final BrexState state;
  private final ReferenceDataResource reference;
  private final WebhooksResource webhooks;
  // writes under the state lock; concurrent maps for lock-free reads
  private final ConcurrentHashMap<String, ObjectNode> users = new ConcurrentHashMap<>();
  private final List<String> createdUsers = new ArrayList<>();
  private final ConcurrentHashMap<String, String> createdEmails = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, JsonNode> limits = new ConcurrentHashMap<>();

  UsersResource(BrexState state, ReferenceDataResource reference, WebhooksResource webhooks) {
    this.state = state;
    this.reference = reference;
    this.webhooks = webhooks;
  }

  void register(Router r, Idempotency idem) {
    r.add("GET", "/v2/users", this::listUsers);
    r.add("POST", "/v2/users", idem.wrap(false, this::createUser));
    r.add("GET", "/v2/users/me", req -> SimResponse.ok(requireUser(state.meId)));
    r.add("GET", "/v2/users/{id}", req -> SimResponse.ok(requireUser(req.pathParam("id"))));
    r.add("PUT", "/v2/users/{id}", idem.wrap(false, this::updateUser));
    r.add("GET", "/v2/users/{id}/limit", req -> SimResponse.ok(limitOf(req.pathParam("id"))));
    r.add("POST", "/v2/users/{id}/limit", idem.wrap(false, this::setLimit));
  }

  /** Number of users (generated plus created). */
  int userCount() {
    synchronized (state.lock) {
      return state.baseSize() + createdUsers.size();
    }
  }

  /** The current state of a user, or null. Do not mutate the result. */
  ObjectNode user(String id) {
    if (id == null) {
      return null;
    }
    ObjectNode u = users.get(id);
    if (u != null) {
      return u;
    }
    SyntheticCompany b = state.base;
    int i = b == null ? -1 : b.indexOfUserId(id);
    return i < 0 ? null : b.user(i);
  }

  private ObjectNode userAt(int pos, List<String> created, int baseSize) {
    if (pos < baseSize) {
      String id = state.base.userId(pos);
      ObjectNode u = users.get(id);
      return u != null ? u : state.base.user(pos);
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
    SyntheticCompany b = state.base;
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
        SyntheticCompany b = state.base;
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
    int baseSize = state.baseSize();
    long total = (long) baseSize + created.size();
    List<ObjectNode> items = new ArrayList<>(Math.min(limit, 1000));
    long pos = from;
    for (; pos < total && items.size() < limit; pos++) {
      items.add(userAt((int) pos, created, baseSize));
    }
    return SimResponse.ok(page(items, pos < total ? cursor(pos) : null));
  }

  private List<String> createdSnapshot() {
    synchronized (state.lock) {
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
    u.set("department_id", refOrNull(b, "department_id", reference::department, "department_id"));
    u.set("location_id", refOrNull(b, "location_id", reference::location, "location_id"));
    u.set("title_id", refOrNull(b, "title_id", reference::title, "title_id"));
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
      setTracked(u, "department_id", refOrNull(b, "department_id", reference::department, "department_id"), changed,
          "DEPARTMENT_ID");
    }
    if (b.has("location_id")) {
      setTracked(u, "location_id", refOrNull(b, "location_id", reference::location, "location_id"), changed,
          "LOCATION_ID");
    }
    if (b.has("title_id")) {
      setTracked(u, "title_id", refOrNull(b, "title_id", reference::title, "title_id"), changed, null);
    }
    if (b.has("metadata")) {
      u.set("metadata", userMetadata(b.get("metadata")));
    }
    users.put(id, u);
    if (!changed.isEmpty()) {
      webhooks.emitUserUpdated(id, changed);
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

  private ObjectNode limitOf(String userId) {
    requireUser(userId);
    JsonNode stored = limits.get(userId);
    long limit;
    long spent = 0;
    SyntheticCompany b = state.base;
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

  // ================================================================== direct helpers

  /** Creates a user directly (no request, no webhook); the status may be any UserStatus. */
  ObjectNode createUserDirect(String firstName, String lastName, String email, String status) {
    if (!USER_STATUSES.contains(status)) {
      throw new IllegalArgumentException("unknown status " + status);
    }
    synchronized (state.lock) {
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
  ObjectNode setUserStatus(String userId, String status) {
    if (!USER_STATUSES.contains(status)) {
      throw new IllegalArgumentException("unknown status " + status);
    }
    synchronized (state.lock) {
      ObjectNode cur = user(userId);
      if (cur == null) {
        throw new IllegalArgumentException("no user " + userId);
      }
      ObjectNode u = cur.deepCopy();
      boolean changed = !status.equals(Json.text(u, "status"));
      u.put("status", status);
      users.put(userId, u);
      if (changed) {
        webhooks.emitUserUpdated(userId, List.of("STATUS"));
      }
      return u.deepCopy();
    }
  }

  /**
   * Forgets created and changed users and limits; when unseeded, creates the one ACTIVE admin of
   * {@code org} and makes it {@code me} (call under the lock, after the state took the seed).
   */
  void reset(SyntheticCompany seed, SyntheticCompany org) {
    users.clear();
    createdUsers.clear();
    createdEmails.clear();
    limits.clear();
    if (seed != null) {
      state.meId = seed.userId(0);
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
      state.meId = admin.get("id").asText();
    }
  }

  /** Created users, for the snapshot's count (call under the lock). */
  int createdCount() {
    return createdUsers.size();
  }

  /** Users created or changed through the API, by id (call under the lock). */
  ObjectNode changedSnapshot() {
    ObjectNode u = Json.object();
    users.forEach((k, v) -> u.set(k, v.deepCopy()));
    return u;
  }

  /** Limits set through the API, by user id (call under the lock). */
  ObjectNode limitsSnapshot() {
    ObjectNode l = Json.object();
    limits.forEach((k, v) -> l.set(k, v.deepCopy()));
    return l;
  }
}
