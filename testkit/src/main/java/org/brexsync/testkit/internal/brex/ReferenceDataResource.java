package org.brexsync.testkit.internal.brex;

import static org.brexsync.testkit.internal.brex.BrexConventions.arrayOf;
import static org.brexsync.testkit.internal.brex.BrexConventions.ascii;
import static org.brexsync.testkit.internal.brex.BrexConventions.getNamed;
import static org.brexsync.testkit.internal.brex.BrexConventions.listNamed;
import static org.brexsync.testkit.internal.brex.BrexConventions.newId;
import static org.brexsync.testkit.internal.brex.BrexConventions.requiredText;
import static org.brexsync.testkit.internal.brex.BrexConventions.textOrNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.brexsync.testkit.SyntheticCompany;
import org.brexsync.testkit.internal.Json;
import org.brexsync.testkit.internal.RequestSchema;
import org.brexsync.testkit.internal.Router;
import org.brexsync.testkit.internal.SimRequest;
import org.brexsync.testkit.internal.SimResponse;

/**
 * The Brex simulator's reference data: departments, locations and titles (list, create, get), the
 * company and its legal entities (read only).
 */
final class ReferenceDataResource {
  /** Request body properties, from brex-team-api.2025-03. */
  static final Map<String, RequestSchema> SCHEMAS = Map.of(
      "POST /v2/departments", new RequestSchema(Map.of("", Set.of("name", "description"))),
      "POST /v2/locations", new RequestSchema(Map.of("", Set.of("name", "description"))),
      "POST /v2/titles", new RequestSchema(Map.of("", Set.of("name"))));

  private final BrexState state;
  private final LinkedHashMap<String, ObjectNode> departments = new LinkedHashMap<>();
  private final LinkedHashMap<String, ObjectNode> locations = new LinkedHashMap<>();
  private final LinkedHashMap<String, ObjectNode> titles = new LinkedHashMap<>();
  private final LinkedHashMap<String, ObjectNode> legalEntities = new LinkedHashMap<>();

  ReferenceDataResource(BrexState state) {
    this.state = state;
  }

  void register(Router r, Idempotency idem) {
    Object lock = state.lock;
    r.add("GET", "/v2/departments", req -> listNamed(lock, req, departments));
    r.add("POST", "/v2/departments", idem.wrap(false, req -> createNamed(req, departments, "cudept_", true)));
    r.add("GET", "/v2/departments/{id}", req -> getNamed(lock, req, departments, "DEPARTMENT_NOT_FOUND"));
    r.add("GET", "/v2/locations", req -> listNamed(lock, req, locations));
    r.add("POST", "/v2/locations", idem.wrap(false, req -> createNamed(req, locations, "culoc_", true)));
    r.add("GET", "/v2/locations/{id}", req -> getNamed(lock, req, locations, "LOCATION_NOT_FOUND"));
    r.add("GET", "/v2/titles", req -> listNamed(lock, req, titles));
    r.add("POST", "/v2/titles", idem.wrap(false, req -> createNamed(req, titles, "cutitle_", false)));
    r.add("GET", "/v2/titles/{id}", req -> getNamed(lock, req, titles, "TITLE_NOT_FOUND"));
    r.add("GET", "/v2/company", req -> SimResponse.ok(state.company));
    r.add("GET", "/v2/legal_entities", req -> listNamed(lock, req, legalEntities));
    r.add("GET", "/v2/legal_entities/{id}", req -> getNamed(lock, req, legalEntities, "LEGAL_ENTITY_NOT_FOUND"));
  }

  /** The department with this id, or null (for references from users; call under the lock). */
  ObjectNode department(String id) {
    return departments.get(id);
  }

  /** The location with this id, or null (call under the lock). */
  ObjectNode location(String id) {
    return locations.get(id);
  }

  /** The title with this id, or null (call under the lock). */
  ObjectNode title(String id) {
    return titles.get(id);
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

  /**
   * Back to the seed's departments, locations and titles (none when unseeded) and one legal entity
   * of {@code org}, the company {@link BrexState#company} holds (call under the lock).
   */
  void reset(SyntheticCompany seed, SyntheticCompany org) {
    departments.clear();
    locations.clear();
    titles.clear();
    legalEntities.clear();
    if (seed != null) {
      seed.departments().forEach(n -> departments.put(n.get("id").asText(), n));
      seed.locations().forEach(n -> locations.put(n.get("id").asText(), n));
      seed.titles().forEach(n -> titles.put(n.get("id").asText(), n));
    }
    ObjectNode le = Json.object();
    le.put("id", "cule_" + state.company.get("id").asText().substring(7));
    le.put("displayName", org.spec().name());
    le.set("billingAddress", org.companyAddress());
    le.put("createdAt", "2021-01-04T15:00:00Z");
    le.put("status", "VERIFIED");
    le.put("isDefault", true);
    legalEntities.put(le.get("id").asText(), le);
  }

  ArrayNode departmentsSnapshot() {
    return arrayOf(departments);
  }

  ArrayNode locationsSnapshot() {
    return arrayOf(locations);
  }

  ArrayNode titlesSnapshot() {
    return arrayOf(titles);
  }
}
