package org.brexsync.connector.oomnitza;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.brexsync.connector.internal.Json;
import org.brexsync.connector.port.BulkResult;
import org.brexsync.connector.port.BulkRunLog;
import org.brexsync.connector.port.BulkUpload;
import org.brexsync.connector.port.UserSink;
import org.brexsync.oomnitza.FieldCatalog;
import org.brexsync.oomnitza.FieldId;
import org.brexsync.oomnitza.FieldRecord;
import org.brexsync.oomnitza.OomnitzaClient;
import org.brexsync.oomnitza.OomnitzaRecord;
import org.brexsync.oomnitza.OomnitzaUser;
import org.brexsync.oomnitza.bulk.BulkRecord;
import org.brexsync.oomnitza.bulk.BulkRecordError;
import org.brexsync.oomnitza.bulk.BulkRun;
import org.brexsync.oomnitza.bulk.BulkRunOptions;
import org.brexsync.oomnitza.bulk.BulkRunResult;
import org.brexsync.oomnitza.bulk.RunCounts;
import org.brexsync.oomnitza.bulk.RunLogDetails;
import org.brexsync.oomnitza.bulk.ConnectorRef;
import org.brexsync.oomnitza.saas.SaasAssignment;

/**
 * The {@link UserSink} over oomnitza-client: correlation with {@code GET /api/v3/users?filter=
 * field IN [...]} per batch (one call, or a few for long batches, as oomnitza-client chunks the list), per-record {@code POST}/{@code PATCH}, bulk runs through
 * {@code /api/v3/bulk} (record keys translated to Oomnitza field ids through a {@link FieldCatalog};
 * add custom fields such as {@code brex_user_id} to it), and SaaS user assignment. Thread-safe.
 */
public final class OomnitzaUserSink implements UserSink {
  private final OomnitzaClient client;
  private final java.util.function.Supplier<FieldCatalog> catalog;
  private volatile FieldIds fieldIds;
  private final Map<String, Portion> runs = new ConcurrentHashMap<>();

  private OomnitzaUserSink(OomnitzaClient client, java.util.function.Supplier<FieldCatalog> catalog) {
    this.client = Objects.requireNonNull(client, "client");
    this.catalog = Objects.requireNonNull(catalog, "catalog");
  }

  /**
   * {@return a sink with the standard users field catalog}
   *
   * @param client the Oomnitza client
   */
  public static OomnitzaUserSink of(OomnitzaClient client) {
    return of(client, FieldCatalog.standardUsers());
  }

  /**
   * {@return a sink translating bulk keys through {@code catalog}}
   *
   * @param client the Oomnitza client
   * @param catalog the catalog
   */
  public static OomnitzaUserSink of(OomnitzaClient client, FieldCatalog catalog) {
    Objects.requireNonNull(catalog, "catalog");
    return new OomnitzaUserSink(client, () -> catalog);
  }

  /**
   * {@return the sink of an integration: bulk keys come from the standard ids, the tenant's served data model
   * and the integration's {@code fieldIds} ({@link BulkFieldCatalog}), resolved on the first bulk
   * upload (a REST integration never asks)}
   *
   * @param client the Oomnitza client
   * @param integration the integration
   */
  public static OomnitzaUserSink of(OomnitzaClient client, org.brexsync.connector.Integration integration) {
    Objects.requireNonNull(integration, "integration");
    return new OomnitzaUserSink(client,
        // resolved once, on first use; a failed resolution is tried again next time
        org.brexsync.http.internal.Lazy.of(() -> BulkFieldCatalog.resolve(client, integration).catalog()));
  }

  @Override
  public List<ObjectNode> findUsers(String field, Collection<String> values) {
    if (values.isEmpty()) {
      return List.of();
    }
    List<ObjectNode> out = new ArrayList<>();
    for (OomnitzaUser u : client.users().findAll(org.brexsync.oomnitza.ExternalId.of(field), values)) {
      out.add(tree(u));
    }
    return out;
  }

  /** Rows per page when listing one field of every user. */
  private static final int VALUE_PAGE = 1000;
  /** Pages of such a listing requested at once. */
  private static final int VALUE_PAGES_IN_FLIGHT = 4;

