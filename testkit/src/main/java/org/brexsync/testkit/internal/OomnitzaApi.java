package org.brexsync.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * State and endpoint handlers of the Oomnitza simulator: users REST v3, the connector bulk API
 * with run logs, SaaS users, token auth.
 *
 * <p>Users are stored compactly (one {@code Object[]} of typed values per user, slots from
 * {@link OomnitzaFields}) with case-insensitive indexes on unique fields.
 */
public final class OomnitzaApi {
  static final int MAX_LIMIT = 2000;
  static final int DEFAULT_LIMIT = 100;

  private final Clock clock;
  private final OomnitzaFields fields = new OomnitzaFields();
  private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
  private final LinkedHashMap<Long, Object[]> users = new LinkedHashMap<>();
  private final HashMap<String, HashMap<String, Long>> unique = new HashMap<>();
  private long nextUid = 1;
  private volatile boolean allowUnknownFields;

  private final LinkedHashMap<String, Run> runs = new LinkedHashMap<>();
  private final LinkedHashMap<String, ObjectNode> saas = new LinkedHashMap<>();
  private final LinkedHashMap<String, ObjectNode> saasUsers = new LinkedHashMap<>();

  // auth
  private final ConcurrentHashMap<String, String> tokenOwner = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, String[]> accounts = new ConcurrentHashMap<>();

  public OomnitzaApi(Clock clock) {
    this.clock = clock;
  }

  // ================================================================== errors

  /** Oomnitza error body (undocumented; chosen shape): {@code {"errors":[{"code","message"}]}}. */
  public static ApiException error(int status, String message) {
    ObjectNode b = Json.object();
    ObjectNode e = b.putArray("errors").addObject();
    e.put("code", BrexApi.typeOf(status));
    e.put("message", message);
    return new ApiException(status, b);
  }

  static ApiException bad(String message) {
    return error(400, message);
  }

  // ================================================================== auth

  /** Registers an account; returns its first API token. */
  public String addAccount(String username, String password, String token) {
    String[] acc = accounts.computeIfAbsent(username, k -> new String[2]);
    synchronized (acc) {
      if (acc[1] != null) {
        tokenOwner.remove(acc[1]);
      }
      acc[0] = password;
      acc[1] = token;
      tokenOwner.put(token, username);
    }
    return token;
  }

  /** The account owning a valid token, or null. */
  public String authenticate(String token) {
    return token == null ? null : tokenOwner.get(token);
  }

  /** Issues a new token for an account, invalidating the previous one; null on bad credentials. */
  public String issueToken(String username, String password) {
    String[] acc = username == null ? null : accounts.get(username);
    if (acc == null) {
      return null;
    }
    synchronized (acc) {
      if (!Objects.equals(acc[0], password)) {
        return null;
      }
      if (acc[1] != null) {
        tokenOwner.remove(acc[1]);
      }
      String t = UUID.randomUUID().toString().replace("-", "") + Long.toHexString(ThreadLocalRandom.current().nextLong());
      acc[1] = t;
      tokenOwner.put(t, username);
      return t;
    }
  }

  /** Invalidates a token (as refreshing it in the UI would). */
  public void revokeToken(String token) {
    String owner = tokenOwner.remove(token);
    if (owner != null) {
      String[] acc = accounts.get(owner);
      synchronized (acc) {
        if (token.equals(acc[1])) {
          acc[1] = null;
        }
      }
    }
  }

  /**
   * The users data model in the REST v3 description's "Metadata fields" shape: an object keyed by
   * External ID; {@code internal_id} holds the Field ID (the bulk API's key).
   */
  private ObjectNode usersMeta() {
    ObjectNode out = Json.object();
    for (OomnitzaFields.Field f : fields.all()) {
      ObjectNode m = out.putObject(f.externalId);
      m.put("internal_id", f.fieldId);
      m.put("uid", f.slot + 1);
      m.put("label", f.externalId);
      m.put("belongs_to", "users");
      m.put("data_type", f.type.name().toLowerCase(Locale.ROOT));
      m.put("editable", f.readOnly ? "0" : "1");
      m.put("unique", f.unique ? "1" : "0");
      m.put("dropdown_help_text_enabled", "0");
    }
    return out;
  }

  // ================================================================== routes

  public void register(Router r) {
    r.add("POST", "/api/request_token", this::requestToken);
    r.add("GET", "/api/v2/mappings", req -> SimResponse.ok(Json.object()));
    r.add("GET", "/api/v3/users", this::listUsers);
    r.add("GET", "/api/v3/users/meta", req -> SimResponse.ok(usersMeta()));
    r.add("POST", "/api/v3/users", this::createUser);
    r.add("GET", "/api/v3/users/{ident}", req -> SimResponse.ok(render(requireUser(req), null)));
    r.add("PATCH", "/api/v3/users/{ident}", this::patchUser);
    r.add("DELETE", "/api/v3/users/{ident}", this::deleteUser);

    r.add("POST", "/api/v3/bulk", this::bulk);
    r.add("GET", "/api/v3/bulk/{portion}", req -> SimResponse.ok(runState(requireRun(req.pathParam("portion")))));
    r.add("POST", "/api/v3/bulk/{portion}/finalize", req -> SimResponse.ok(finalizeRun(req.pathParam("portion"))));
    r.add("POST", "/api/v3/bulk/{portion}/cancel", req -> SimResponse.ok(cancelRun(req.pathParam("portion"))));
    r.add("POST", "/api/v3/bulk/{connector_id}/add_ready_portion", this::addReadyPortion);
    r.add("GET", "/api/v3/connector_run_logs/{connector_id}", this::listRuns);
    r.add("GET", "/api/v3/connector_run_logs/connectors/{portion_id}",
        req -> SimResponse.ok(runDetails(requireRun(req.pathParam("portion_id")))));

    r.add("GET", "/api/v3/saas", req -> {
      synchronized (saas) {
        ArrayNode a = Json.array();
        saas.values().forEach(s -> a.add(s.deepCopy()));
        return SimResponse.ok(a).header("X-Total-Count", Integer.toString(a.size()));
      }
    });
    r.add("POST", "/api/v3/saas", req -> {
      String name = Json.text(req.jsonObject(), "name");
      if (name == null || name.isBlank()) {
        throw bad("name is required");
      }
      return SimResponse.ok(addSaas(name));
    });
    r.add("GET", "/api/v3/saas_users", this::listSaasUsers);
    r.add("PATCH", "/api/v3/saas_users/activate", req -> setSaasUserStatus(req, "active"));
    r.add("PATCH", "/api/v3/saas_users/deactivate", req -> setSaasUserStatus(req, "inactive"));
    r.add("GET", "/api/v3/saas/{ident}/users", this::listSaasUsersOf);
    r.add("POST", "/api/v3/saas/{ident}/users", this::assignSaasUsers);
    r.add("POST", "/api/v3/saas/{ident}/users/{user_id}", this::setSaasExternalId);
  }

