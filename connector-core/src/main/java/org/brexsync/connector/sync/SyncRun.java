package org.brexsync.connector.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.brexsync.connector.Integration;
import org.brexsync.connector.SinkType;
import org.brexsync.connector.SyncMode;
import org.brexsync.connector.sync.internal.CountingPorts;
import org.brexsync.connector.internal.Hashing;
import org.brexsync.connector.internal.Json;
import org.brexsync.connector.mapping.CompiledMapping;
import org.brexsync.connector.mapping.FieldChange;
import org.brexsync.connector.mapping.MappedRecord;
import org.brexsync.connector.mapping.MappingException;
import org.brexsync.connector.brex.BrexLookups;
import org.brexsync.connector.brex.BrexUserRecord;
import org.brexsync.connector.port.UserPage;
import org.brexsync.connector.port.UserSource;
import org.brexsync.connector.port.RecordState;
import org.brexsync.connector.port.StateSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.brexsync.connector.port.UserSink;
import org.brexsync.connector.port.BulkUpload;
import org.brexsync.connector.port.BulkResult;
import org.brexsync.connector.port.BulkRunLog;

/** One run of a SyncEngine. Single-use, used by one thread (writes fan out to the executor). */
final class SyncRun {
  private static final Logger LOG = LoggerFactory.getLogger(SyncEngine.class);
  private static final String GONE = "gone";
  /** The fingerprint kept for a record written without a per-record answer: it matches no real fingerprint. */
  static final String UNVERIFIED = "unverified";

  private final SyncEngine e;
  private final Integration in;
  private final RunControl control;
  private final CountingPorts counters = new CountingPorts();
  private final UserSource source;
  private final UserSink sink;
  private final CompiledMapping mapping;
  private final BrexLookups lookups;
  private final String runId = UUID.randomUUID().toString();
  private final Instant start;
  private final long startNanos = System.nanoTime();
  private final Map<Situation, Long> totals = SyncReport.zeroTotals();
  private final List<RecordOutcome> outcomes = new ArrayList<>();
  private final Set<String> seen = new HashSet<>();
  private final String departedMarker;
  /** Users are kept for manager lookups only when some rule or filter reads {@code manager.*}. */
  private final boolean rememberUsers;
  private boolean truncated;
  private long deprovisioned;
  /** Second sightings of a Brex id in this run (ignored), and a few of those ids for the report. */
  private long duplicates;
  private final List<String> duplicateIds = new ArrayList<>();
  /** Records read but never tried because the run stopped early. */
  private long notAttempted;
  /** The batch being filled and the records of the current page not yet consumed (for notAttempted). */
  private final List<Pending> batch = new ArrayList<>();
  private int pageRemaining;
  /** Progress: records listed by Brex and consumed (duplicates excluded), whether the last page was read, departed users to report. */
  private long listed;
  private boolean sourceExhausted;
  private long goneExpected;
  /** Record-level write counts (updated from writer threads). */
  private final java.util.concurrent.atomic.AtomicLong recordsSent = new java.util.concurrent.atomic.AtomicLong();
  private final java.util.concurrent.atomic.AtomicLong recordsAccepted = new java.util.concurrent.atomic.AtomicLong();
  private final java.util.concurrent.atomic.AtomicLong recordsFailed = new java.util.concurrent.atomic.AtomicLong();
  private final java.util.concurrent.atomic.AtomicLong recordsUnverified = new java.util.concurrent.atomic.AtomicLong();
  /** The run's one budget of engine-level write retries, and how much of it was used. */
  private final AtomicInteger retriesLeft;
  private final AtomicInteger retriesUsed = new AtomicInteger();
  /** Transient write failures in a row; at the policy's limit the circuit opens and the run stops. */
  private final AtomicInteger consecutiveFailures = new AtomicInteger();
  private volatile String circuitReason;
  /** An Error thrown on a writer thread: the run fails with it once the writes are drained. */
  private volatile Throwable fatal;
  /** What the run was doing, to name it when something fails. */
  private volatile String phase = "starting";
  /**
   * Bulk: portions that reached Oomnitza, uploads that failed, uploads, the first upload error.
   * Written only by the one bulk writer thread; volatile so the run's thread reads them after it.
   */
  private volatile int bulkPortionsSent;
  private volatile int bulkUploadsFailed;
  private volatile int bulkUploads;
  private volatile String firstBulkError;
  private long knownChanges;
  private int accepted;
  private StateSession state;
  private int knownAtStart;
  private ExecutorService ownPool;
  private ExecutorService prefetcher;
  private ExecutorService bulkWriter;
  private boolean bulkUsed;

  SyncRun(SyncEngine engine, RunControl control) {
    this.e = engine;
    this.in = engine.integration;
    this.control = control;
    this.source = counters.source(engine.source);
    this.sink = counters.sink(engine.sink);
    this.mapping = engine.mapping;
    this.lookups = BrexLookups.over(source);
    this.start = engine.clock.instant();
    this.rememberUsers = readsManager(in);
    this.retriesLeft = new AtomicInteger(in.safety().writeRetryBudget());
    this.departedMarker =
        in.deprovisioning().write().map(w -> "|departed:" + w.getKey() + "=" + w.getValue()).orElse("")
            + (in.mode() == SyncMode.USER_PLUS_SAAS_USER ? "|saas:" + in.saasId().orElse("") : "");
  }

  private static boolean readsManager(Integration in) {
    for (org.brexsync.connector.mapping.MappingRule r : in.mapping().rules()) {
      if (r.source().map(SyncRun::isManagerPath).orElse(false)) {
        return true;
      }
      for (org.brexsync.connector.mapping.TransformerSpec t : r.transform()) {
        for (JsonNode a : t.args().values()) {
          for (JsonNode v : a.isArray() ? a : List.of(a)) {
            if (v.isTextual() && isManagerPath(v.asText())) {
              return true;
            }
          }
        }
      }
    }
    for (org.brexsync.connector.filter.FilterRule f : in.filters().rules()) {
      if (isManagerPath(f.field())) {
        return true;
      }
    }
    return false;
  }

  private static boolean isManagerPath(String path) {
    return path.equals("manager") || path.startsWith("manager.") || path.startsWith("manager[");
  }

  /** Thrown inside the run when the guard trips. */
  private static final class Abort extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final RunStatus status;

