package org.brexsync.testkit.internal.oomnitza;

import static org.brexsync.testkit.internal.oomnitza.OomnitzaConventions.bad;
import static org.brexsync.testkit.internal.oomnitza.OomnitzaConventions.error;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.brexsync.testkit.internal.Json;
import org.brexsync.testkit.internal.SimRequest;

/**
 * The simulated Oomnitza's people: the users data model ({@link OomnitzaFields}) and the stored
 * users, compactly (one {@code Object[]} of typed values per user, slots from the fields) with
 * case-insensitive indexes on unique fields, behind one read-write lock. The REST endpoints, bulk
 * runs and SaaS assignments all read and write people here.
 */
final class UserStore {
  private final Clock clock;
  final OomnitzaFields fields = new OomnitzaFields();
  /** Guards users and indexes; bulk runs hold the write lock across a lookup and its write. */
  final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
  private final LinkedHashMap<Long, Object[]> users = new LinkedHashMap<>();
  private final HashMap<String, HashMap<String, Long>> unique = new HashMap<>();
  private long nextUid = 1;
  private volatile boolean allowUnknownFields;

  UserStore(Clock clock) {
    this.clock = clock;
  }

  /** The key of a unique field's value in its index (case-insensitive). */
  String uniqueKey(Object v) {
    return v == null ? null : OomnitzaFilter.stringOf(v).toLowerCase(Locale.ROOT);
  }

  /** The value in a slot of a row (rows stored before a custom field was added are shorter). */
  static Object get(Object[] row, int slot) {
    return slot < row.length ? row[slot] : null;
  }

  /** The user whose uid, user_id or username is {@code ident}, or null. */
  Object[] resolve(String ident) {
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

  /** The uid holding {@code value} in a unique field, or null (lock held by caller). */
  Long indexLookup(String field, String value) {
    HashMap<String, Long> idx = unique.get(field);
    return idx == null ? null : idx.get(value.toLowerCase(Locale.ROOT));
  }

  /** The user named by {@code {ident}}, or by {@code ?alternative_id=<unique field>} when given. */
  Object[] requireUser(SimRequest req) {
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
  Map<OomnitzaFields.Field, Object> convert(ObjectNode body, boolean bulkKeys, boolean allowUnknown) {
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
  Object[] insert(Map<OomnitzaFields.Field, Object> values, String actor) {
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
    return hex32(uid * 0x9E3779B97F4A7C15L & Long.MAX_VALUE);
  }

  /**
   * {@code String.format("%032X", v)} (a negative {@code v} as its 16 unsigned hex digits, as there),
   * without the formatter: it ran
   * once per created user, and parsing the pattern each time cost more than the rest of a create.
   */
  static String hex32(long v) {
    String hex = Long.toHexString(v).toUpperCase(Locale.ROOT);
    return "0".repeat(32 - hex.length()) + hex;
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
  Object[] update(Object[] row, Map<OomnitzaFields.Field, Object> values, String actor, boolean[] changed) {
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

  /** The uid of the first user whose field holds {@code v}, by scan (lock held by caller). */
  Long scan(OomnitzaFields.Field f, Object v) {
    for (Map.Entry<Long, Object[]> e : users.entrySet()) {
      Object x = get(e.getValue(), f.slot);
      if (x != null && OomnitzaFilter.equal(x, v)) {
        return e.getKey();
      }
    }
    return null;
  }

  /** Registers a custom field. */
  void customField(String externalId, String fieldId, OomnitzaFields.Type type, boolean unique) {
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
  void allowUnknownFields(boolean allow) {
    this.allowUnknownFields = allow;
  }

  /** Adds a user directly; throws IllegalArgumentException on validation errors. */
  ObjectNode addUser(ObjectNode user) {
    rw.writeLock().lock();
    try {
      return render(insert(convert(user, false, false), "simulator"), null);
    } finally {
      rw.writeLock().unlock();
    }
  }

  /** All users, in creation order. */
  List<ObjectNode> users() {
    rw.readLock().lock();
    try {
      List<ObjectNode> out = new ArrayList<>(users.size());
      users.values().forEach(r -> out.add(render(r, null)));
      return out;
    } finally {
      rw.readLock().unlock();
    }
  }

  int userCount() {
    rw.readLock().lock();
    try {
      return users.size();
    } finally {
      rw.readLock().unlock();
    }
  }

  /** The user with this value in a field (unique fields via index, others by scan). */
  ObjectNode userBy(String field, String value) {
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

  /** The stored row of this uid, or null (lock held by caller). */
  Object[] row(long uid) {
    return users.get(uid);
  }

  /** Every stored row, in creation order (lock held by caller). */
  Iterable<Object[]> rows() {
    return users.values();
  }

  /** Removes a user; returns its row, or null (write lock held by caller). */
  Object[] remove(long uid) {
    Object[] current = users.remove(uid);
    if (current != null) {
      unindex(current);
    }
    return current;
  }

  /** Forgets every user (the data model stays). */
  void reset() {
    rw.writeLock().lock();
    try {
      users.clear();
      unique.clear();
      nextUid = 1;
    } finally {
      rw.writeLock().unlock();
    }
  }
}
