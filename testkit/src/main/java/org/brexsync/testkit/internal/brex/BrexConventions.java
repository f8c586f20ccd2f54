package org.brexsync.testkit.internal.brex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.brexsync.testkit.internal.ApiException;
import org.brexsync.testkit.internal.Json;
import org.brexsync.testkit.internal.SimRequest;
import org.brexsync.testkit.internal.SimResponse;

/**
 * Brex's wire conventions, shared by every resource of the simulator: error bodies, cursor paging,
 * request-field validation, ids and money.
 */
final class BrexConventions {
  static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  /** Properties of a {@code Money} request object. */
  static final Set<String> MONEY = Set.of("amount", "currency");
  /** Properties of an {@code Address} request object. */
  static final Set<String> ADDRESS = Set.of("line1", "line2", "city", "state", "country", "postal_code",
      "phone_number");

  private BrexConventions() {}

  // ================================================================== errors

  /** Brex's error body: {@code {"type", "message"[, "code"]}}. */
  static ApiException error(int status, String message) {
    return error(status, ApiException.typeOf(status), message, null);
  }

  static ApiException error(int status, String type, String message, String code) {
    ObjectNode b = Json.object();
    b.put("type", type);
    b.put("message", message);
    if (code != null) {
      b.put("code", code);
    }
    return new ApiException(status, b);
  }

  static ApiException bad(String message) {
    return error(400, message);
  }

  static ApiException notFound(String code) {
    return error(404, "NOT_FOUND", "Not Found", code);
  }

  // ================================================================== pagination

  static int limit(SimRequest req) {
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

  static long position(SimRequest req) {
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

  /** A page of named objects (departments, webhook subscriptions, ...), filtered by {@code ?name=}. */
  static SimResponse listNamed(Object lock, SimRequest req, LinkedHashMap<String, ObjectNode> map) {
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

  /** One named object by its {@code {id}}, or 404 with {@code code}. */
  static SimResponse getNamed(Object lock, SimRequest req, LinkedHashMap<String, ObjectNode> map, String code) {
    synchronized (lock) {
      ObjectNode n = map.get(req.pathParam("id"));
      if (n == null) {
        throw notFound(code);
      }
      return SimResponse.ok(n);
    }
  }

  static ArrayNode arrayOf(java.util.Map<String, ObjectNode> m) {
    ArrayNode a = Json.array();
    m.values().forEach(v -> a.add(v.deepCopy()));
    return a;
  }

  // ================================================================== money

  static long money(JsonNode m, String field) {
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

  /** A Brex {@code Money} object in USD. */
  static ObjectNode money(long cents) {
    ObjectNode m = Json.object();
    m.put("amount", cents);
    m.put("currency", "USD");
    return m;
  }

  // ================================================================== validation

  static String requiredText(ObjectNode b, String field) {
    JsonNode v = b.get(field);
    if (v == null || v.isNull()) {
      throw bad(field + " is required");
    }
    if (!v.isTextual() || v.asText().isBlank()) {
      throw bad(field + " is invalid");
    }
    return v.asText();
  }

  static void ascii(String field, String v) {
    for (int i = 0; i < v.length(); i++) {
      if (v.charAt(i) > 127) {
        throw bad(field + " is invalid");
      }
    }
  }

  static String enumValue(ObjectNode b, String field, Set<String> allowed, boolean required) {
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

  static JsonNode textOrNull(JsonNode b, String field) {
    JsonNode v = b.get(field);
    if (v == null || v.isNull()) {
      return NullNode.getInstance();
    }
    if (!v.isTextual()) {
      throw bad(field + " is invalid");
    }
    return v;
  }

  /** The optional date at {@code name} (a dotted path for messages; its last segment is the field of {@code b}). */
  static JsonNode date(JsonNode b, String name) {
    JsonNode v = b.get(name.substring(name.lastIndexOf('.') + 1));
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

  /** A Brex-style id: the prefix, {@code c} and 24 random lower-case letters and digits. */
  static String newId(String prefix) {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    StringBuilder sb = new StringBuilder(prefix).append('c');
    String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    for (int i = 0; i < 24; i++) {
      sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return sb.toString();
  }
}