    Abort(RunStatus status, String message) {
      super(message, null, false, false);
      this.status = status;
    }
  }

  SyncReport execute() {
    LOG.info("sync run {} of '{}' started{}", runId, in.name(), e.dryRun ? " (dry run)" : "");
    state = e.stateStore.open(in.name(), e.dryRun);
    return executeOpen();
  }

  /**
   * Runs with the state open. Whatever fails inside (an exception, an Error such as
   * OutOfMemoryError, on this thread or a writer thread) ends the run with a report naming the
   * failure: writes in flight are drained, a bulk run is finalized (or aborted with the reason), and
   * the state is flushed but not committed.
   */
  private SyncReport executeOpen() {
    RunStatus status;
    Optional<String> reason = Optional.empty();
    try {
      knownAtStart = state.size();
      phase = "reading Brex users and writing Oomnitza";
      boolean complete = readAll();
      if (complete && seen.isEmpty() && in.safety().abortOnEmptySource()) {
        throw new Abort(RunStatus.ABORTED, "guard: Brex returned no users; nothing was changed");
      }
      if (complete) {
        phase = "handling users gone from Brex (the end-of-run pass over the sync state)";
        handleGone();
        status = totals.get(Situation.FAILED) > 0 ? RunStatus.COMPLETED_WITH_FAILURES : RunStatus.SUCCEEDED;
      } else {
        status = RunStatus.CANCELLED;
        reason = Optional.of("cancelled");
      }
    } catch (Abort a) {
      status = a.status;
      reason = Optional.of(a.getMessage());
    } catch (Throwable ex) {
      status = RunStatus.FAILED;
      reason = Optional.of(failure(ex));
      LOG.warn("sync run {} of '{}' failed: {}", runId, in.name(), reason.get());
    } finally {
      drainQuietly();
      shutdownPools();
    }
    if (fatal != null && status != RunStatus.FAILED) {
      status = RunStatus.FAILED;
      reason = Optional.of(failure(fatal));
    }
    if (!status.isComplete()) {
      // Records in hand that the run never tried: counted, never reported as written.
      notAttempted += batch.size() + pageRemaining;
      batch.clear();
      pageRemaining = 0;
    }
    if (status.isComplete() && totals.get(Situation.FAILED) > 0) {
      status = RunStatus.COMPLETED_WITH_FAILURES;
    }
    if (status.isComplete() && bulkUploads > 0 && bulkUploadsFailed == bulkUploads) {
      status = RunStatus.COMPLETED_WITH_FAILURES;
      reason = Optional.of(allUploadsFailed());
    }
    Ending ending = new Ending(status, reason);
    if (bulkUsed && !e.dryRun) {
      phase = "finalizing the bulk run";
      endBulk(ending);
    }
    status = ending.status;
    reason = ending.reason;
    phase = "saving the sync state";
    try {
      state.flush();
      if (status.isComplete()) {
        state.commit(start);
      }
    } catch (Throwable ex) {
      String m = failure(ex);
      LOG.warn("sync run {} of '{}': {}", runId, in.name(), m);
      reason = Optional.of(reason.map(r -> r + "; ").orElse("") + m);
      status = RunStatus.FAILED;
    } finally {
      try {
        state.close();
      } catch (Throwable ex) {
        LOG.warn("sync run {}: closing the sync state failed: {}", runId, ex.toString());
      }
    }
    try {
      progress();
    } catch (Throwable ex) {
      LOG.warn("sync run {}: the listener failed on the last progress: {}", runId, ex.toString());
    }
    Instant end = e.clock.instant();
    Map<String, Long> calls = new java.util.LinkedHashMap<>();
    calls.put("brex", counters.brex.get());
    calls.put("oomnitza", counters.oomnitza.get());
    calls.put("oomnitzaWrites", counters.oomnitzaWrites.get());
    SyncReport report =
        SyncReport.builder()
            .runId(runId)
            .integration(in.name())
            .status(status)
            .dryRun(e.dryRun)
            .reason(reason)
            .startedAt(start)
            .finishedAt(end)
            .durationMillis((System.nanoTime() - startNanos) / 1_000_000)
            .totals(totals)
            .deprovisioned(deprovisioned)
            .httpCalls(calls)
            .recordWrites(WriteCounts.of(recordsSent.get(), recordsAccepted.get(), recordsFailed.get(), recordsUnverified.get()))
            .writeRetries(retriesUsed.get())
            .notAttempted(notAttempted)
            .duplicates(duplicates)
            .duplicateIds(duplicateIds)
            .bulkRunLog(ending.runLog)
            .outcomes(outcomes)
            .outcomesTruncated(truncated)
            .build();
    LOG.info("sync run {} of '{}' ended {}: {}", runId, in.name(), status, totals);
    return report;
  }

  /** "while <phase>: <Type>: <message>" for a failure that ended the run. */
  private String failure(Throwable ex) {
    if (ex instanceof FatalInWriter) {
      ex = ex.getCause();
    }
    if (ex instanceof SourceFailure) {
      return ex.getMessage();
    }
    return "run failed while " + phase + ": " + ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage());
  }

  private String allUploadsFailed() {
    return "every bulk upload failed (" + bulkUploadsFailed + (bulkUploadsFailed == 1 ? " portion" : " portions") + "): " + firstBulkError;
  }

  /** How a run ends: its status and reason, and Oomnitza's run log of a bulk run. */
  private static final class Ending {
    RunStatus status;
    Optional<String> reason;
    Optional<String> runLog = Optional.empty();

    Ending(RunStatus status, Optional<String> reason) {
      this.status = status;
      this.reason = reason;
    }

    void addReason(String more) {
      reason = Optional.of(reason.map(r -> r + "; ").orElse("") + more);
    }
  }

  /**
   * Finalizes the bulk run (or aborts it with the reason when the run failed), but only if some
   * upload reached Oomnitza: a portion Oomnitza never saw has nothing to finalize. When records
   * could not be verified from the upload answers, reads Oomnitza's run log once for the report.
   */
  private void endBulk(Ending end) {
    if (bulkPortionsSent == 0) {
      return;
    }
    try {
      if (end.status == RunStatus.FAILED) {
        sink.abortBulk(runId, end.reason.orElse("the sync run failed"));
        return;
      }
      sink.finalizeBulk(runId);
    } catch (Throwable ex) {
      LOG.warn("sync run {}: finalizing bulk portion failed: {}", runId, message(ex));
      String m = "finalizing the bulk portion failed: " + message(ex);
      if (bulkUploadsFailed == bulkUploads) {
        // Oomnitza took no portion: the upload errors are the story, the finalize error a footnote.
        end.reason = Optional.of(allUploadsFailed() + "; " + m);
      } else {
        end.addReason(m);
      }
      if (end.status.isComplete()) {
        end.status = RunStatus.COMPLETED_WITH_FAILURES;
      }
      return;
    }
    if (recordsUnverified.get() == 0) {
      return;
    }
    try {
      Optional<BulkRunLog> log = sink.bulkRunLog(runId);
      if (log.isEmpty()) {
        end.runLog = Optional.of("not available from this sink; " + recordsUnverified.get() + " records unverified");
        return;
      }
      end.runLog = Optional.of(log.get().describe());
      if (log.get().failed() > 0 && end.status.isComplete()) {
        end.status = RunStatus.COMPLETED_WITH_FAILURES;
        end.addReason("Oomnitza's run log reports " + log.get().failed() + " failed record(s) among the "
            + recordsUnverified.get() + " unverified; they are checked again by the next run");
      }
    } catch (Throwable ex) {
      end.runLog = Optional.of("could not be read: " + message(ex));
    }
  }

  // ---------------------------------------------------------------- reading

  /** Reads every page; returns false when cancelled. */
  private boolean readAll() {
    Optional<String> cursor = Optional.empty();
    Future<UserPage> next = fetch(cursor);
    int limit = in.recordLimit().orElse(Integer.MAX_VALUE);
    boolean limited = false;
    while (next != null) {
      if (control.isCancelled()) {
        next.cancel(true);
        return false;
      }
      UserPage page = await(next);
      boolean last = page.nextCursor().isEmpty() || page.items().isEmpty();
      next = last ? null : fetch(page.nextCursor());
      listed += page.items().size();
      pageRemaining = page.items().size();
      sourceExhausted = last;
      for (ObjectNode user : page.items()) {
        if (accepted >= limit) {
          limited = true;
          // Records after the limit are not part of this run.
          listed -= pageRemaining;
          pageRemaining = 0;
          sourceExhausted = true;
          break;
        }
        pageRemaining--;
        Pending p = prepare(user);
        if (p != null) {
          batch.add(p);
          if (batch.size() >= in.batchSize()) {
            if (control.isCancelled()) {
              return false;
            }
            checkCircuit();
            processBatch();
          }
        }
      }
      if (limited) {
        if (next != null) {
          next.cancel(true);
        }
        break;
      }
      // Once per page too: a run of unchanged records has no batches to report after.
      progress();
    }
    if (!batch.isEmpty()) {
      if (control.isCancelled()) {
        return false;
      }
      checkCircuit();
      processBatch();
    }
    drain(true);
    checkCircuit();
    if (limited) {
      // A limited run has not seen every Brex user: skip "gone" detection.
      seen.clear();
      seen.add("\u0000limited");
      goneCheck = false;
    }
    return true;
  }

  /** Stops the run (ABORTED) once too many writes in a row failed transiently, or a writer thread hit an Error. */
  private void checkCircuit() {
    if (fatal != null) {
      throw new FatalInWriter(fatal);
    }
    String why = circuitReason;
    if (why != null) {
      throw new Abort(RunStatus.ABORTED, why);
    }
  }

  /** An Error on a writer thread, rethrown on the run's thread. */
  private static final class FatalInWriter extends RuntimeException {
    private static final long serialVersionUID = 1L;

    FatalInWriter(Throwable cause) {
      super(cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), cause, false, false);
    }
  }

  private boolean goneCheck = true;

  private Future<UserPage> fetch(Optional<String> cursor) {
    if (prefetcher == null) {
      prefetcher = Executors.newSingleThreadExecutor(daemon("brexsync-brex-reader"));
    }
    return prefetcher.submit(() -> source.listUsers(cursor, in.pageSize()));
  }

  private static UserPage await(Future<UserPage> f) {
    try {
      return f.get();
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new Abort(RunStatus.CANCELLED, "interrupted");
    } catch (ExecutionException ex) {
      Throwable c = ex.getCause();
      throw new SourceFailure("reading Brex users failed: " + c.getClass().getSimpleName() + ": " + c.getMessage(), c);
    }
  }

  /** Reading Brex failed: the run cannot continue. */
  private static final class SourceFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SourceFailure(String m, Throwable c) {
      super(m, c);
    }

    @Override
    public String toString() {
      return getMessage();
    }
  }

  private static final class Pending {
    String sourceId;
    MappedRecord mapped;
    String key;
    String fingerprint;
    boolean departed;
    Optional<RecordState> prior;
    String duplicateOf;
  }

  /** Sync-key value → Brex user id, for every record of this run: a key used twice fails the second. */
  private final Map<String, String> keyOwners = new HashMap<>();

  /** How many duplicate ids the report names. */
  private static final int MAX_DUPLICATE_IDS = 10;

  private Pending prepare(ObjectNode user) {
    String id = user.path("id").asText("");
    // A Brex id is processed once per run: Brex can list a user twice (on one page, or at the end of
    // one page and the start of the next when the list shifts while we page). Reuses the set of ids
    // kept for "gone from Brex" detection, so this costs no extra memory.
    if (!seen.add(id) && !id.isEmpty()) {
      duplicates++;
      listed--;
      if (duplicateIds.size() < MAX_DUPLICATE_IDS) {
        duplicateIds.add(id);
        LOG.warn("sync run {}: Brex listed user {} again; processed once, this sighting ignored", runId, id);
      }
      return null;
    }
    if (rememberUsers) {
      lookups.remember(user);
    }
    BrexUserRecord rec = BrexUserRecord.of(user, lookups);
    Optional<String> rejected;
    try {
      rejected = in.filters().rejection(rec);
    } catch (RuntimeException ex) {
      rejected = Optional.empty();
      early(fail(id, Optional.empty(), "filter failed: " + ex.getMessage()));
      return null;
    }
    if (rejected.isPresent()) {
      early(RecordOutcome.builder().situation(Situation.SKIPPED).sourceId(id).reason(rejected.get()).build());
      return null;
    }
    accepted++;
    if (id.isEmpty()) {
      early(fail(id, Optional.empty(), "Brex user without id"));
      return null;
    }
    Pending p = new Pending();
    p.sourceId = id;
    p.departed =
        in.deprovisioning().write().isPresent() && in.deprovisioning().statuses().contains(user.path("status").asText(""));
    try {
      p.mapped = mapping.evaluate(rec, start);
    } catch (MappingException ex) {
      early(fail(id, Optional.empty(), ex.getMessage()));
      return null;
    }
    Optional<String> key = p.mapped.text(in.mapping().syncKey()).filter(k -> !k.isBlank());
    if (key.isEmpty()) {
      early(fail(id, Optional.empty(), "no value for the sync key '" + in.mapping().syncKey() + "'"));
      return null;
    }
    p.key = key.get();
    p.fingerprint = Hashing.sha256(mapping.fingerprint(p.mapped) + (p.departed ? departedMarker : departedMarker.isEmpty() ? "" : "|active" + departedMarker))
        .substring(0, 22);
    p.prior = state.get(id);
    String owner = keyOwners.putIfAbsent(norm(p.key), id);
    if (owner != null && !owner.equals(id)) {
      p.duplicateOf = owner;
      return p;
    }
    if (!in.reconcile() && p.prior.isPresent() && p.prior.get().fingerprint().equals(p.fingerprint)) {
      early(
          RecordOutcome.builder()
              .situation(Situation.UNCHANGED)
              .sourceId(id)
              .syncKey(p.key)
              .targetId(p.prior.get().targetId())
              .build());
      return null;
    }
    return p;
  }

  // ---------------------------------------------------------------- batches

  private static String norm(String key) {
    return key.trim().toLowerCase(Locale.ROOT);
  }

  /** A planned write. */
  private static final class Plan {
    Pending p;
    Situation situation;
    ObjectNode existing;
    ObjectNode fields;
    List<FieldChange> changes = List.of();
    boolean deprovision;
    Optional<String> targetId = Optional.empty();
    Optional<String> error = Optional.empty();
    boolean needsSaas;
    /** Written in a bulk portion whose answer said nothing about this record. */
    boolean unverified;
    /** Never tried: the run stopped (circuit open or cancelled) before this write started. */
    boolean notAttempted;
  }

  /**
   * Correlates, classifies and writes the records in {@link #batch}. The batch stays in hand (and is
   * counted as not attempted if the run stops) until its writes are scheduled or its outcomes decided.
   */
  private void processBatch() {
    List<Pending> batch = new ArrayList<>(this.batch);
    String syncKey = in.mapping().syncKey();
    Set<String> keys = new LinkedHashSet<>();
    for (Pending p : batch) {
      keys.add(p.key);
    }
    Map<String, List<ObjectNode>> found = new HashMap<>();
    try {
      for (ObjectNode u : find(syncKey, keys)) {
        JsonNode k = u.get(syncKey);
        if (k != null && !k.isNull()) {
          found.computeIfAbsent(norm(k.asText()), x -> new ArrayList<>(1)).add(u);
        }
      }
    } catch (RuntimeException ex) {
      this.batch.clear();
      for (Pending p : batch) {
        early(fail(p.sourceId, Optional.of(p.key), "correlating with Oomnitza failed: " + message(ex)));
      }
      return;
    }
    List<Plan> plans = new ArrayList<>(batch.size());
    for (Pending p : batch) {
      Plan plan = new Plan();
      plan.p = p;
      plans.add(plan);
      String owner = p.duplicateOf;
      if (owner != null) {
        plan.situation = Situation.FAILED;
        plan.error = Optional.of("duplicate sync key value in Brex (also used by " + owner + ")");
        continue;
      }
      List<ObjectNode> matches = found.getOrDefault(norm(p.key), List.of());
      if (matches.size() > 1) {
        plan.situation = Situation.FAILED;
        plan.error = Optional.of(matches.size() + " Oomnitza users have " + syncKey + "=" + p.key);
        continue;
      }
      if (matches.isEmpty()) {
        if (p.departed) {
          plan.situation = Situation.SKIPPED;
          plan.error = Optional.of("departed Brex user not in Oomnitza: not created");
        } else if (!in.preference().creates()) {
          plan.situation = Situation.SKIPPED;
          plan.error = Optional.of("not in Oomnitza and the preference is UPDATE_ONLY");
        } else {
          plan.situation = Situation.CREATE;
          plan.fields = mapping.createFields(p.mapped);
          List<FieldChange> ch = new ArrayList<>();
          plan.fields.fields().forEachRemaining(f -> ch.add(FieldChange.of(f.getKey(), Optional.empty(), Optional.of(f.getValue()))));
          plan.changes = ch;
          plan.needsSaas = true;
        }
        continue;
      }
      ObjectNode existing = matches.get(0);
      plan.existing = existing;
      plan.targetId = Optional.of(e.sink.idOf(existing));
      List<FieldChange> changes = new ArrayList<>(mapping.diff(p.mapped, existing));
      if (p.departed) {
        Map.Entry<String, JsonNode> w = in.deprovisioning().write().get();
        changes.removeIf(c -> c.field().equals(w.getKey()));
        if (!Json.sameValue(w.getValue(), existing.get(w.getKey()))) {
          changes.add(FieldChange.of(w.getKey(), Optional.ofNullable(existing.get(w.getKey())).filter(n -> !Json.isEmpty(n)), Optional.of(w.getValue())));
          plan.deprovision = true;
        }
      }
      boolean stateChanged = p.prior.isEmpty() || !p.prior.get().fingerprint().equals(p.fingerprint);
      if (changes.isEmpty()) {
        plan.situation = Situation.UNCHANGED;
        plan.needsSaas = stateChanged;
      } else if (!in.preference().updates()) {
        plan.situation = Situation.SKIPPED;
        plan.error = Optional.of("exists in Oomnitza and the preference is CREATE_ONLY");
      } else {
        plan.situation = Situation.UPDATE;
        plan.changes = changes;
        plan.needsSaas = true;
      }
    }
    guard(plans);
    this.batch.clear();
    List<CompletableFuture<Void>> futures = write(plans);
    inflight.addLast(new InFlight(plans, futures));
    drain(false);
  }

  /**
   * Sync-key values per correlation request. Matches oomnitza-client's default cap on {@code IN}
   * lists, so each chunk is one request; chunks of one batch are looked up concurrently.
   */
  static final int CORRELATION_CHUNK = 50;

  private List<ObjectNode> find(String syncKey, java.util.Collection<String> keys) {
    if (keys.size() <= CORRELATION_CHUNK) {
      return sink.findUsers(syncKey, keys);
    }
    List<String> all = new ArrayList<>(keys);
    List<CompletableFuture<List<ObjectNode>>> parts = new ArrayList<>();
    java.util.concurrent.Executor ex = executor();
    for (int i = 0; i < all.size(); i += CORRELATION_CHUNK) {
      List<String> chunk = all.subList(i, Math.min(all.size(), i + CORRELATION_CHUNK));
      parts.add(CompletableFuture.supplyAsync(() -> sink.findUsers(syncKey, chunk), ex));
    }
    List<ObjectNode> out = new ArrayList<>();
    for (CompletableFuture<List<ObjectNode>> f : parts) {
      try {
        out.addAll(f.join());
      } catch (CompletionException e) {
        Throwable c = e.getCause();
        throw c instanceof RuntimeException ? (RuntimeException) c : e;
      }
    }
    return out;
  }

  /** A batch whose writes may still be running (REST writes overlap the next batches' correlation). */
  private static final class InFlight {
    final List<Plan> plans;
    final List<CompletableFuture<Void>> futures;
    /** Outcomes of later records decided while this batch was in flight: reported after it. */
    final List<RecordOutcome> after = new ArrayList<>();

    InFlight(List<Plan> plans, List<CompletableFuture<Void>> futures) {
      this.plans = plans;
      this.futures = futures;
    }

    boolean done() {
      for (CompletableFuture<Void> f : futures) {
        if (!f.isDone()) {
          return false;
        }
      }
      return true;
    }
  }

  /** At most this many batches have writes in flight. */
  private static final int MAX_BATCHES_IN_FLIGHT = 3;

  private final java.util.ArrayDeque<InFlight> inflight = new java.util.ArrayDeque<>();

  /**
   * Finalizes batches whose writes are done, in order: SaaS assignment, state, outcomes. With
   * {@code all}, waits for every batch; otherwise waits only while too many batches are in flight.
   */
  private void drain(boolean all) {
    while (!inflight.isEmpty()) {
      InFlight head = inflight.peekFirst();
      boolean mustWait = all || inflight.size() > MAX_BATCHES_IN_FLIGHT;
      if (!mustWait && !head.done()) {
        return;
      }
      for (CompletableFuture<Void> f : head.futures) {
        try {
          f.join();
        } catch (CompletionException | java.util.concurrent.CancellationException ignored) {
          // writeOne records its own errors
        }
      }
      inflight.pollFirst();
      finish(head.plans);
      for (RecordOutcome o : head.after) {
        outcome(o);
      }
    }
  }

  /**
   * Reports an outcome decided before its record's batch is written. So that the report lists
   * records in the same order in a dry run and a real run, it waits behind batches still in flight.
   */
  private void early(RecordOutcome o) {
    if (!inflight.isEmpty()) {
      drain(false);
    }
    if (inflight.isEmpty()) {
      outcome(o);
    } else {
      inflight.peekLast().after.add(o);
    }
  }

  /** Drains after an abort or failure; never throws (an Error is kept and fails the run). */
  private void drainQuietly() {
    try {
      drain(true);
    } catch (Throwable ex) {
      LOG.warn("sync run {}: finishing in-flight writes failed: {}", runId, ex.toString());
      if (ex instanceof Error && fatal == null) {
        fatal = ex;
      }
    }
  }

  private void finish(List<Plan> plans) {
    assignSaas(plans);
    for (Plan plan : plans) {
      Pending p = plan.p;
      if (plan.notAttempted) {
        notAttempted++;
        continue;
      }
      if (plan.error.isPresent() && plan.situation != Situation.SKIPPED) {
        plan.situation = Situation.FAILED;
      }
      if (plan.situation == Situation.CREATE || plan.situation == Situation.UPDATE || plan.situation == Situation.UNCHANGED) {
        // An unverified write keeps a marker instead of its fingerprint: the next run correlates the
        // record again and writes it again if Oomnitza did not take it.
        state.put(p.sourceId, RecordState.of(plan.unverified ? UNVERIFIED : p.fingerprint, p.key, plan.targetId));
        if (plan.deprovision) {
          deprovisioned++;
        }
      }
      outcome(
          RecordOutcome.builder()
              .situation(plan.situation)
              .sourceId(p.sourceId)
              .syncKey(p.key)
              .targetId(plan.targetId)
              .changes(plan.situation == Situation.FAILED || plan.situation == Situation.UNCHANGED ? List.of() : plan.changes)
              .reason(plan.error)
              .deprovision(plan.deprovision && plan.situation == Situation.UPDATE)
              .unverified(plan.unverified && plan.situation != Situation.FAILED)
              .build());
    }
    state.flush();
    progress();
  }

  private void guard(List<Plan> plans) {
    long changesToKnown = plans.stream().filter(pl -> pl.situation == Situation.UPDATE && pl.p.prior.isPresent()).count();
    checkShare(changesToKnown);
  }

  private void checkShare(long more) {
    knownChanges += more;
    double share = in.safety().maxChangeShare();
    if (share < 1.0 && knownAtStart >= in.safety().minKnownRecords() && knownAtStart > 0 && knownChanges > share * knownAtStart) {
      throw new Abort(
          RunStatus.ABORTED,
          String.format(
              Locale.ROOT,
              "guard: the run would change %d of %d known records (more than %.0f%%); stopped before writing them",
              knownChanges,
              knownAtStart,
              share * 100));
    }
  }

  // ---------------------------------------------------------------- writing

  private List<CompletableFuture<Void>> write(List<Plan> plans) {
    List<Plan> writes = new ArrayList<>();
    for (Plan pl : plans) {
      if (pl.situation == Situation.CREATE || pl.situation == Situation.UPDATE) {
        writes.add(pl);
      }
    }
    if (writes.isEmpty() || e.dryRun) {
      return List.of();
    }
    if (in.sink() == SinkType.BULK) {
      // One portion at a time, in order, on one thread: the upload overlaps the next batch's
      // correlation, and the bulk run object stays single-threaded.
      if (bulkWriter == null) {
        bulkWriter = Executors.newSingleThreadExecutor(daemon("brexsync-bulk-writer"));
      }
      bulkUsed = true;
      return List.of(CompletableFuture.runAsync(() -> guarded(writes, () -> writeBulk(writes)), bulkWriter));
    }
    return writeRest(writes);
  }

  /**
   * Runs a write task; an Error (e.g. OutOfMemoryError) fails the task's records and is kept for
   * the run's thread, which ends the run with it, instead of vanishing in a future.
   */
  private void guarded(List<Plan> plans, Runnable task) {
    try {
      task.run();
    } catch (Error err) {
      if (fatal == null) {
        fatal = err;
      }
      for (Plan pl : plans) {
        if (pl.error.isEmpty() && !pl.notAttempted) {
          pl.error = Optional.of("write failed: " + err.getClass().getSimpleName() + (err.getMessage() == null ? "" : ": " + err.getMessage()));
        }
      }
    }
  }

  private void writeBulk(List<Plan> writes) {
    if (circuitReason != null) {
      for (Plan pl : writes) {
        pl.notAttempted = true;
      }
      return;
    }
    List<ObjectNode> records = new ArrayList<>(writes.size());
    String syncKey = in.mapping().syncKey();
    for (Plan pl : writes) {
      if (pl.situation == Situation.CREATE) {
        records.add(pl.fields);
      } else {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put(syncKey, pl.p.key);
        for (FieldChange c : pl.changes) {
          o.set(c.field(), c.to().orElse(com.fasterxml.jackson.databind.node.NullNode.instance));
        }
        records.add(o);
      }
    }
    bulkUploads++;
    BulkResult result;
    try {
      result = sink.bulkUpload(
          new BulkUpload(
              runId, in.name(), List.of(syncKey), records, !in.preference().updates(), !in.preference().creates()));
      if (result == null || result.size() != writes.size()) {
        LOG.warn("sync run {}: the sink answered a bulk portion of {} records with {}; treating them as unverified",
            runId, writes.size(), result);
        result = BulkResult.unverified(writes.size());
      }
    } catch (RuntimeException ex) {
      boolean sent = wasSent(ex);
      bulkUploadFailed(sent, "bulk upload failed: " + message(ex));
      for (Plan pl : writes) {
        pl.error = Optional.of("bulk upload failed: " + message(ex));
        if (sent) {
          recordsSent.incrementAndGet();
          recordsFailed.incrementAndGet();
        }
      }
      writeFailed(ex, sent);
      return;
    }
    if (!result.anySent()) {
      bulkUploadFailed(false, "not sent: " + result.reason(0).orElse("refused before sending"));
    } else {
      bulkPortionsSent++;
      writeSucceeded();
    }
    for (int i = 0; i < writes.size(); i++) {
      Plan pl = writes.get(i);
      BulkResult.Verdict v = result.verdict(i);
      if (v.sent()) {
        recordsSent.incrementAndGet();
      }
      switch (v) {
        case ACCEPTED:
          recordsAccepted.incrementAndGet();
          break;
        case UNVERIFIED:
          recordsUnverified.incrementAndGet();
          pl.unverified = true;
          break;
        case REJECTED:
          recordsFailed.incrementAndGet();
          pl.error = Optional.of("rejected by Oomnitza: " + result.reason(i).orElse("no reason given"));
          break;
        case FAILED:
          recordsFailed.incrementAndGet();
          pl.error = Optional.of("bulk upload failed: " + result.reason(i).orElse("no reason given"));
          break;
        default:
          pl.error = Optional.of("not sent to Oomnitza: " + result.reason(i).orElse("refused before sending"));
          break;
      }
    }
  }

  private void bulkUploadFailed(boolean sent, String message) {
    bulkUploadsFailed++;
    if (sent) {
      // The server may have opened the run before failing: finalize it.
      bulkPortionsSent++;
    }
    if (firstBulkError == null) {
      firstBulkError = message;
    }
  }

  private Semaphore permits;

  /** Submits the writes; at most {@code concurrency} are in flight across all batches. */
  private List<CompletableFuture<Void>> writeRest(List<Plan> writes) {
    java.util.concurrent.Executor ex = executor();
    if (permits == null) {
      permits = new Semaphore(in.concurrency());
    }
    Semaphore permits = this.permits;
    List<CompletableFuture<Void>> futures = new ArrayList<>(writes.size());
    for (Plan pl : writes) {
      try {
        permits.acquire();
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        pl.error = Optional.of("interrupted before writing");
        continue;
      }
      CompletableFuture<Void> f;
      try {
        f = CompletableFuture.runAsync(
            () -> {
              try {
                guarded(List.of(pl), () -> writeOne(pl));
              } finally {
                permits.release();
              }
            },
            ex);
      } catch (RuntimeException rejected) {
        permits.release();
        pl.error = Optional.of("write not scheduled: " + message(rejected));
        continue;
      }
      futures.add(f);
    }
    return futures;
  }

  /** Attempts per record write, on top of the client's own retries (while the run's retry budget lasts). */
  private static final int WRITE_ATTEMPTS = 3;

  private void writeOne(Plan pl) {
    if (circuitReason != null || control.isCancelled()) {
      pl.notAttempted = true;
      return;
    }
    if (pl.situation == Situation.CREATE) {
      writeCreate(pl);
    } else {
      writeUpdate(pl);
    }
  }

  private void writeCreate(Plan pl) {
    RuntimeException last = null;
    boolean sent = false;
    for (int attempt = 1; ; attempt++) {
      try {
        if (attempt > 1) {
          // The failed create may have reached Oomnitza (a 5xx or reset after processing): look
          // it up by the sync key before creating again, so a retry never duplicates a person.
          List<ObjectNode> found = sink.findUsers(in.mapping().syncKey(), List.of(pl.p.key));
          if (!found.isEmpty()) {
            written(pl, found.get(0));
            return;
          }
        }
        ObjectNode result = sink.createUser(pl.fields);
        written(pl, result);
        return;
      } catch (RuntimeException ex) {
        last = ex;
        sent |= wasSent(ex);
        if (!mayRetry(attempt, retryable(ex))) {
          break;
        }
        LOG.debug("create of {} failed (attempt {}): {}", pl.p.sourceId, attempt, message(ex));
      }
    }
    failed(pl, "create failed: " + message(last), last, sent);
  }

  /**
   * Updates one record. After a failure the person is looked up again by the sync key before
   * anything is retried: the PATCH may have been applied with its answer lost, and when it renamed
   * the record (e.g. the username), the old address no longer exists — a blind retry would 404 and
   * report a failure although Oomnitza holds the update.
   */
  private void writeUpdate(Plan pl) {
    ObjectNode target = pl.existing;
    ObjectNode changes = Json.mapper().createObjectNode();
    for (FieldChange c : pl.changes) {
      changes.set(c.field(), c.to().orElse(com.fasterxml.jackson.databind.node.NullNode.instance));
    }
    RuntimeException last = null;
    boolean sent = false;
    for (int attempt = 1; ; attempt++) {
      try {
        ObjectNode result = sink.updateUser(target, changes);
        written(pl, result);
        return;
      } catch (RuntimeException ex) {
        last = ex;
        sent |= wasSent(ex);
        boolean transientFailure = retryable(ex);
        if (control.isCancelled() || circuitReason != null || attempt >= WRITE_ATTEMPTS || !wasSent(ex)) {
          break;
        }
        Optional<ObjectNode> fresh;
        try {
          fresh = resolve(pl.p.key);
        } catch (RuntimeException lookup) {
          LOG.debug("re-resolving {} after a failed update failed: {}", pl.p.sourceId, message(lookup));
          if (!mayRetry(attempt, transientFailure)) {
            break;
          }
          continue;
        }
        if (fresh.isEmpty()) {
          last = new IllegalStateException(message(ex) + "; the person is no longer in Oomnitza under "
              + in.mapping().syncKey() + "=" + pl.p.key);
          break;
        }
        if (applied(pl.changes, fresh.get())) {
          written(pl, fresh.get());
          return;
        }
        boolean moved = !sameTarget(target, fresh.get());
        target = fresh.get();
        // Retry a transient failure, or a permanent one that addressed a record now found elsewhere.
        if (!mayRetry(attempt, transientFailure || moved)) {
          break;
        }
        LOG.debug("update of {} failed (attempt {}): {}", pl.p.sourceId, attempt, message(ex));
      }
    }
    failed(pl, "update failed: " + message(last), last, sent);
  }

  /** The one Oomnitza user with the sync key, if exactly one. */
  private Optional<ObjectNode> resolve(String key) {
    List<ObjectNode> found = sink.findUsers(in.mapping().syncKey(), List.of(key));
    if (found.size() > 1) {
      throw new IllegalStateException(found.size() + " Oomnitza users have " + in.mapping().syncKey() + "=" + key);
    }
    return found.stream().findFirst();
  }

  /** Whether an Oomnitza record already holds every change. */
  private static boolean applied(List<FieldChange> changes, ObjectNode record) {
    for (FieldChange c : changes) {
      if (!Json.sameValue(c.to().orElse(null), record.get(c.field()))) {
        return false;
      }
    }
    return true;
  }

  private boolean sameTarget(ObjectNode a, ObjectNode b) {
    try {
      return e.sink.idOf(a).equals(e.sink.idOf(b));
    } catch (RuntimeException ex) {
      return false;
    }
  }

  /**
   * Whether a failed write may be tried again: the failure is retryable, the record has attempts left,
   * the run is going on, and the run's one retry budget has a retry left (which this takes).
   */
  private boolean mayRetry(int attempt, boolean retryableFailure) {
    if (!retryableFailure || attempt >= WRITE_ATTEMPTS || control.isCancelled() || circuitReason != null) {
      return false;
    }
    if (retriesLeft.getAndUpdate(n -> Math.max(0, n - 1)) <= 0) {
      return false;
    }
    retriesUsed.incrementAndGet();
    return true;
  }

  private void written(Plan pl, ObjectNode result) {
    setTarget(pl, result);
    recordsSent.incrementAndGet();
    recordsAccepted.incrementAndGet();
    writeSucceeded();
  }

  private void failed(Plan pl, String reason, RuntimeException cause, boolean sent) {
    pl.error = Optional.of(reason);
    if (sent) {
      recordsSent.incrementAndGet();
      recordsFailed.incrementAndGet();
    }
    writeFailed(cause, sent);
  }

  private void writeSucceeded() {
    consecutiveFailures.set(0);
  }

  /**
   * Counts a failed write towards the run's stop rule: transient failures in a row (Oomnitza down or
   * failing everything) open the circuit; a record-specific refusal shows Oomnitza answering and
   * resets the count.
   */
  private void writeFailed(RuntimeException cause, boolean sent) {
    if (!sent || cause == null || !retryable(cause)) {
      consecutiveFailures.set(0);
      return;
    }
    int max = in.safety().maxConsecutiveWriteFailures();
    int n = consecutiveFailures.incrementAndGet();
    if (max > 0 && n >= max) {
      openCircuit(String.format(
          Locale.ROOT,
          "guard: %d writes to Oomnitza in a row failed transiently (last: %s); stopped the run, remaining records were not attempted",
          max,
          message(cause)));
    }
  }

  /** Opens the circuit once (writer threads may race here): later writes are not attempted. */
  private synchronized void openCircuit(String reason) {
    if (circuitReason == null) {
      circuitReason = reason;
      LOG.warn("sync run {}: {}", runId, reason);
    }
  }

  private boolean wasSent(RuntimeException ex) {
    try {
      return e.sink.wasSent(ex);
    } catch (RuntimeException bad) {
      return true;
    }
  }

  private boolean retryable(RuntimeException ex) {
    try {
      return e.sink.isTransient(ex);
    } catch (RuntimeException bad) {
      return false;
    }
  }

  private void setTarget(Plan pl, ObjectNode result) {
    if (result != null) {
      try {
        String id = e.sink.idOf(result);
        if (id != null && !id.isEmpty()) {
          pl.targetId = Optional.of(id);
        }
      } catch (RuntimeException ignored) {
        // keep the id we had
      }
    }
  }

  private void assignSaas(List<Plan> plans) {
    if (in.mode() != SyncMode.USER_PLUS_SAAS_USER || e.dryRun) {
      return;
    }
    List<Plan> assign = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (Plan pl : plans) {
      boolean ok = pl.error.isEmpty() && !pl.notAttempted
          && (pl.situation == Situation.CREATE || pl.situation == Situation.UPDATE || pl.situation == Situation.UNCHANGED);
      if (ok && pl.needsSaas && pl.targetId.isPresent()) {
        assign.add(pl);
        ids.add(pl.targetId.get());
      } else if (ok && pl.needsSaas && in.sink() == SinkType.BULK && pl.situation == Situation.CREATE) {
        // bulk creates return no id: the next run correlates the record and assigns it then
        pl.p.fingerprint = "pending-saas";
      }
    }
    if (ids.isEmpty()) {
      return;
    }
    try {
      sink.assignSaasUsers(in.saasId().orElseThrow(), ids);
    } catch (RuntimeException ex) {
      for (Plan pl : assign) {
        pl.error = Optional.of("SaaS user assignment failed: " + message(ex));
      }
    }
  }

  // ---------------------------------------------------------------- departed users no longer in Brex

  private void handleGone() {
    if (!goneCheck) {
      return;
    }
    Optional<Map.Entry<String, JsonNode>> w = in.deprovisioning().write();
    List<String[]> gone = new ArrayList<>();
    state.forEach(
        (id, st) -> {
          if (!seen.contains(id)) {
            gone.add(new String[] {id, st.syncKey(), st.fingerprint(), st.targetId().orElse("")});
          }
        });
    if (gone.isEmpty()) {
      return;
    }
    if (w.isEmpty() || !in.deprovisioning().includeGone()) {
      for (String[] g : gone) {
        state.remove(g[0]);
      }
      state.flush();
      return;
    }
    for (String[] g : gone) {
      if (!g[2].equals(GONE)) {
        goneExpected++;
      }
    }
    String syncKey = in.mapping().syncKey();
    for (int i = 0; i < gone.size(); i += in.batchSize()) {
      if (control.isCancelled()) {
        throw new Abort(RunStatus.CANCELLED, "cancelled");
      }
      checkCircuit();
      List<String[]> part = gone.subList(i, Math.min(gone.size(), i + in.batchSize()));
      List<String[]> todo = new ArrayList<>();
      for (String[] g : part) {
        if (!g[2].equals(GONE)) {
          todo.add(g);
        }
      }
      if (todo.isEmpty()) {
        continue;
      }
      Map<String, ObjectNode> found = new HashMap<>();
      try {
        List<String> keys = new ArrayList<>();
        for (String[] g : todo) {
          keys.add(g[1]);
        }
        for (ObjectNode u : find(syncKey, keys)) {
          if (u.hasNonNull(syncKey)) {
            found.put(norm(u.get(syncKey).asText()), u);
          }
        }
      } catch (RuntimeException ex) {
        for (String[] g : todo) {
          outcome(fail(g[0], Optional.of(g[1]), "correlating a departed user failed: " + message(ex)));
        }
        continue;
      }
      List<Plan> plans = new ArrayList<>();
      for (String[] g : todo) {
        ObjectNode existing = found.get(norm(g[1]));
        if (existing == null) {
          state.remove(g[0]);
          outcome(
              RecordOutcome.builder()
                  .situation(Situation.SKIPPED)
                  .sourceId(g[0])
                  .syncKey(g[1])
                  .reason("gone from Brex and not in Oomnitza")
                  .build());
          continue;
        }
        Pending p = new Pending();
        p.sourceId = g[0];
        p.key = g[1];
        p.fingerprint = GONE;
        p.prior = Optional.of(RecordState.of(g[2], g[1], Optional.empty()));
        Plan plan = new Plan();
        plan.p = p;
        plan.existing = existing;
        plan.targetId = Optional.of(e.sink.idOf(existing));
        if (Json.sameValue(w.get().getValue(), existing.get(w.get().getKey()))) {
          plan.situation = Situation.UNCHANGED;
        } else {
          plan.situation = Situation.UPDATE;
          plan.deprovision = true;
          plan.changes =
              List.of(
                  FieldChange.of(
                      w.get().getKey(),
                      Optional.ofNullable(existing.get(w.get().getKey())).filter(n -> !Json.isEmpty(n)),
                      Optional.of(w.get().getValue())));
        }
        plans.add(plan);
      }
      checkShare(plans.stream().filter(pl -> pl.situation == Situation.UPDATE).count());
      for (CompletableFuture<Void> f : write(plans)) {
        try {
          f.join();
        } catch (CompletionException ignored) {
          // recorded on the plan
        }
      }
      for (Plan plan : plans) {
        if (plan.notAttempted) {
          notAttempted++;
          continue;
        }
        if (plan.error.isPresent()) {
          plan.situation = Situation.FAILED;
        } else {
          state.put(plan.p.sourceId, RecordState.of(plan.unverified ? UNVERIFIED : GONE, plan.p.key, plan.targetId));
          if (plan.deprovision) {
            deprovisioned++;
          }
        }
        outcome(
            RecordOutcome.builder()
                .situation(plan.situation)
                .sourceId(plan.p.sourceId)
                .syncKey(plan.p.key)
                .targetId(plan.targetId)
                .changes(plan.situation == Situation.UPDATE ? plan.changes : List.of())
                .reason(plan.error.isPresent() ? plan.error : Optional.of("gone from Brex"))
                .deprovision(plan.deprovision && plan.situation == Situation.UPDATE)
                .unverified(plan.unverified && plan.situation != Situation.FAILED)
                .build());
      }
      state.flush();
      progress();
    }
  }

  // ---------------------------------------------------------------- bookkeeping

  private static RecordOutcome fail(String id, Optional<String> key, String reason) {
    return RecordOutcome.builder().situation(Situation.FAILED).sourceId(id).syncKey(key).reason(reason).build();
  }

  private static String message(Throwable t) {
    String m = t.getMessage();
    return m == null ? t.getClass().getSimpleName() : m;
  }

  private void outcome(RecordOutcome o) {
    totals.merge(o.situation(), 1L, Long::sum);
    if (o.situation() != Situation.UNCHANGED) {
      if (outcomes.size() < e.maxReportedOutcomes) {
        outcomes.add(o);
      } else {
        truncated = true;
      }
    }
    try {
      e.listener.onRecord(o);
    } catch (RuntimeException ex) {
      LOG.warn("sync listener failed on a record: {}", ex.toString());
    }
  }

  private void progress() {
    long processed = totals.values().stream().mapToLong(Long::longValue).sum();
    Optional<Long> expected;
    boolean exact;
    if (sourceExhausted) {
      // Every record Brex listed (within the limit, each id once) gets exactly one outcome, and so
      // does each departed user the run deprovisions.
      expected = Optional.of(listed + goneExpected);
      exact = true;
    } else {
      // An estimate, dropped by SyncProgress once the run outgrows it (e.g. filtered records that
      // the last run did not keep).
      expected = in.recordLimit().map(Integer::longValue).or(() -> knownAtStart > 0 ? Optional.of((long) knownAtStart) : Optional.empty());
      exact = false;
    }
    SyncProgress p =
        new SyncProgress(processed, new EnumMap<>(totals), Duration.ofNanos(System.nanoTime() - startNanos), expected, exact);
    try {
      e.listener.onProgress(p);
    } catch (RuntimeException ex) {
      LOG.warn("sync listener failed on progress: {}", ex.toString());
    }
  }

  private java.util.concurrent.Executor executor() {
    if (e.executor.isPresent()) {
      return e.executor.get();
    }
    if (ownPool == null) {
      ownPool = Executors.newFixedThreadPool(in.concurrency(), daemon("brexsync-writer"));
    }
    return ownPool;
  }

  private void shutdownPools() {
    if (ownPool != null) {
      ownPool.shutdownNow();
    }
    if (prefetcher != null) {
      prefetcher.shutdownNow();
    }
    if (bulkWriter != null) {
      bulkWriter.shutdownNow();
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
