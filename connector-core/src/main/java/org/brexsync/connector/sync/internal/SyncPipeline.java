package org.brexsync.connector.sync.internal;

import org.brexsync.connector.internal.Threads;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.brexsync.connector.Integration;
import org.brexsync.connector.SinkType;
import org.brexsync.connector.brex.BrexLookups;
import org.brexsync.connector.port.StateSession;
import org.brexsync.connector.port.UserPage;
import org.brexsync.connector.port.UserSink;
import org.brexsync.connector.port.UserSource;
import org.brexsync.connector.sync.RunControl;
import org.brexsync.connector.sync.RunStatus;
import org.brexsync.connector.sync.Situation;
import org.brexsync.connector.sync.SyncReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a {@code SyncEngine}, assembled from its stages:
 *
 * <pre>
 *  {@link PageReader}     Brex pages, the next one prefetched                          reader thread
 *   → {@link RecordPreparer}  filter → map (→ unchanged since the last run: done)       run's thread
 *   → {@link BatchPlanner}, per batch, without waiting:
 *       {@link Correlator}    correlate by sync key, all chunks at once                 lookup threads
 *       {@link Classifier}    diff → classify (CREATE, UPDATE, UNCHANGED, SKIPPED, FAILED)
 *       {@link RunStops#admit}  the change-share guard, in batch order
 *       {@link RestWriter} / {@link BulkWriter}  writes, bounded concurrency            writer threads
 *   → {@link Bookkeeper}      in Brex order: SaaS users, state, outcomes, progress        run's thread
 *  then {@link GonePass}      known records not seen this run (streamed from the state)
 *  then {@link RunEnd}         status, {@link BulkEnding}, save (commit when complete), report
 * </pre>
 *
 * Batches flow through the middle stages concurrently (lookups of later batches overlap the writes of
 * earlier ones); memory holds the page in hand, the page being fetched and at most a few batches in
 * flight. Whatever fails (an exception, an Error on any thread) ends the run with a report naming it.
 * Single-use.
 */
public final class SyncPipeline {
  private static final Logger LOG = LoggerFactory.getLogger("org.brexsync.connector.sync.SyncEngine");

  /** Writes a batch's creates and updates (nothing in a dry run); the future never fails. */
  @FunctionalInterface
  interface WriteStep {
    CompletableFuture<Void> apply(List<Plan> writes);
  }

  private final RunConfig cfg;
  private final Integration in;
  private final RunControl control;
  private final CountingPorts counters = new CountingPorts();
  private final UserSink sink;
  private final String runId = UUID.randomUUID().toString();
  private final Instant start;
  private final long startNanos = System.nanoTime();
  private final WriteTally tally = new WriteTally();
  private volatile String phase = "starting";
  /** Records read but not yet handed on: the page's rest and the batch being filled (not attempted if the run stops). */
  private int pageLeft;
  private List<Candidate> batch = new ArrayList<>();

  private StateSession state;
  private Outcomes outcomes;
  private RunStops stops;
  private PageReader reader;
  private RecordPreparer preparer;
  private Correlator correlator;
  private Classifier classifier;
  private Writer writer;
  private WriteStep write;
  private Bookkeeper books;
  private ExecutorService lookupThreads;
  private ExecutorService writerThreads;
  private BatchPlanner planner;

  private SyncPipeline(RunConfig cfg, RunControl control) {
    this.cfg = cfg;
    this.in = cfg.integration;
    this.control = control;
    this.sink = counters.sink(cfg.sink);
    this.start = cfg.clock.instant();
  }

  /** Runs once. */
  public static SyncReport run(RunConfig cfg, RunControl control) {
    return new SyncPipeline(cfg, control).execute();
  }

  private SyncReport execute() {
    LOG.info("sync run {} of '{}' started{}", runId, in.name(), cfg.dryRun ? " (dry run)" : "");
    state = cfg.stateStore.open(in.name(), cfg.dryRun);
    return executeOpen();
  }

  /** Builds the stages around the open state. */
  private void assemble() {
    long known = state.size();
    stops = new RunStops(in, control, runId, known);
    outcomes = new Outcomes(cfg.listener, cfg.maxReportedOutcomes, startNanos,
        in.recordLimit().map(Integer::longValue).or(() -> known > 0 ? Optional.of(known) : Optional.empty()));
    UserSource counted = counters.source(cfg.source);
    reader = new PageReader(counted, in.pageSize());
    preparer = new RecordPreparer(in, cfg.mapping, BrexLookups.over(counted), state, outcomes, start, runId);
    int lookupConcurrency = Math.max(2, Math.min(8, in.concurrency()));
    lookupThreads = Executors.newFixedThreadPool(lookupConcurrency, Threads.daemon("brexsync-lookup"));
    correlator = new Correlator(sink, in.mapping().syncKey(), lookupThreads);
    classifier = new Classifier(in, cfg.mapping, cfg.sink);
    int maxInFlight;
    if (in.sink() == SinkType.BULK) {
      writerThreads = Executors.newFixedThreadPool(BulkWriter.inFlight(in), Threads.daemon("brexsync-bulk-writer"));
      writer = new BulkWriter(sink, stops, tally, writerThreads, in, runId);
      maxInFlight = BulkWriter.inFlight(in) + 4;
    } else {
      Executor ex = cfg.executor.orElseGet(() -> {
        writerThreads = Executors.newFixedThreadPool(in.concurrency(), Threads.daemon("brexsync-writer"));
        return writerThreads;
      });
      writer = new RestWriter(sink, stops, tally, ex, in.concurrency(), correlator, in.mapping().syncKey());
      maxInFlight = 4;
    }
    write = writes -> writes.isEmpty() || cfg.dryRun ? CompletableFuture.completedFuture(null) : writer.write(writes);
    books = new Bookkeeper(in, cfg.dryRun, sink, state, outcomes, stops, maxInFlight);
    planner = new BatchPlanner(state, correlator, classifier, stops, write);
  }

  /**
   * The data flow: read a page, plan its records, hand candidates to batches in flight; then the
   * people gone from Brex. Returns false when cancelled.
   */
  private boolean flow() {
    listOomnitzaKeys();
    UserPage page;
    while ((page = reader.next()) != null) {
      outcomes.sourceExhausted = reader.exhausted();
      List<RecordPreparer.Item> items = preparer.prepare(page);
      pageLeft = items.size();
      for (RecordPreparer.Item item : items) {
        pageLeft--;
        if (item.outcome != null) {
          books.early(item.outcome);
          continue;
        }
        if (item.unchangedCount) {
          books.earlyUnchanged();
          continue;
        }
        batch.add(item.candidate);
        if (batch.size() >= in.batchSize() && !submit()) {
          return false;
        }
      }
      if (preparer.limited()) {
        reader.stop();
        outcomes.sourceExhausted = true;
        break;
      }
      if (control.isCancelled()) {
        return false;
      }
      // Once per page too: a run of unchanged records has no batches to report after.
      books.drain(false);
      outcomes.progress();
    }
    if (!batch.isEmpty() && !submit()) {
      return false;
    }
    books.drain(true);
    stops.check();
    if (preparer.distinct() == 0 && in.safety().abortOnEmptySource()) {
      throw new RunStops.Abort(RunStatus.ABORTED, "guard: Brex returned no users; nothing was changed");
    }
    if (!preparer.limited()) {
      // A run stopped by the record limit has not seen every Brex user: no "gone" detection.
      phase = "handling users gone from Brex (the end-of-run pass over the sync state)";
      new GonePass(in, state, correlator, classifier, write, outcomes, stops).run();
    }
    return true;
  }

  /**
   * A first BULK run (the state knows no record) reads Oomnitza's sync-key values once instead of
   * looking each batch up, while the first Brex page is fetched.
   */
  private void listOomnitzaKeys() {
    if (in.sink() == SinkType.BULK && state.size() == 0) {
      reader.prefetch();
      planner.listTargetKeys(sink, in.mapping().syncKey(), runId);
    }
  }

  /** Sends the batch in hand down the middle stages; returns false when the run was cancelled before. */
  private boolean submit() {
    if (control.isCancelled()) {
      return false;
    }
    stops.check();
    List<Candidate> batch = this.batch;
    this.batch = new ArrayList<>(in.batchSize());
    books.add(new Bookkeeper.Batch(planner.plan(batch), batch.size()));
    return true;
  }

  /**
   * Runs with the state open. Whatever fails inside (an exception, an Error such as
   * OutOfMemoryError, on this thread or a worker thread) ends the run with a report naming the
   * failure: writes in flight are drained, a bulk run is finalized (or aborted with the reason), and
   * the state is flushed but not committed.
   */
  private SyncReport executeOpen() {
    RunStatus status;
    Optional<String> reason = Optional.empty();
    try {
      assemble();
      phase = "reading Brex users and writing Oomnitza";
      if (flow()) {
        status = RunStatus.SUCCEEDED; // RunEnd.end makes it COMPLETED_WITH_FAILURES when a record failed
      } else {
        status = RunStatus.CANCELLED;
        reason = Optional.of("cancelled");
      }
    } catch (RunStops.Abort a) {
      status = a.status;
      reason = Optional.of(a.getMessage());
    } catch (Throwable ex) {
      status = RunStatus.FAILED;
      reason = Optional.of(failure(ex));
      LOG.warn("sync run {} of '{}' failed: {}", runId, in.name(), reason.get());
    } finally {
      drainQuietly();
      shutdown();
    }
    long inHand = pageLeft + batch.size();
    pageLeft = 0;
    batch.clear();
    boolean bulkUsed = writer instanceof BulkWriter && ((BulkWriter) writer).used();
    return new RunEnd(cfg, runId, sink, state, stops, outcomes, tally, counters, start, startNanos)
        .end(status, reason, inHand, bulkUsed, this::phase, this::failure);
  }

  private void phase(String now) {
    phase = now;
  }

  /** "while <phase>: <Type>: <message>" for a failure that ended the run. */
  private String failure(Throwable ex) {
    if (ex instanceof RunStops.FatalInWorker) {
      ex = ex.getCause();
    }
    if (ex instanceof RunStops.SourceFailure) {
      return ex.getMessage();
    }
    return "run failed while " + phase + ": " + ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage());
  }

  /** Drains after an abort or failure; never throws (an Error is kept and fails the run). */
  private void drainQuietly() {
    if (books == null) {
      return;
    }
    try {
      books.drain(true);
    } catch (Throwable ex) {
      LOG.warn("sync run {}: finishing in-flight writes failed: {}", runId, ex.toString());
      if (ex instanceof Error) {
        stops.fatal(ex);
      }
    }
  }

  private void shutdown() {
    if (reader != null) {
      reader.close();
    }
    if (lookupThreads != null) {
      lookupThreads.shutdownNow();
    }
    if (writerThreads != null) {
      writerThreads.shutdownNow();
    }
  }
}
