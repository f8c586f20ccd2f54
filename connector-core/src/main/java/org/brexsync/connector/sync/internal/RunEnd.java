package org.brexsync.connector.sync.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.brexsync.connector.port.StateSession;
import org.brexsync.connector.port.UserSink;
import org.brexsync.connector.sync.RunStatus;
import org.brexsync.connector.sync.Situation;
import org.brexsync.connector.sync.SyncReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stage 6, the end of a run, whatever stopped it: settles the status (a failure on a worker thread,
 * failed records, every upload failed), ends the bulk run, saves the state (commit only when the run
 * is complete), tells the last progress and builds the report. Never throws: a failure here becomes
 * the report's status and reason. Used on the run's thread, once.
 */
final class RunEnd {
  private static final Logger LOG = LoggerFactory.getLogger("org.brexsync.connector.sync.SyncEngine");

  private final RunConfig cfg;
  private final String runId;
  private final UserSink sink;
  private final StateSession state;
  private final RunStops stops;
  private final Outcomes outcomes;
  private final WriteTally tally;
  private final CountingPorts counters;
  private final Instant start;
  private final long startNanos;

  /** {@code stops} and {@code outcomes} are null when the run failed before they were built. */
  RunEnd(RunConfig cfg, String runId, UserSink sink, StateSession state, RunStops stops, Outcomes outcomes, WriteTally tally,
      CountingPorts counters, Instant start, long startNanos) {
    this.cfg = cfg;
    this.runId = runId;
    this.sink = sink;
    this.state = state;
    this.stops = stops;
    this.outcomes = outcomes;
    this.tally = tally;
    this.counters = counters;
    this.start = start;
    this.startNanos = startNanos;
  }

  /**
   * Ends the run.
   *
   * @param inHand records read but never handed on (counted as not attempted if the run stopped)
   * @param bulkUsed whether a bulk portion was handed to the sink (there is a bulk run to end)
   * @param phase told what the run is doing now, for failure messages
   * @param failure describes a failure that ended the run
   */
  SyncReport end(RunStatus status, Optional<String> reason, long inHand, boolean bulkUsed, Consumer<String> phase,
      Function<Throwable, String> failure) {
    String name = cfg.integration.name();
    Throwable fatal = stops == null ? null : stops.fatal();
    if (fatal != null && status != RunStatus.FAILED) {
      status = RunStatus.FAILED;
      reason = Optional.of(failure.apply(fatal));
    }
    if (!status.isComplete() && outcomes != null) {
      // Records in hand that the run never tried: counted, never reported as written.
      outcomes.notAttempted += inHand;
    }
    if (status.isComplete() && outcomes.count(Situation.FAILED) > 0) {
      status = RunStatus.COMPLETED_WITH_FAILURES;
    }
    if (status.isComplete() && tally.everyUploadFailed()) {
      status = RunStatus.COMPLETED_WITH_FAILURES;
      reason = Optional.of(tally.allUploadsFailed());
    }
    BulkEnding.Ending ending = new BulkEnding.Ending(status, reason);
    if (bulkUsed && !cfg.dryRun) {
      phase.accept("finalizing the bulk run");
      BulkEnding.end(sink, runId, tally, ending);
    }
    status = ending.status;
    reason = ending.reason;
    phase.accept("saving the sync state");
    try {
      state.flush();
      if (status.isComplete()) {
        state.commit(start);
      }
    } catch (Throwable ex) {
      String m = failure.apply(ex);
      LOG.warn("sync run {} of '{}': {}", runId, name, m);
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
      if (outcomes != null) {
        outcomes.progress();
      }
    } catch (Throwable ex) {
      LOG.warn("sync run {}: the listener failed on the last progress: {}", runId, ex.toString());
    }
    Outcomes o = outcomes != null ? outcomes : new Outcomes(cfg.listener, 0, startNanos, Optional.empty());
    SyncReport report = RunReport.of(runId, name, cfg, status, reason, ending.runLog, start, startNanos, o, counters, tally,
        stops == null ? 0 : stops.retriesUsed());
    LOG.info("sync run {} of '{}' ended {}: {}", runId, name, status, o.totals);
    return report;
  }
}
