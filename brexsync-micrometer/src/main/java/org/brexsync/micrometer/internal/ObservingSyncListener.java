package org.brexsync.micrometer.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.brexsync.connector.sync.RecordOutcome;
import org.brexsync.connector.sync.Situation;
import org.brexsync.connector.sync.SyncListener;
import org.brexsync.connector.sync.SyncProgress;
import org.brexsync.connector.sync.SyncReport;
import org.brexsync.micrometer.BrexsyncMeters;
import org.brexsync.micrometer.BrexsyncObservationDocumentation;
import org.brexsync.micrometer.DefaultSyncRunObservationConvention;
import org.brexsync.micrometer.SyncRunContext;
import org.brexsync.micrometer.SyncRunObservationConvention;

/**
 * One observation per sync run (its timer and span), in scope on the run's thread; at its end the
 * records counted by result and the per-integration gauges set. Progress and outcomes go on to a
 * delegate. Thread-safe.
 */
public final class ObservingSyncListener implements SyncListener {
  private final ObservationRegistry observations;
  private final MeterRegistry meters;
  private final SyncRunObservationConvention convention;
  private final ActiveRuns runs;
  private final SyncListener delegate;
  private final Map<String, Gauges> gauges;

  /** A listener; {@code convention} null for the default; {@code gauges} shared by the listeners of one set. */
  public ObservingSyncListener(ObservationRegistry observations, MeterRegistry meters,
      SyncRunObservationConvention convention, ActiveRuns runs, SyncListener delegate,
      Map<String, Gauges> gauges) {
    this.observations = observations;
    this.meters = meters;
    this.convention = convention;
    this.runs = runs;
    this.delegate = delegate;
    this.gauges = gauges;
  }

  /** The last real run's figures of one integration, read by its gauges (held here: gauges hold them weakly). */
  public static final class Gauges {
    volatile double lastSuccessEpochSeconds = Double.NaN;
    volatile double recordsPerSecond = Double.NaN;
  }

  /** A new map of gauges by integration, to share between the listeners of one set. */
  public static Map<String, Gauges> newGauges() {
    return new ConcurrentHashMap<>();
  }

  @Override
  public RunScope onRunStart(RunStart run) {
    RunScope delegated = Safely.call(() -> delegate.onRunStart(run));
    SyncRunContext context = new SyncRunContext(run);
    Observation observation = BrexsyncObservationDocumentation.SYNC_RUN.observation(convention,
        DefaultSyncRunObservationConvention.INSTANCE, () -> context, observations).start();
    Observation.Scope scope = observation.openScope();
    runs.add(observation);
    return new RunScope() {
      @Override
      public void ended(SyncReport report) {
        try {
          context.setReport(report);
          close();
          count(report);
        } finally {
          if (delegated != null) {
            delegated.ended(report);
          }
        }
      }

      @Override
      public void failed(Throwable error) {
        try {
          observation.error(error);
          close();
        } finally {
          if (delegated != null) {
            delegated.failed(error);
          }
        }
      }

      private void close() {
        runs.remove(observation);
        scope.close();
        observation.stop();
      }
    };
  }

  private void count(SyncReport report) {
    String dry = Boolean.toString(report.dryRun());
    for (Situation s : Situation.values()) {
      Counter.builder(BrexsyncMeters.SYNC_RECORDS)
          .description("Records of sync runs by how they were classified")
          .tag(BrexsyncMeters.INTEGRATION, report.integration())
          .tag(BrexsyncMeters.RESULT, s.name())
          .tag(BrexsyncMeters.DRY_RUN, dry)
          .register(meters).increment(report.count(s));
    }
    if (report.dryRun()) {
      return;
    }
    Gauges g = gauges.computeIfAbsent(report.integration(), this::register);
    if (report.durationMillis() > 0) {
      g.recordsPerSecond = report.processed() * 1000.0 / report.durationMillis();
    }
    if (report.status().isComplete()) {
      g.lastSuccessEpochSeconds = report.finishedAt().toEpochMilli() / 1000.0;
    }
  }

  private Gauges register(String integration) {
    Gauges g = new Gauges();
    Gauge.builder(BrexsyncMeters.SYNC_LAST_SUCCESS, g, x -> x.lastSuccessEpochSeconds)
        .description("When the last real sync run that completed finished (seconds since the epoch)")
        .baseUnit("seconds").tag(BrexsyncMeters.INTEGRATION, integration).register(meters);
    Gauge.builder(BrexsyncMeters.SYNC_RECORDS_PER_SECOND, g, x -> x.recordsPerSecond)
        .description("Records per second of the last real sync run")
        .tag(BrexsyncMeters.INTEGRATION, integration).register(meters);
    return g;
  }

  @Override
  public void onProgress(SyncProgress progress) {
    delegate.onProgress(progress);
  }

  @Override
  public void onRecord(RecordOutcome outcome) {
    delegate.onRecord(outcome);
  }
}
