package org.brexsync.testkit.internal.oomnitza;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.brexsync.testkit.internal.ApiException;
import org.brexsync.testkit.internal.Json;
import org.brexsync.testkit.internal.SimRequest;
import org.brexsync.testkit.internal.SimResponse;

/**
 * The simulated Oomnitza's wire conventions, shared by every resource: error bodies, limit/skip
 * paging, {@code filter=} and {@code sortby=} over plain JSON lists.
 */
final class OomnitzaConventions {
  static final int MAX_LIMIT = 2000;
  static final int DEFAULT_LIMIT = 100;

  private OomnitzaConventions() {}

  /** Oomnitza error body (undocumented; chosen shape): {@code {"errors":[{"code","message"}]}}. */
  static ApiException error(int status, String message) {
    ObjectNode b = Json.object();
    ObjectNode e = b.putArray("errors").addObject();
    e.put("code", ApiException.typeOf(status));
    e.put("message", message);
    return new ApiException(status, b);
  }

  static ApiException bad(String message) {
    return error(400, message);
  }

  static String first(Map<String, List<String>> m, String k) {
    List<String> v = m.get(k);
    return v == null || v.isEmpty() ? null : v.get(0);
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

  static int intParam(SimRequest req, String name, int dflt) {
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

  /** limit/skip/sortby/filter over plain JSON objects (run logs, SaaS users). */
  static SimResponse listObjects(SimRequest req, List<ObjectNode> all) {
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
}
