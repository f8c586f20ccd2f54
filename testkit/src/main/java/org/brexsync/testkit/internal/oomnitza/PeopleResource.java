package org.brexsync.testkit.internal.oomnitza;

import static org.brexsync.testkit.internal.oomnitza.OomnitzaConventions.DEFAULT_LIMIT;
import static org.brexsync.testkit.internal.oomnitza.OomnitzaConventions.MAX_LIMIT;
import static org.brexsync.testkit.internal.oomnitza.OomnitzaConventions.bad;
import static org.brexsync.testkit.internal.oomnitza.OomnitzaConventions.error;
import static org.brexsync.testkit.internal.oomnitza.OomnitzaConventions.intParam;
import static org.brexsync.testkit.internal.oomnitza.OomnitzaConventions.parseFilter;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.brexsync.testkit.internal.Json;
import org.brexsync.testkit.internal.Router;
import org.brexsync.testkit.internal.SimRequest;
import org.brexsync.testkit.internal.SimResponse;

/**
 * The simulated Oomnitza's people, REST v3: {@code GET /api/v3/users} (limit, skip, sortby, filter,
 * fields; {@code X-Total-Count}), create, get, patch and delete by uid, user_id, username or
 * {@code ?alternative_id=} a unique field.
 */
final class PeopleResource {
  private final UserStore store;
  private final Accounts accounts;

  PeopleResource(UserStore store, Accounts accounts) {
    this.store = store;
    this.accounts = accounts;
  }

  void register(Router r) {
    r.add("GET", "/api/v3/users", this::listUsers);
    r.add("POST", "/api/v3/users", this::createUser);
    r.add("GET", "/api/v3/users/{ident}", req -> SimResponse.ok(store.render(store.requireUser(req), null)));
    r.add("PATCH", "/api/v3/users/{ident}", this::patchUser);
    r.add("DELETE", "/api/v3/users/{ident}", this::deleteUser);
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
    Predicate<OomnitzaFilter.Record> filter = parseFilter(req.queryParam("filter"), n -> store.fields.external(n) != null);
    Comparator<Object[]> order = sortOrder(req.queryParam("sortby"));
    List<OomnitzaFields.Field> only = fieldList(req.queryParam("fields"));
    List<Object[]> matched = new ArrayList<>();
    store.rw.readLock().lock();
    try {
      Iterable<Object[]> candidates = store.rows();
      List<String> lookup = filter == null ? null : OomnitzaFilter.equalityLookup(req.queryParam("filter"));
      if (lookup != null && store.fields.external(lookup.get(0)).unique) {
        // Correlation lookups (email eq 'x', brex_user_id IN (...)) use the unique index, not a scan.
        java.util.TreeMap<Long, Object[]> found = new java.util.TreeMap<>();
        for (String v : lookup.subList(1, lookup.size())) {
          Long uid = store.indexLookup(lookup.get(0), v);
          if (uid != null) {
            found.put(uid, store.row(uid));
          }
        }
        candidates = found.values();
      }
      for (Object[] row : candidates) {
        if (filter == null || filter.test(name -> UserStore.get(row, store.fields.external(name).slot))) {
          matched.add(row);
        }
      }
    } finally {
      store.rw.readLock().unlock();
    }
    if (order != null) {
      matched.sort(order);
    }
    ArrayNode out = Json.array();
    for (int i = skip; i < matched.size() && i < (long) skip + limit; i++) {
      out.add(store.render(matched.get(i), only));
    }
    return SimResponse.ok(out).header("X-Total-Count", Integer.toString(matched.size()));
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
    OomnitzaFields.Field f = store.fields.external(name);
    if (f == null) {
      throw bad("sortby: unknown field '" + name + "'");
    }
    Comparator<Object[]> c = (a, b) -> {
      Object x = UserStore.get(a, f.slot);
      Object y = UserStore.get(b, f.slot);
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
      OomnitzaFields.Field f = store.fields.external(n.trim());
      if (f == null) {
        throw bad("fields: unknown field '" + n.trim() + "'");
      }
      out.add(f);
    }
    return out;
  }

  private boolean allowUnknown(SimRequest req) {
    return "1".equals(req.header("Oomnitza-Allow-Unknown-Meta-Fields"));
  }

  private SimResponse createUser(SimRequest req) {
    ObjectNode body = req.jsonObject();
    store.rw.writeLock().lock();
    try {
      Object[] row = store.insert(store.convert(body, false, allowUnknown(req)), accounts.actor(req));
      return SimResponse.ok(store.render(row, null));
    } catch (IllegalArgumentException e) {
      throw bad(e.getMessage());
    } finally {
      store.rw.writeLock().unlock();
    }
  }

  private SimResponse patchUser(SimRequest req) {
    ObjectNode body = req.jsonObject();
    Object[] row = store.requireUser(req);
    store.rw.writeLock().lock();
    try {
      Object[] current = store.row((Long) row[store.fields.external("uid").slot]);
      if (current == null) {
        throw error(404, "User not found");
      }
      Object[] n = store.update(current, store.convert(body, false, allowUnknown(req)), accounts.actor(req), null);
      return SimResponse.ok(store.render(n, null));
    } catch (IllegalArgumentException e) {
      throw bad(e.getMessage());
    } finally {
      store.rw.writeLock().unlock();
    }
  }

  private SimResponse deleteUser(SimRequest req) {
    Object[] row = store.requireUser(req);
    store.rw.writeLock().lock();
    try {
      Long uid = (Long) row[store.fields.external("uid").slot];
      Object[] current = store.remove(uid);
      if (current == null) {
        throw error(404, "User not found");
      }
      return SimResponse.ok(store.render(current, null));
    } finally {
      store.rw.writeLock().unlock();
    }
  }
}