  private SimResponse requestToken(SimRequest req) {
    String ct = req.header("Content-Type");
    if (ct == null || !ct.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
      throw bad("request_token expects a form-encoded body (login, password)");
    }
    Map<String, List<String>> form = SimRequest.parseQuery(req.bodyText());
    String login = first(form, "login");
    String password = first(form, "password");
    String token = issueToken(login, password);
    if (token == null) {
      throw error(401, "Invalid login or password");
    }
    ObjectNode r = Json.object();
    r.put("token", token);
    return SimResponse.ok(r);
  }

  private static String first(Map<String, List<String>> m, String k) {
    List<String> v = m.get(k);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  // ================================================================== users: storage

  private String uniqueKey(Object v) {
    return v == null ? null : OomnitzaFilter.stringOf(v).toLowerCase(Locale.ROOT);
  }

  private static Object get(Object[] row, int slot) {
    return slot < row.length ? row[slot] : null;
  }

  private Object[] resolve(String ident) {
    if (ident == null) {
      return null;
    }
    rw.readLock().lock();
    try {
      Long uid = null;
      if (ident.matches("\\d{1,18}")) {
        uid = Long.valueOf(ident);
        if (!users.containsKey(uid)) {
          uid = null;
        }
      }
      if (uid == null) {
        uid = indexLookup("user_id", ident);
      }
      if (uid == null) {
        uid = indexLookup("username", ident);
      }
      return uid == null ? null : users.get(uid);
    } finally {
      rw.readLock().unlock();
    }
  }

  private Long indexLookup(String field, String value) {
    HashMap<String, Long> idx = unique.get(field);
    return idx == null ? null : idx.get(value.toLowerCase(Locale.ROOT));
  }

  /** The user named by {@code {ident}}, or by {@code ?alternative_id=<unique field>} when given. */
  private Object[] requireUser(SimRequest req) {
    String ident = req.pathParam("ident");
    String alt = req.queryParam("alternative_id");
    if (alt != null && !alt.isEmpty()) {
      OomnitzaFields.Field f = fields.external(alt);
      if (f == null || !f.unique) {
        throw bad("alternative_id must name a unique field");
      }
      rw.readLock().lock();
      try {
        Long uid = indexLookup(alt, ident);
        if (uid == null) {
          throw error(404, "User not found");
        }
        return users.get(uid);
      } finally {
        rw.readLock().unlock();
      }
    }
    return requireUser(ident);
  }

  private Object[] requireUser(String ident) {
    Object[] row = resolve(ident);
    if (row == null) {
      throw error(404, "User not found");
    }
    return row;
  }

  /** Renders a stored row; {@code only} limits the fields (null = all set fields). */
  ObjectNode render(Object[] row, List<OomnitzaFields.Field> only) {
    ObjectNode o = Json.object();
    List<OomnitzaFields.Field> fs = only != null ? only : fields.all();
    for (OomnitzaFields.Field f : fs) {
      Object v = get(row, f.slot);
      if (v == null) {
        if (only != null) {
          o.putNull(f.externalId);
        }
        continue;
      }
      if (v instanceof String) {
        o.put(f.externalId, (String) v);
      } else if (v instanceof Long) {
        o.put(f.externalId, (Long) v);
      } else if (v instanceof Boolean) {
        o.put(f.externalId, (Boolean) v);
      } else if (v instanceof Double) {
        o.put(f.externalId, (Double) v);
      }
    }
    return o;
  }

  /** Converts a JSON object keyed by external ids (or bulk keys) into typed values per field. */
  private Map<OomnitzaFields.Field, Object> convert(ObjectNode body, boolean bulkKeys, boolean allowUnknown) {
    Map<OomnitzaFields.Field, Object> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = body.properties().iterator(); it.hasNext();) {
      Map.Entry<String, JsonNode> e = it.next();
      OomnitzaFields.Field f = bulkKeys ? fields.bulkKey(e.getKey()) : fields.external(e.getKey());
      if (f == null) {
        if (allowUnknown || allowUnknownFields) {
          if (allowUnknownFields && !allowUnknown) {
            f = fields.add(e.getKey(), e.getKey().toUpperCase(Locale.ROOT), OomnitzaFields.Type.STRING, false, false);
          } else {
            continue;
          }
        } else {
          throw new IllegalArgumentException("Unknown field '" + e.getKey() + "'");
        }
      }
      if (f.readOnly) {
        continue;
      }
      JsonNode v = e.getValue();
      if (v != null && (v.isObject() || v.isArray())) {
        throw new IllegalArgumentException("Field '" + f.externalId + "' expects a scalar value");
      }
      out.put(f, OomnitzaFields.convert(f, v));
    }
    return out;
  }

