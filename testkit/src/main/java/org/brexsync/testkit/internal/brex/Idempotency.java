package org.brexsync.testkit.internal.brex;

import static org.brexsync.testkit.internal.brex.BrexConventions.bad;
import static org.brexsync.testkit.internal.brex.BrexConventions.error;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.brexsync.testkit.internal.Json;
import org.brexsync.testkit.internal.RequestSchema;
import org.brexsync.testkit.internal.Router;
import org.brexsync.testkit.internal.SimResponse;

/**
 * Wraps the mutating handlers of every Brex resource: rejects unknown request-body properties (the
 * spec's schema of each endpoint), runs the handler under the state lock and applies
 * {@code Idempotency-Key} semantics (same key + same request → the stored response again, with
 * {@code Idempotent-Replayed: true}; same key + different request → 422).
 */
final class Idempotency {
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

  private final BrexState state;
  /** Request body properties per {@code "METHOD /template"}. */
  private final Map<String, RequestSchema> schemas;
  private final HashMap<String, Stored> stored = new HashMap<>();
  private volatile boolean strictFields = true;

  Idempotency(BrexState state, Map<String, RequestSchema> schemas) {
    this.state = state;
    this.schemas = Map.copyOf(schemas);
  }

  /** Whether unknown request-body properties are rejected with 400 (default true). */
  void strictFields(boolean strict) {
    this.strictFields = strict;
  }

  /** The wrapped handler; {@code required}: whether a request without a key is refused. */
  Router.Handler wrap(boolean required, Router.Handler h) {
    return req -> {
      if (strictFields && req.body().length > 0) {
        RequestSchema schema = schemas.get(req.method() + " " + req.template());
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
        synchronized (state.lock) {
          return h.handle(req);
        }
      }
      JsonNode body;
      try {
        body = req.body().length == 0 ? NullNode.getInstance() : Json.parse(req.body());
      } catch (java.io.IOException e) {
        body = Json.NODES.textNode(new String(req.body(), StandardCharsets.UTF_8));
      }
      synchronized (state.lock) {
        Stored s = stored.get(key);
        if (s != null) {
          if (s.method.equals(req.method()) && s.path.equals(req.path()) && Objects.equals(s.body, body)) {
            return s.response.copy().header("Idempotent-Replayed", "true");
          }
          throw error(422, "UNPROCESSABLE_ENTITY",
              "Idempotency-Key was already used with a different request", "IDEMPOTENCY_KEY_REUSED");
        }
        SimResponse r = h.handle(req);
        if (r.status() / 100 == 2) {
          stored.put(key, new Stored(req.method(), req.path(), body, r.copy()));
        }
        return r;
      }
    };
  }

  /** Keys stored (call under the state lock). */
  int size() {
    return stored.size();
  }

  /** Forgets every key (call under the state lock). */
  void clear() {
    stored.clear();
  }
}