  /**
   * Lists {@code field} of every user ({@code fields=<field>}, sorted by it, 1,000 per page): the
   * first page, then, when Oomnitza tells the total ({@code X-Total-Count}), the others four at a
   * time; without a total, one after another until a short page.
   */
  @Override
  public boolean forEachValue(String field, java.util.function.Consumer<List<String>> page) {
    org.brexsync.oomnitza.ExternalId f = org.brexsync.oomnitza.ExternalId.of(field);
    java.util.function.LongFunction<org.brexsync.oomnitza.Page<OomnitzaUser>> read = skip -> client.users()
        .list(org.brexsync.oomnitza.ListQuery.builder().fields(List.of(f)).sortBy(org.brexsync.oomnitza.Sort.asc(field))
            .pageSize(VALUE_PAGE).skip(skip).maxResults((long) VALUE_PAGE).build())
        .firstPage();
    org.brexsync.oomnitza.Page<OomnitzaUser> first = read.apply(0);
    page.accept(values(first, field));
    if (first.items().size() < VALUE_PAGE) {
      return true;
    }
    if (first.totalCount().isEmpty()) {
      for (long skip = VALUE_PAGE; ; skip += VALUE_PAGE) {
        org.brexsync.oomnitza.Page<OomnitzaUser> p = read.apply(skip);
        page.accept(values(p, field));
        if (p.items().size() < VALUE_PAGE) {
          return true;
        }
      }
    }
    long total = first.totalCount().get();
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(VALUE_PAGES_IN_FLIGHT,
        org.brexsync.connector.internal.Threads.daemon("brexsync-oomnitza-keys"));
    try {
      java.util.ArrayDeque<java.util.concurrent.Future<org.brexsync.oomnitza.Page<OomnitzaUser>>> inFlight = new java.util.ArrayDeque<>();
      long next = VALUE_PAGE;
      while (next < total || !inFlight.isEmpty()) {
        while (next < total && inFlight.size() < VALUE_PAGES_IN_FLIGHT) {
          long skip = next;
          inFlight.add(pool.submit(() -> read.apply(skip)));
          next += VALUE_PAGE;
        }
        page.accept(values(await(inFlight.poll()), field));
      }
    } finally {
      pool.shutdownNow();
    }
    return true;
  }

  private static List<String> values(org.brexsync.oomnitza.Page<OomnitzaUser> p, String field) {
    List<String> out = new ArrayList<>(p.items().size());
    for (OomnitzaUser u : p.items()) {
      u.text(field).filter(v -> !v.isEmpty()).ifPresent(out::add);
    }
    return out;
  }