  /** Inserts a user (write lock held by caller). */
  private Object[] insert(Map<OomnitzaFields.Field, Object> values, String actor) {
    Object username = values.get(fields.external("username"));
    if (username == null || OomnitzaFilter.isNull(username)) {
      throw new IllegalArgumentException("Field 'username' is required");
    }
    checkUnique(values, null);
    long uid = nextUid++;
    Object[] row = new Object[fields.size()];
    values.forEach((f, v) -> row[f.slot] = v);
    long now = clock.instant().getEpochSecond();
    row[fields.external("uid").slot] = uid;
    row[fields.external("user_id").slot] = userIdOf(uid);
    row[fields.external("creation_date").slot] = now;
    row[fields.external("change_date").slot] = now;
    row[fields.external("created_by").slot] = actor;
    row[fields.external("changed_by").slot] = actor;
    users.put(uid, row);
    index(row, uid);
    return row;
  }

  private static String userIdOf(long uid) {
    return String.format(Locale.ROOT, "%032X", uid * 0x9E3779B97F4A7C15L & Long.MAX_VALUE);
  }

  private void checkUnique(Map<OomnitzaFields.Field, Object> values, Long self) {
    for (Map.Entry<OomnitzaFields.Field, Object> e : values.entrySet()) {
      if (e.getKey().unique && !OomnitzaFilter.isNull(e.getValue())) {
        Long other = indexLookup(e.getKey().externalId, uniqueKey(e.getValue()));
        if (other != null && !other.equals(self)) {
          throw new IllegalArgumentException("Value '" + OomnitzaFilter.stringOf(e.getValue()) + "' of unique field '"
              + e.getKey().externalId + "' is already used by another user");
        }
      }
    }
  }

  private void index(Object[] row, long uid) {
    for (OomnitzaFields.Field f : fields.all()) {
      Object v = get(row, f.slot);
      if (f.unique && !OomnitzaFilter.isNull(v)) {
        unique.computeIfAbsent(f.externalId, k -> new HashMap<>()).put(uniqueKey(v), uid);
      }
    }
  }

  private void unindex(Object[] row) {
    for (OomnitzaFields.Field f : fields.all()) {
      Object v = get(row, f.slot);
      if (f.unique && !OomnitzaFilter.isNull(v)) {
        HashMap<String, Long> idx = unique.get(f.externalId);
        if (idx != null) {
          idx.remove(uniqueKey(v));
        }
      }
    }
  }

  /** Applies changes (write lock held); returns the new row and whether anything changed. */
  private Object[] update(Object[] row, Map<OomnitzaFields.Field, Object> values, String actor, boolean[] changed) {
    long uid = (Long) row[fields.external("uid").slot];
    checkUnique(values, uid);
    Object[] n = row.length >= fields.size() ? row.clone() : java.util.Arrays.copyOf(row, fields.size());
    boolean any = false;
    for (Map.Entry<OomnitzaFields.Field, Object> e : values.entrySet()) {
      Object old = get(n, e.getKey().slot);
      if (!Objects.equals(old, e.getValue())) {
        n[e.getKey().slot] = e.getValue();
        any = true;
      }
    }
    Object username = get(n, fields.external("username").slot);
    if (OomnitzaFilter.isNull(username)) {
      throw new IllegalArgumentException("Field 'username' is required");
    }
    if (changed != null) {
      changed[0] = any;
    }
    if (!any) {
      return row;
    }
    n[fields.external("change_date").slot] = clock.instant().getEpochSecond();
    n[fields.external("changed_by").slot] = actor;
    unindex(row);
    users.put(uid, n);
    index(n, uid);
    return n;
  }

  // ================================================================== users: endpoints

  private String actor(SimRequest req) {
    String owner = authenticate(req.header("Authorization2"));
    return owner == null ? "api" : owner;
  }

  private SimResponse listUsers(SimRequest req) {
    int limit = intParam(req, "limit", DEFAULT_LIMIT);
    if (limit < 0 || limit > MAX_LIMIT) {
      throw bad("limit must be between 0 and " + MAX_LIMIT);
    }
    int skip = intParam(req, "skip", 0);
    if (skip < 0) {
      throw bad("skip must not be negative");
    }
    Predicate<OomnitzaFilter.Record> filter = parseFilter(req.queryParam("filter"), n -> fields.external(n) != null);
    Comparator<Object[]> order = sortOrder(req.queryParam("sortby"));
    List<OomnitzaFields.Field> only = fieldList(req.queryParam("fields"));
    List<Object[]> matched = new ArrayList<>();
    rw.readLock().lock();
    try {
      Iterable<Object[]> candidates = users.values();
      List<String> lookup = filter == null ? null : OomnitzaFilter.equalityLookup(req.queryParam("filter"));
      if (lookup != null && fields.external(lookup.get(0)).unique) {
        // Correlation lookups (email eq 'x', brex_user_id IN (...)) use the unique index, not a scan.
        java.util.TreeMap<Long, Object[]> found = new java.util.TreeMap<>();
        for (String v : lookup.subList(1, lookup.size())) {
          Long uid = indexLookup(lookup.get(0), v);
          if (uid != null) {
            found.put(uid, users.get(uid));
          }
        }
        candidates = found.values();
      }
      for (Object[] row : candidates) {
        if (filter == null || filter.test(name -> get(row, fields.external(name).slot))) {
          matched.add(row);
        }
      }
    } finally {
      rw.readLock().unlock();
    }
    if (order != null) {
      matched.sort(order);
    }
    ArrayNode out = Json.array();
    for (int i = skip; i < matched.size() && i < (long) skip + limit; i++) {
      out.add(render(matched.get(i), only));
    }
    return SimResponse.ok(out).header("X-Total-Count", Integer.toString(matched.size()));
  }

