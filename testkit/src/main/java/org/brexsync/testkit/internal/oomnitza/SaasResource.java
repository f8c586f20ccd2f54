package org.brexsync.testkit.internal.oomnitza;

import static org.brexsync.testkit.internal.oomnitza.OomnitzaConventions.bad;
import static org.brexsync.testkit.internal.oomnitza.OomnitzaConventions.error;
import static org.brexsync.testkit.internal.oomnitza.OomnitzaConventions.listObjects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.brexsync.testkit.internal.Json;
import org.brexsync.testkit.internal.Router;
import org.brexsync.testkit.internal.SimRequest;
import org.brexsync.testkit.internal.SimResponse;

/**
 * The simulated Oomnitza's SaaS applications and SaaS users: list and add applications, assign and
 * unassign people, set a person's external id in an application, activate and deactivate SaaS users.
 */
final class SaasResource {
  private final Clock clock;
  private final UserStore store;
  private final LinkedHashMap<String, ObjectNode> saas = new LinkedHashMap<>();
  private final LinkedHashMap<String, ObjectNode> saasUsers = new LinkedHashMap<>();

  SaasResource(Clock clock, UserStore store) {
    this.clock = clock;
    this.store = store;
  }

  void register(Router r) {
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

  /** Adds a SaaS application; returns it ({@code saas_id}, {@code name}). */
  ObjectNode addSaas(String name) {
    synchronized (saas) {
      for (ObjectNode s : saas.values()) {
        if (name.equalsIgnoreCase(Json.text(s, "name"))) {
          return s.deepCopy();
        }
      }
      ObjectNode s = Json.object();
      s.put("saas_id", UserStore.hex32((long) (saas.size() + 1) * 0x2545F4914F6CDD1DL & Long.MAX_VALUE));
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
      Object[] row = store.resolve(userIdent);
      if (row == null) {
        throw bad("user " + userIdent + " not found");
      }
      resolved.add(new Object[] {row, item.path("assign").asBoolean(true)});
    }
    ArrayNode out = Json.array();
    synchronized (saas) {
      for (Object[] r : resolved) {
        Object[] row = (Object[]) r[0];
        String userId = (String) row[store.fields.external("user_id").slot];
        String key = saasId + "/" + userId;
        if ((Boolean) r[1]) {
          ObjectNode su = saasUsers.get(key);
          if (su == null) {
            su = Json.object();
            su.put("saas_user_id", UserStore.hex32(
                (long) (saasUsers.size() + 1) * 0x9E3779B97F4A7C15L & Long.MAX_VALUE ^ key.hashCode()));
            su.put("saas_id", saasId);
            su.put("user_id", userId);
            su.put("username", (String) row[store.fields.external("username").slot]);
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
    Object[] row = store.resolve(req.pathParam("user_id"));
    if (row == null) {
      throw error(404, "User not found");
    }
    String userId = (String) row[store.fields.external("user_id").slot];
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
  List<ObjectNode> saasUsers() {
    synchronized (saas) {
      List<ObjectNode> out = new ArrayList<>();
      saasUsers.values().forEach(u -> out.add(u.deepCopy()));
      return out;
    }
  }

  /** The SaaS applications (copies). */
  List<ObjectNode> applications() {
    synchronized (saas) {
      List<ObjectNode> out = new ArrayList<>();
      saas.values().forEach(x -> out.add(x.deepCopy()));
      return out;
    }
  }

  /** Forgets every application and SaaS user. */
  void reset() {
    synchronized (saas) {
      saas.clear();
      saasUsers.clear();
    }
  }
}