  private static <T> T await(java.util.concurrent.Future<T> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new org.brexsync.connector.ConnectorException("interrupted while listing Oomnitza users");
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException) {
        throw (RuntimeException) c;
      }
      if (c instanceof Error) {
        throw (Error) c;
      }
      throw new org.brexsync.connector.ConnectorException("listing Oomnitza users failed: " + c, c);
    }
  }

  @Override
  public ObjectNode createUser(ObjectNode fields) {
    return tree(client.users().create(OomnitzaUser.of(map(fields))));
  }

  @Override
  public ObjectNode updateUser(ObjectNode existing, ObjectNode changes) {
    String ident = client.users().identOf(OomnitzaUser.of(map(existing)));
    return tree(client.users().update(ident, OomnitzaRecord.of(map(changes))));
  }

  @Override
  public String idOf(ObjectNode user) {
    return client.users().identOf(OomnitzaUser.of(map(user)));
  }

  /** The largest portion the engine sends (Integration's maximum batch size). */
  private static final int MAX_PORTION = 1000;

  /** One bulk run of the engine: its options, and whether any upload was attempted. */
  private static final class Portion {
    final BulkRunOptions options;
    volatile boolean attempted;

    Portion(BulkRunOptions options) {
      this.options = options;
    }
  }

  /**
   * Uploads a portion and reads each record's outcome from Oomnitza's answer: a record named in the
   * answer's {@code errors} is {@link BulkResult.Verdict#REJECTED} with Oomnitza's reason; when the
   * answer's counts account for every record sent, the others are {@link BulkResult.Verdict#ACCEPTED};
   * otherwise they are {@link BulkResult.Verdict#UNVERIFIED}. A record whose fields have no field id
   * in the catalog is not sent ({@link BulkResult.Verdict#NOT_SENT}); the rest of the portion is.
   * Portions of one run may be uploaded concurrently: each upload is its own {@code POST} to the
   * run, with its own answer.
   */
  @Override
  public BulkResult bulkUpload(BulkUpload upload) {
    List<ObjectNode> records = upload.records();
    BulkResult.Builder out = BulkResult.builder(records.size(), BulkResult.Verdict.UNVERIFIED);
    List<BulkRecord> converted = new ArrayList<>(records.size());
    List<Integer> positions = new ArrayList<>(records.size());
    FieldIds ids = fieldIds(catalog.get());
    for (int i = 0; i < records.size(); i++) {
      try {
        converted.add(ids.bulkRecord(records.get(i)));
        positions.add(i);
      } catch (IllegalArgumentException e) {
        out.notSent(i, e.getMessage());
      }
    }
    if (converted.isEmpty()) {
      return out.build();
    }
    Portion portion =
        runs.computeIfAbsent(
            upload.portion(),
            p -> {
              org.brexsync.oomnitza.bulk.BulkRunOptions.Builder o = BulkRunOptions.builder()
                  .connector(ConnectorRef.name(upload.connectorName()))
                  .insertOnly(upload.insertOnly())
                  .updateOnly(upload.updateOnly())
                  // One POST per portion: a portion is at most one integration batch (<= 1000 records).
                  .batchSize(MAX_PORTION)
                  .checkServerCancellation(false)
                  .portion(uuid(p));
              for (String f : upload.syncFields()) {
                o.addSyncFields(fieldId(ids.catalog, f));
              }
              return new Portion(o.build());
            });
    portion.attempted = true;
    // A fresh handle of the same run per upload: uploads run concurrently, each reads its own answer.
    // It is never closed (that would finalize the run): finalizeBulk ends the run once.
    BulkRun run = client.bulk().start(portion.options);
    RuntimeException failure = null;
    try {
      for (BulkRecord r : converted) {
        run.add(r);
      }
      run.flush();
    } catch (RuntimeException e) {
      failure = e;
    }
    BulkRunResult after = run.result();
    int answered = (int) after.records();
    if (failure != null && answered == 0) {
      throw failure; // nothing was answered: the engine classifies the failure
    }
    readAnswers(upload, out, positions, after, answered);
    for (int k = answered; k < positions.size(); k++) {
      // A later batch of this portion failed after earlier ones were answered.
      out.set(positions.get(k), BulkResult.Verdict.FAILED, String.valueOf(failure == null ? "not uploaded" : failure.getMessage()));
    }
    return out.build();
  }

  /** Applies the batch answers between {@code before} and {@code after} to the first {@code answered} records sent. */
  private static void readAnswers(BulkUpload upload, BulkResult.Builder out, List<Integer> positions, BulkRunResult after, int answered) {
    long first = 0;
    List<BulkRecordError> errors = after.recordErrors();
    int rejected = 0;
    for (BulkRecordError err : errors) {
      int k = -1;
      if (err.recordIndex().isPresent()) {
        long idx = err.recordIndex().get() - first;
        if (idx >= 0 && idx < answered) {
          k = (int) idx;
        }
      } else if (err.record().isPresent() && !upload.syncFields().isEmpty()) {
        // No index: match the record Oomnitza named by its sync-field value.
        String key = upload.syncFields().get(0);
        for (int j = 0; j < answered; j++) {
          JsonNode v = upload.records().get(positions.get(j)).get(key);
          if (v != null && v.asText().equalsIgnoreCase(err.record().get()) && out.verdict(positions.get(j)) != BulkResult.Verdict.REJECTED) {
            k = j;
            break;
          }
        }
      }
      if (k >= 0 && out.verdict(positions.get(k)) != BulkResult.Verdict.REJECTED) {
        out.reject(positions.get(k), err.message());
        rejected++;
      }
    }
    RunCounts c = after.reportedCounts();
    long added = c.added();
    long updated = c.updated();
    long unchanged = c.unchanged();
    long failed = c.failed();
    long other = c.skipped() + c.canceled() + c.processing();
    // The answers vouch for the other records only when their counts cover every record sent and
    // every failure they count was named; anything less leaves them unverified.
    boolean complete = other == 0 && failed == rejected && added + updated + unchanged + failed == answered;
    if (complete) {
      out.created(added);
      for (int k = 0; k < answered; k++) {
        if (out.verdict(positions.get(k)) == BulkResult.Verdict.UNVERIFIED) {
          out.accept(positions.get(k));
        }
      }
    }
  }

  @Override
  public void finalizeBulk(String portion) {
    Portion p = runs.remove(portion);
    if (p == null) {
      client.bulk().finalizeRun(portion);
    } else if (p.attempted) {
      client.bulk().finalizeRun(uuid(portion).toString());
    }
  }

  /** Uploads a fatal error entry with {@code reason} (Oomnitza's run log shows the run failed) and finalizes. */
  @Override
  public void abortBulk(String portion, String reason) {
    Portion p = runs.remove(portion);
    if (p != null && p.attempted) {
      client.bulk().start(p.options).abort(reason);
    }
  }

  /** Oomnitza's run log ({@code GET /api/v3/connector_run_logs/connectors/{portion}}): counts and the first failures. */
  @Override
  public Optional<BulkRunLog> bulkRunLog(String portion) {
    RunLogDetails d = client.bulk().runLog(uuid(portion).toString());
    List<String> failures = new ArrayList<>(d.messages("failed"));
    failures.addAll(d.fatalErrors());
    RunCounts c = d.objects();
    return Optional.of(new BulkRunLog(d.status(), c.added(), c.updated(), c.unchanged(), c.skipped(), c.failed(), failures));
  }

  @Override
  public void assignSaasUsers(String saasId, List<String> userIds) {
    List<SaasAssignment> a = new ArrayList<>(userIds.size());
    for (String id : userIds) {
      a.add(SaasAssignment.assign(id));
    }
    client.saasUsers().assign(saasId, a);
  }

  /**
   * Server errors, rate limits, network failures and unreadable answers are transient; validation,
   * authentication and not-found errors are not.
   */
  @Override
  public boolean isTransient(RuntimeException failure) {
    if (failure instanceof org.brexsync.oomnitza.OomnitzaServerException
        || failure instanceof org.brexsync.oomnitza.OomnitzaRateLimitException
        || failure instanceof org.brexsync.oomnitza.OomnitzaNetworkException
        || failure instanceof org.brexsync.oomnitza.OomnitzaResponseException) {
      return true;
    }
    if (failure instanceof org.brexsync.oomnitza.OomnitzaApiException) {
      int status = ((org.brexsync.oomnitza.OomnitzaApiException) failure).status();
      return status >= 500 || status == 408 || status == 429;
    }
    return !(failure instanceof org.brexsync.oomnitza.OomnitzaException) && UserSink.super.isTransient(failure);
  }

  /** Failures of the Oomnitza client's calls were sent; argument and conversion errors were not. */
  @Override
  public boolean wasSent(RuntimeException failure) {
    if (failure instanceof org.brexsync.oomnitza.OomnitzaApiException
        || failure instanceof org.brexsync.oomnitza.OomnitzaNetworkException
        || failure instanceof org.brexsync.oomnitza.OomnitzaResponseException) {
      return true;
    }
    return !(failure instanceof org.brexsync.oomnitza.OomnitzaException) && UserSink.super.wasSent(failure);
  }

  private static FieldId fieldId(FieldCatalog catalog, String externalId) {
    return catalog
        .fieldId(org.brexsync.oomnitza.ExternalId.of(externalId))
        .orElseThrow(() -> new IllegalArgumentException("no Oomnitza field id known for '" + externalId + "'; add it to the FieldCatalog"));
  }

  private static UUID uuid(String portion) {
    try {
      return UUID.fromString(portion);
    } catch (IllegalArgumentException e) {
      return UUID.nameUUIDFromBytes(portion.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  /** The field ids of the catalog in use, kept while it stays the same. */
  private FieldIds fieldIds(FieldCatalog fields) {
    FieldIds ids = fieldIds;
    if (ids == null || ids.catalog != fields) {
      ids = new FieldIds(fields);
      fieldIds = ids;
    }
    return ids;
  }

  /**
   * A catalog's field id per external id, looked up once per name: a bulk portion converts the same
   * few names for each of its records, and checking a name ({@code ExternalId.of}) and looking it up
   * for every field of every record was a good part of a portion's cost.
   */
  private static final class FieldIds {
    final FieldCatalog catalog;
    private final Map<String, Optional<FieldId>> byName = new ConcurrentHashMap<>();

    FieldIds(FieldCatalog catalog) {
      this.catalog = catalog;
    }

    /** As {@code BulkRecord.from(OomnitzaRecord.of(record), catalog)}, without the copies. */
    BulkRecord bulkRecord(ObjectNode record) {
      BulkRecord.Builder b = BulkRecord.builder();
      List<String> unmapped = null;
      for (java.util.Iterator<Map.Entry<String, JsonNode>> it = record.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        Optional<FieldId> id = byName.computeIfAbsent(e.getKey(), this::lookUp);
        if (id.isPresent()) {
          b.set(id.get(), e.getValue());
        } else {
          if (unmapped == null) {
            unmapped = new ArrayList<>();
          }
          unmapped.add(e.getKey());
        }
      }
      if (unmapped != null) {
        throw new IllegalArgumentException("No field id known for external ids " + unmapped + "; add them to the FieldCatalog");
      }
      return b.build();
    }

    private Optional<FieldId> lookUp(String name) {
      try {
        return catalog.fieldId(org.brexsync.oomnitza.ExternalId.of(name));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }
  }

  private static Map<String, JsonNode> map(ObjectNode o) {
    Map<String, JsonNode> m = new LinkedHashMap<>();
    o.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue()));
    return m;
  }

  private static ObjectNode tree(FieldRecord r) {
    ObjectNode o = Json.mapper().createObjectNode();
    r.fields().forEach(o::set);
    return o;
  }

  @Override
  public String toString() {
    return "OomnitzaUserSink{" + client.baseUri() + "}";
  }
}