  static Predicate<OomnitzaFilter.Record> parseFilter(String filter, Predicate<String> known) {
    if (filter == null || filter.isBlank()) {
      return null;
    }
    try {
      return OomnitzaFilter.parse(filter, known);
    } catch (IllegalArgumentException e) {
      throw bad(e.getMessage());
    }
  }

  private Comparator<Object[]> sortOrder(String sortby) {
    if (sortby == null || sortby.isBlank()) {
      return null;
    }
    String[] parts = sortby.trim().split("\\s+");
    String name = parts[0];
    boolean desc = false;
    if (name.startsWith("-")) {
      desc = true;
      name = name.substring(1);
    }
    if (parts.length > 2 || (parts.length == 2 && !parts[1].equalsIgnoreCase("asc") && !parts[1].equalsIgnoreCase("desc"))) {
      throw bad("sortby must be '<field> asc|desc'");
    }
    if (parts.length == 2) {
      desc = parts[1].equalsIgnoreCase("desc");
    }
    OomnitzaFields.Field f = fields.external(name);
    if (f == null) {
      throw bad("sortby: unknown field '" + name + "'");
    }
    Comparator<Object[]> c = (a, b) -> {
      Object x = get(a, f.slot);
      Object y = get(b, f.slot);
      if (x == null || y == null) {
        return x == null ? (y == null ? 0 : -1) : 1;
      }
      return OomnitzaFilter.compare(x, y);
    };
    return desc ? c.reversed() : c;
  }

  private List<OomnitzaFields.Field> fieldList(String param) {
    if (param == null || param.isBlank()) {
      return null;
    }
    List<OomnitzaFields.Field> out = new ArrayList<>();
    for (String n : param.split(",")) {
      OomnitzaFields.Field f = fields.external(n.trim());
      if (f == null) {
        throw bad("fields: unknown field '" + n.trim() + "'");
      }
      out.add(f);
    }
    return out;
  }

