package org.brexsync.testkit.internal.oomnitza;

import static org.brexsync.testkit.internal.oomnitza.OomnitzaConventions.bad;
import static org.brexsync.testkit.internal.oomnitza.OomnitzaConventions.error;
import static org.brexsync.testkit.internal.oomnitza.OomnitzaConventions.listObjects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.brexsync.testkit.internal.Json;
import org.brexsync.testkit.internal.RequestSchema;
import org.brexsync.testkit.internal.Router;
import org.brexsync.testkit.internal.SimRequest;
import org.brexsync.testkit.internal.SimResponse;

/**
 * The simulated Oomnitza's connector bulk API and run logs: portions of a run
 * ({@code POST /api/v3/bulk}, keyed by Field IDs, matched on the sync fields, insert-only /
 * update-only, test runs, fatal errors), finalize and cancel, ready-made portions, and the run
 * logs ({@code /api/v3/connector_run_logs/...}) with their per-kind counts and entries.
 */
final class BulkRunsResource {
  private final Clock clock;
  private final UserStore store;
  private final Accounts accounts;
  private final LinkedHashMap<String, Run> runs = new LinkedHashMap<>();

  BulkRunsResource(Clock clock, UserStore store, Accounts accounts) {
    this.clock = clock;
    this.store = store;
    this.accounts = accounts;
  }

  void register(Router r) {
    r.add("POST", "/api/v3/bulk", this::bulk);
    r.add("GET", "/api/v3/bulk/{portion}", req -> SimResponse.ok(runState(requireRun(req.pathParam("portion")))));
    r.add("POST", "/api/v3/bulk/{portion}/finalize", req -> SimResponse.ok(finalizeRun(req.pathParam("portion"))));
    r.add("POST", "/api/v3/bulk/{portion}/cancel", req -> SimResponse.ok(cancelRun(req.pathParam("portion"))));
    r.add("POST", "/api/v3/bulk/{connector_id}/add_ready_portion", this::addReadyPortion);
    r.add("GET", "/api/v3/connector_run_logs/{connector_id}", this::listRuns);
    r.add("GET", "/api/v3/connector_run_logs/connectors/{portion_id}",
        req -> SimResponse.ok(runDetails(requireRun(req.pathParam("portion_id")))));
  }

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
  void bulkAnswerDetails(boolean details) {
    this.bulkAnswerDetails = details;
  }

  /** Whether unknown top-level properties of a bulk payload are rejected with 400 (default true). */
  void strictFields(boolean strict) {
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
        OomnitzaFields.Field f = store.fields.bulkKey(n.asText());
        if (f == null) {
          throw bad("sync_field: unknown field '" + n.asText() + "'");
        }
        syncFields.add(f);
      }
    }
    if (syncFields.isEmpty()) {
      syncFields.add(store.fields.external("username"));
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
    String actor = accounts.actor(req);

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
      Map<OomnitzaFields.Field, Object> values = store.convert((ObjectNode) rec, true, false);
      store.rw.writeLock().lock();
      try {
        Long match = null;
        for (OomnitzaFields.Field f : syncFields) {
          Object v = values.get(f);
          if (OomnitzaFilter.isNull(v)) {
            continue;
          }
          Long uid = f.unique ? store.indexLookup(f.externalId, store.uniqueKey(v)) : store.scan(f, v);
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
          store.insert(values, actor);
          run.log("added", key, null);
          return "added";
        }
        if (insertOnly) {
          run.log("skipped", key, "insert only: the user already exists");
          return "skipped";
        }
        boolean[] changed = new boolean[1];
        store.update(store.row(match), values, actor, changed);
        run.log(changed[0] ? "updated" : "unchanged", key, null);
        return changed[0] ? "updated" : "unchanged";
      } finally {
        store.rw.writeLock().unlock();
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
  ObjectNode cancelRun(String portion) {
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

  /** Run details as {@code GET /api/v3/connector_run_logs/connectors/{portion}} returns them. */
  ObjectNode run(String portion) {
    synchronized (runs) {
      Run r = runs.get(portion);
      return r == null ? null : runDetails(r);
    }
  }

  /** Summaries of all runs, oldest first. */
  List<ObjectNode> runs() {
    synchronized (runs) {
      List<ObjectNode> out = new ArrayList<>();
      runs.values().forEach(r -> out.add(runSummary(r)));
      return out;
    }
  }

  /** Forgets every run. */
  void reset() {
    synchronized (runs) {
      runs.clear();
    }
  }
}
