package org.brexsync.oomnitza.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.brexsync.http.internal.Response;
import org.brexsync.oomnitza.OomnitzaResponseException;

/** Reads list and object bodies whose exact shape Oomnitza does not document. */
public final class Rows {
  private Rows() {}

  /** The rows of a list response: a top-level array, or an array under an envelope key. */
  public static List<ObjectNode> list(Transport t, Response r) {
    JsonNode body = t.readTree(r);
    JsonNode array = null;
    if (body.isArray()) {
      array = body;
    } else if (body.isObject()) {
      for (String k : t.conventions().listEnvelopeKeys()) {
        JsonNode v = body.get(k);
        if (v != null && v.isArray()) {
          array = v;
          break;
        }
      }
    } else if (body.isNull()) {
      return List.of();
    }
    if (array == null) {
      throw new OomnitzaResponseException(r.status(), r.call().method(), r.path(),
          "expected a JSON array of objects", null);
    }
    List<ObjectNode> out = new ArrayList<>(array.size());
    for (JsonNode n : array) {
      if (!n.isObject()) {
        throw new OomnitzaResponseException(r.status(), r.call().method(), r.path(),
            "expected a JSON array of objects, found a " + n.getNodeType(), null);
      }
      out.add((ObjectNode) n);
    }
    return out;
  }

  /** The object of a single-object response (an object, or an array of exactly one); empty if blank. */
  public static Optional<ObjectNode> object(Transport t, Response r) {
    JsonNode body = t.readTree(r);
    if (body.isNull()) {
      return Optional.empty();
    }
    if (body.isObject()) {
      return Optional.of((ObjectNode) body);
    }
    if (body.isArray() && body.size() == 1 && body.get(0).isObject()) {
      return Optional.of((ObjectNode) body.get(0));
    }
    throw new OomnitzaResponseException(r.status(), r.call().method(), r.path(), "expected a JSON object", null);
  }

  /** The fields of an object node. */
  public static Map<String, JsonNode> fields(ObjectNode node) {
    Map<String, JsonNode> m = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue()));
    return m;
  }

  /** The total-count header, if present and numeric. */
  public static OptionalLong total(Transport t, Response r) {
    Optional<String> v = r.headers().firstValue(t.conventions().totalCountHeader());
    if (v.isEmpty()) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(v.get().trim()));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}