  private static int intParam(SimRequest req, String name, int dflt) {
    String v = req.queryParam(name);
    if (v == null || v.isEmpty()) {
      return dflt;
    }
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw bad(name + " must be an integer");
    }
  }

  private boolean allowUnknown(SimRequest req) {
    return "1".equals(req.header("Oomnitza-Allow-Unknown-Meta-Fields"));
  }

  private SimResponse createUser(SimRequest req) {
    ObjectNode body = req.jsonObject();
    rw.writeLock().lock();
    try {
      Object[] row = insert(convert(body, false, allowUnknown(req)), actor(req));
      return SimResponse.ok(render(row, null));
    } catch (IllegalArgumentException e) {
      throw bad(e.getMessage());
    } finally {
      rw.writeLock().unlock();
    }
  }

  private SimResponse patchUser(SimRequest req) {
    ObjectNode body = req.jsonObject();
    Object[] row = requireUser(req);
    rw.writeLock().lock();
    try {
      Object[] current = users.get((Long) row[fields.external("uid").slot]);
      if (current == null) {
        throw error(404, "User not found");
      }
      Object[] n = update(current, convert(body, false, allowUnknown(req)), actor(req), null);
      return SimResponse.ok(render(n, null));
    } catch (IllegalArgumentException e) {
      throw bad(e.getMessage());
    } finally {
      rw.writeLock().unlock();
    }
  }

  private SimResponse deleteUser(SimRequest req) {
    Object[] row = requireUser(req);
    rw.writeLock().lock();
    try {
      Long uid = (Long) row[fields.external("uid").slot];
      Object[] current = users.remove(uid);
      if (current == null) {
        throw error(404, "User not found");
      }
      unindex(current);
      return SimResponse.ok(render(current, null));
    } finally {
      rw.writeLock().unlock();
    }
  }

  // ================================================================== users: direct helpers

  /** Registers a custom field. */
  public void customField(String externalId, String fieldId, OomnitzaFields.Type type, boolean unique) {
    rw.writeLock().lock();
    try {
      OomnitzaFields.Field f = fields.add(externalId, fieldId, type, unique, false);
      if (f.unique) {
        for (Map.Entry<Long, Object[]> e : users.entrySet()) {
          Object v = get(e.getValue(), f.slot);
          if (!OomnitzaFilter.isNull(v)) {
            this.unique.computeIfAbsent(f.externalId, k -> new HashMap<>()).put(uniqueKey(v), e.getKey());
          }
        }
      }
    } finally {
      rw.writeLock().unlock();
    }
  }

  /** When true, unknown fields are added to the data model as string custom fields. */
  public void allowUnknownFields(boolean allow) {
    this.allowUnknownFields = allow;
  }

  /** Adds a user directly; throws IllegalArgumentException on validation errors. */
  public ObjectNode addUser(ObjectNode user) {
    rw.writeLock().lock();
    try {
      return render(insert(convert(user, false, false), "simulator"), null);
    } finally {
      rw.writeLock().unlock();
    }
  }

  /** All users, in creation order. */
  public List<ObjectNode> users() {
    rw.readLock().lock();
    try {
      List<ObjectNode> out = new ArrayList<>(users.size());
      users.values().forEach(r -> out.add(render(r, null)));
      return out;
    } finally {
      rw.readLock().unlock();
    }
  }

  public int userCount() {
    rw.readLock().lock();
    try {
      return users.size();
    } finally {
      rw.readLock().unlock();
    }
  }

  /** The user with this value in a field (unique fields via index, others by scan). */
  public ObjectNode userBy(String field, String value) {
    OomnitzaFields.Field f = fields.external(field);
    if (f == null) {
      throw new IllegalArgumentException("unknown field " + field);
    }
    rw.readLock().lock();
    try {
      if (f.unique) {
        Long uid = indexLookup(field, value);
        return uid == null ? null : render(users.get(uid), null);
      }
      for (Object[] row : users.values()) {
        Object v = get(row, f.slot);
        if (v != null && OomnitzaFilter.equal(v, value)) {
          return render(row, null);
        }
      }
      return null;
    } finally {
      rw.readLock().unlock();
    }
  }

  // ================================================================== bulk

  /** One connector run ("portion"). */
  static final class Run {
    final String portion;
    final String correlationId = UUID.randomUUID().toString();
    final String connector;
    final Instant start;
    Instant end;
    String status = "Processing";
    boolean canceled;
    boolean testRun;
    boolean fatal;
    final Map<String, Integer> counts = new LinkedHashMap<>();
    final Map<String, List<ObjectNode>> logs = new LinkedHashMap<>();
    final ArrayNode testPayload = Json.array();

    Run(String portion, String connector, Instant start) {
      this.portion = portion;
      this.connector = connector;
      this.start = start;
      for (String k : List.of("added", "updated", "failed", "skipped", "unchanged", "canceled", "processing")) {
        counts.put(k, 0);
      }
      for (String k : List.of("Fatal Error", "added", "updated", "failed", "skipped", "unchanged")) {
        logs.put(k, new ArrayList<>());
      }
    }

    void log(String kind, String record, String message) {
      counts.merge(kind, 1, Integer::sum);
      List<ObjectNode> l = logs.computeIfAbsent(kind, k -> new ArrayList<>());
      if (l.size() < 10_000) {
        ObjectNode e = Json.object();
        if (record != null) {
          e.put("record", record);
        }
        if (message != null) {
          e.put("message", message);
        }
        l.add(e);
      }
    }
  }

  static final RequestSchema BULK = new RequestSchema(Map.of("", java.util.Set.of("connector_version", "sync_field",
      "records", "portion", "data_type", "insert_only", "update_only", "error", "error_type", "test_run",
      "multi_str_input_value", "connector_name", "connector_id")));
  private volatile boolean strictFields = true;
  private volatile boolean bulkAnswerDetails = true;

  /** Whether bulk answers carry {@code objects} counts and per-record {@code errors} (default true). */
  public void bulkAnswerDetails(boolean details) {
    this.bulkAnswerDetails = details;
  }

  /** Whether unknown top-level properties of a bulk payload are rejected with 400 (default true). */
  public void strictFields(boolean strict) {
    this.strictFields = strict;
  }

  private SimResponse bulk(SimRequest req) {
    ObjectNode p = req.jsonObject();
    String unknown = strictFields ? BULK.firstUnknown(p) : null;
    if (unknown != null) {
      throw bad("Unknown field in bulk payload: " + unknown);
    }
    String portion = Json.text(p, "portion");
    if (portion == null || portion.isBlank()) {
      throw bad("portion is required");
    }
    String dataType = Json.text(p, "data_type");
    if (dataType == null) {
      throw bad("data_type is required");
    }
    if (!dataType.equals("users")) {
      throw bad("data_type '" + dataType + "' is not supported by the simulator (only users)");
    }
    JsonNode records = p.get("records");
    if (records == null || !records.isArray()) {
      throw bad("records must be an array");
    }
    boolean insertOnly = p.path("insert_only").asBoolean(false);
    boolean updateOnly = p.path("update_only").asBoolean(false);
    if (insertOnly && updateOnly) {
      throw bad("insert_only and update_only are mutually exclusive");
    }
    List<OomnitzaFields.Field> syncFields = new ArrayList<>();
    JsonNode sf = p.get("sync_field");
    if (sf != null && !sf.isNull()) {
      if (!sf.isArray()) {
        throw bad("sync_field must be a list of field ids");
      }
      for (JsonNode n : sf) {
        OomnitzaFields.Field f = fields.bulkKey(n.asText());
        if (f == null) {
          throw bad("sync_field: unknown field '" + n.asText() + "'");
        }
        syncFields.add(f);
      }
    }
    if (syncFields.isEmpty()) {
      syncFields.add(fields.external("username"));
    }
    String connector = Json.text(p, "connector_name");
    if (connector == null) {
      connector = Json.text(p, "connector_id");
    }
    if (connector == null) {
      throw bad("connector_name or connector_id is required");
    }
    String error = Json.text(p, "error");
    boolean fatal = "Fatal Error".equals(Json.text(p, "error_type"));
    boolean testRun = p.path("test_run").asBoolean(false);
    String actor = actor(req);

    ObjectNode result = Json.object();
    result.put("portion", portion);
    ObjectNode batch = result.putObject("objects");
    ArrayNode errors = result.putArray("errors");
    synchronized (runs) {
      Run run = runs.get(portion);
      if (run == null) {
        run = new Run(portion, connector, clock.instant());
        runs.put(portion, run);
      } else if (!run.connector.equals(connector)) {
        throw error(409, "portion " + portion + " belongs to another connector");
      }
      if (run.canceled) {
        throw error(409, "run " + portion + " was canceled");
      }
      if (run.end != null) {
        throw error(409, "run " + portion + " is already finalized");
      }
      run.testRun |= testRun;
      if (error != null) {
        if (fatal) {
          run.fatal = true;
          run.log("Fatal Error", null, error);
        }
        if (records.isEmpty() && !fatal) {
          run.log("failed", null, error);
          count(batch, "failed");
        }
        for (JsonNode rec : records) {
          run.log("failed", describe(rec, syncFields), error);
          count(batch, "failed");
        }
      } else {
        int index = 0;
        for (JsonNode rec : records) {
          String outcome = testRun ? testRecord(run, rec) : applyRecord(run, rec, syncFields, insertOnly, updateOnly, actor, errors, index);
          count(batch, outcome);
          index++;
        }
      }
      result.put("status", run.status);
    }
    if (!bulkAnswerDetails) {
      result.remove("objects");
      result.remove("errors");
    }
    return SimResponse.ok(result);
  }

  /** An already-finalized synthetic run: one added record, one failure, or an empty run. */
  private SimResponse addReadyPortion(SimRequest req) {
    ObjectNode p = req.jsonObject();
    String id = Json.text(p, "correlation_id");
    if (id == null || id.isBlank()) {
      throw bad("correlation_id is required");
    }
    synchronized (runs) {
      if (runs.containsKey(id)) {
        throw error(409, "portion " + id + " already exists");
      }
      Run run = new Run(id, req.pathParam("connector_id"), clock.instant());
      run.testRun = p.path("test_run").asBoolean(false);
      if (p.path("failed").asInt(0) > 0) {
        String message = Json.text(p, "error_message");
        if ("Fatal Error".equals(Json.text(p, "error_type"))) {
          run.fatal = true;
          run.log("Fatal Error", null, message);
          run.status = "Failed";
        } else {
          run.log("failed", null, message);
          run.status = "Completed with errors";
        }
      } else if (p.path("is_empty_run").asBoolean(false)) {
        run.status = "Completed with empty response";
      } else if (p.path("added").asInt(0) > 0) {
        run.log("added", null, null);
        run.status = "Completed";
      } else {
        throw bad("one of added, failed or is_empty_run is required");
      }
      run.end = run.start;
      runs.put(id, run);
      return SimResponse.ok(runState(run));
    }
  }

  private static void count(ObjectNode batch, String kind) {
    batch.put(kind, batch.path(kind).asInt(0) + 1);
  }

  private String testRecord(Run run, JsonNode rec) {
    if (run.testPayload.size() < 10) {
      run.testPayload.add(rec.deepCopy());
    }
    return "processing";
  }

  private String describe(JsonNode rec, List<OomnitzaFields.Field> syncFields) {
    if (rec == null || !rec.isObject()) {
      return String.valueOf(rec);
    }
    for (OomnitzaFields.Field f : syncFields) {
      JsonNode v = rec.get(f.fieldId);
      if (v == null) {
        v = rec.get(f.externalId);
      }
      if (v != null && !v.isNull()) {
        return v.asText();
      }
    }
    return "";
  }

  private String applyRecord(Run run, JsonNode rec, List<OomnitzaFields.Field> syncFields, boolean insertOnly,
      boolean updateOnly, String actor, ArrayNode errors, int index) {
    String key = describe(rec, syncFields);
    try {
      if (!rec.isObject()) {
        throw new IllegalArgumentException("record must be an object");
      }
      Map<OomnitzaFields.Field, Object> values = convert((ObjectNode) rec, true, false);
      rw.writeLock().lock();
      try {
        Long match = null;
        for (OomnitzaFields.Field f : syncFields) {
          Object v = values.get(f);
          if (OomnitzaFilter.isNull(v)) {
            continue;
          }
          Long uid = f.unique ? indexLookup(f.externalId, uniqueKey(v)) : scan(f, v);
          if (uid != null) {
            if (match != null && !match.equals(uid)) {
              throw new IllegalArgumentException("sync fields match different users");
            }
            match = uid;
          }
        }
        if (match == null) {
          if (updateOnly) {
            run.log("skipped", key, "update only: no existing user matches");
            return "skipped";
          }
          insert(values, actor);
          run.log("added", key, null);
          return "added";
        }
        if (insertOnly) {
          run.log("skipped", key, "insert only: the user already exists");
          return "skipped";
        }
        boolean[] changed = new boolean[1];
        update(users.get(match), values, actor, changed);
        run.log(changed[0] ? "updated" : "unchanged", key, null);
        return changed[0] ? "updated" : "unchanged";
      } finally {
        rw.writeLock().unlock();
      }
    } catch (IllegalArgumentException e) {
      run.log("failed", key, e.getMessage());
      ObjectNode err = errors.addObject();
      err.put("index", index);
      err.put("record", key);
      err.put("error", e.getMessage());
      return "failed";
    }
  }

  private Long scan(OomnitzaFields.Field f, Object v) {
    for (Map.Entry<Long, Object[]> e : users.entrySet()) {
      Object x = get(e.getValue(), f.slot);
      if (x != null && OomnitzaFilter.equal(x, v)) {
        return e.getKey();
      }
    }
    return null;
  }

  private Run requireRun(String portion) {
    synchronized (runs) {
      Run r = runs.get(portion);
      if (r == null) {
        throw error(404, "run not found");
      }
      return r;
    }
  }

  private ObjectNode runState(Run r) {
    synchronized (runs) {
      ObjectNode o = Json.object();
      o.put("portion", r.portion);
      o.put("status", r.status);
      o.put("canceled", r.canceled);
      return o;
    }
  }

  private ObjectNode finalizeRun(String portion) {
    synchronized (runs) {
      Run r = requireRun(portion);
      if (r.end == null && !r.canceled) {
        r.end = clock.instant();
        int total = r.counts.values().stream().mapToInt(Integer::intValue).sum();
        if (r.fatal) {
          r.status = "Failed";
        } else if (r.counts.get("failed") > 0) {
          r.status = "Completed with errors";
        } else if (total == 0) {
          r.status = "Completed with empty response";
        } else {
          r.status = "Completed";
        }
      }
      return runState(r);
    }
  }

  /** Cancels a run as a user would in the UI. */
  public ObjectNode cancelRun(String portion) {
    synchronized (runs) {
      Run r = requireRun(portion);
      if (r.end == null) {
        r.canceled = true;
        r.status = "Canceled";
        r.end = clock.instant();
      }
      return runState(r);
    }
  }

  private ObjectNode runSummary(Run r) {
    ObjectNode o = Json.object();
    o.put("portion_id", r.portion);
    o.put("portion_correlation_id", r.correlationId);
    o.put("start_time", r.start.getEpochSecond());
    if (r.end == null) {
      o.putNull("end_time");
    } else {
      o.put("end_time", r.end.getEpochSecond());
    }
    o.put("connector", r.connector);
    o.put("is_media_storage_service", false);
    o.put("status", r.status);
    o.put("test_run", r.testRun);
    o.put("deployment", "local");
    o.put("ipv4_address", "127.0.0.1");
    o.put("added_records_count", r.counts.get("added"));
    o.put("updated_records_count", r.counts.get("updated"));
    o.put("skipped_records_count", r.counts.get("skipped"));
    o.put("unchanged_records_count", r.counts.get("unchanged"));
    o.put("failed_records_count", r.counts.get("failed"));
    o.put("error_logs_count", r.counts.get("failed") + r.logs.get("Fatal Error").size());
    return o;
  }

  private ObjectNode runDetails(Run r) {
    synchronized (runs) {
      ObjectNode o = Json.object();
      o.put("portion_id", r.portion);
      o.put("connector", r.connector);
      o.put("deployment", "local");
      o.put("start_time", r.start.getEpochSecond());
      if (r.end == null) {
        o.putNull("end_time");
      } else {
        o.put("end_time", r.end.getEpochSecond());
      }
      o.put("status", r.status);
      o.put("ipv4_address", "127.0.0.1");
      ObjectNode objects = o.putObject("objects");
      r.counts.forEach((k, v) -> objects.put(k, v));
      ObjectNode logs = o.putObject("logs");
      r.logs.forEach((k, v) -> {
        ArrayNode a = logs.putArray(k);
        v.forEach(e -> a.add(e.deepCopy()));
      });
      o.putNull("file_attachment");
      o.put("test_run", r.testRun);
      o.set("test_run_payload", r.testPayload.deepCopy());
      return o;
    }
  }

  private SimResponse listRuns(SimRequest req) {
    String connector = req.pathParam("connector_id");
    List<ObjectNode> all = new ArrayList<>();
    synchronized (runs) {
      for (Run r : runs.values()) {
        if (r.connector.equals(connector)) {
          all.add(runSummary(r));
        }
      }
    }
    return listObjects(req, all);
  }

  /** limit/skip/sortby/filter over plain JSON objects (run logs, SaaS users). */
  private static SimResponse listObjects(SimRequest req, List<ObjectNode> all) {
    int limit = intParam(req, "limit", DEFAULT_LIMIT);
    int skip = intParam(req, "skip", 0);
    if (limit < 0 || limit > MAX_LIMIT || skip < 0) {
      throw bad("limit/skip out of range");
    }
    java.util.Set<String> known = new java.util.HashSet<>();
    all.forEach(o -> o.fieldNames().forEachRemaining(known::add));
    Predicate<OomnitzaFilter.Record> filter = parseFilter(req.queryParam("filter"),
        n -> known.contains(n) || all.isEmpty());
    Stream<ObjectNode> s = all.stream();
    if (filter != null) {
      s = s.filter(o -> filter.test(n -> scalar(o.get(n))));
    }
    List<ObjectNode> matched = new ArrayList<>(s.toList());
    String sortby = req.queryParam("sortby");
    if (sortby != null && !sortby.isBlank()) {
      String[] parts = sortby.trim().split("\\s+");
      String field = parts[0];
      boolean desc = parts.length > 1 && parts[1].equalsIgnoreCase("desc");
      Comparator<ObjectNode> c = (a, b) -> {
        Object x = scalar(a.get(field));
        Object y = scalar(b.get(field));
        if (x == null || y == null) {
          return x == null ? (y == null ? 0 : -1) : 1;
        }
        return OomnitzaFilter.compare(x, y);
      };
      matched.sort(desc ? c.reversed() : c);
    }
    ArrayNode out = Json.array();
    for (int i = skip; i < matched.size() && i < (long) skip + limit; i++) {
      out.add(matched.get(i));
    }
    return SimResponse.ok(out).header("X-Total-Count", Integer.toString(matched.size()));
  }

  private static Object scalar(JsonNode v) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isBoolean()) {
      return v.asBoolean();
    }
    if (v.isIntegralNumber()) {
      return v.asLong();
    }
    if (v.isNumber()) {
      return v.asDouble();
    }
    return v.asText();
  }

  /** Run details as {@code GET /api/v3/connector_run_logs/connectors/{portion}} returns them. */
  public ObjectNode run(String portion) {
    synchronized (runs) {
      Run r = runs.get(portion);
      return r == null ? null : runDetails(r);
    }
  }

  /** Summaries of all runs, oldest first. */
  public List<ObjectNode> runs() {
    synchronized (runs) {
      List<ObjectNode> out = new ArrayList<>();
      runs.values().forEach(r -> out.add(runSummary(r)));
      return out;
    }
  }

  // ================================================================== SaaS

  /** Adds a SaaS application; returns it ({@code saas_id}, {@code name}). */
  public ObjectNode addSaas(String name) {
    synchronized (saas) {
      for (ObjectNode s : saas.values()) {
        if (name.equalsIgnoreCase(Json.text(s, "name"))) {
          return s.deepCopy();
        }
      }
      ObjectNode s = Json.object();
      s.put("saas_id", String.format(Locale.ROOT, "%032X", (long) (saas.size() + 1) * 0x2545F4914F6CDD1DL & Long.MAX_VALUE));
      s.put("name", name);
      saas.put(s.get("saas_id").asText(), s);
      return s.deepCopy();
    }
  }

  private ObjectNode requireSaas(String id) {
    synchronized (saas) {
      ObjectNode s = saas.get(id);
      if (s == null) {
        for (ObjectNode x : saas.values()) {
          if (id.equalsIgnoreCase(Json.text(x, "name"))) {
            return x;
          }
        }
        throw error(404, "SaaS not found");
      }
      return s;
    }
  }

  private SimResponse listSaasUsers(SimRequest req) {
    List<ObjectNode> all = new ArrayList<>();
    synchronized (saas) {
      saasUsers.values().forEach(u -> all.add(u.deepCopy()));
    }
    return listObjects(req, all);
  }

  private SimResponse listSaasUsersOf(SimRequest req) {
    String saasId = requireSaas(req.pathParam("ident")).get("saas_id").asText();
    List<ObjectNode> all = new ArrayList<>();
    synchronized (saas) {
      saasUsers.values().stream().filter(u -> saasId.equals(Json.text(u, "saas_id"))).forEach(u -> all.add(u.deepCopy()));
    }
    return listObjects(req, all);
  }

  private SimResponse assignSaasUsers(SimRequest req) {
    String saasId = requireSaas(req.pathParam("ident")).get("saas_id").asText();
    JsonNode body = req.json();
    if (!body.isArray()) {
      throw bad("body must be a list of {user_id, assign}");
    }
    List<Object[]> resolved = new ArrayList<>();
    for (JsonNode item : body) {
      String userIdent = Json.text(item, "user_id");
      if (userIdent == null) {
        throw bad("user_id is required");
      }
      Object[] row = resolve(userIdent);
      if (row == null) {
        throw bad("user " + userIdent + " not found");
      }
      resolved.add(new Object[] {row, item.path("assign").asBoolean(true)});
    }
    ArrayNode out = Json.array();
    synchronized (saas) {
      for (Object[] r : resolved) {
        Object[] row = (Object[]) r[0];
        String userId = (String) row[fields.external("user_id").slot];
        String key = saasId + "/" + userId;
        if ((Boolean) r[1]) {
          ObjectNode su = saasUsers.get(key);
          if (su == null) {
            su = Json.object();
            su.put("saas_user_id", String.format(Locale.ROOT, "%032X",
                (long) (saasUsers.size() + 1) * 0x9E3779B97F4A7C15L & Long.MAX_VALUE ^ key.hashCode()));
            su.put("saas_id", saasId);
            su.put("user_id", userId);
            su.put("username", (String) row[fields.external("username").slot]);
            su.putNull("user_external_id");
            su.put("status", "active");
            su.put("assigned_date", clock.instant().getEpochSecond());
            saasUsers.put(key, su);
          }
          out.add(su.deepCopy());
        } else {
          saasUsers.remove(key);
        }
      }
    }
    return SimResponse.ok(out);
  }

  private SimResponse setSaasExternalId(SimRequest req) {
    String saasId = requireSaas(req.pathParam("ident")).get("saas_id").asText();
    String ext = Json.text(req.jsonObject(), "user_external_id");
    if (ext == null) {
      throw bad("user_external_id is required");
    }
    Object[] row = resolve(req.pathParam("user_id"));
    if (row == null) {
      throw error(404, "User not found");
    }
    String userId = (String) row[fields.external("user_id").slot];
    synchronized (saas) {
      ObjectNode su = saasUsers.get(saasId + "/" + userId);
      if (su == null) {
        throw error(404, "User is not assigned to this SaaS");
      }
      su.put("user_external_id", ext);
      return SimResponse.ok(su.deepCopy());
    }
  }

  private SimResponse setSaasUserStatus(SimRequest req, String status) {
    JsonNode ids = req.jsonObject().get("saas_user_ids");
    if (ids == null || !ids.isArray()) {
      throw bad("saas_user_ids must be a list");
    }
    ArrayNode out = Json.array();
    synchronized (saas) {
      for (JsonNode id : ids) {
        ObjectNode r = out.addObject();
        r.put("saas_user_id", id.asText());
        ObjectNode found = null;
        for (ObjectNode su : saasUsers.values()) {
          if (id.asText().equals(Json.text(su, "saas_user_id"))) {
            found = su;
          }
        }
        if (found == null) {
          r.put("error", "SaaS user not found");
        } else {
          found.put("status", status);
          r.putNull("error");
        }
      }
    }
    return SimResponse.ok(out);
  }

  /** All SaaS users (copies). */
  public List<ObjectNode> saasUsers() {
    synchronized (saas) {
      List<ObjectNode> out = new ArrayList<>();
      saasUsers.values().forEach(u -> out.add(u.deepCopy()));
      return out;
    }
  }

  // ================================================================== reset / snapshot

  public void reset() {
    tokenOwner.clear();
    accounts.clear();
    rw.writeLock().lock();
    try {
      users.clear();
      unique.clear();
      nextUid = 1;
    } finally {
      rw.writeLock().unlock();
    }
    synchronized (runs) {
      runs.clear();
    }
    synchronized (saas) {
      saas.clear();
      saasUsers.clear();
    }
  }

  public ObjectNode snapshot() {
    ObjectNode s = Json.object();
    ArrayNode u = s.putArray("users");
    users().forEach(u::add);
    ArrayNode r = s.putArray("runs");
    runs().forEach(r::add);
    ArrayNode sa = s.putArray("saas");
    synchronized (saas) {
      saas.values().forEach(x -> sa.add(x.deepCopy()));
    }
    ArrayNode su = s.putArray("saas_users");
    saasUsers().forEach(su::add);
    return s;
  }
}
