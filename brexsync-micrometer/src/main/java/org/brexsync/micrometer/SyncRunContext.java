package org.brexsync.micrometer;

import io.micrometer.observation.Observation;
import java.util.Objects;
import java.util.Optional;
import org.brexsync.connector.sync.SyncListener;
import org.brexsync.connector.sync.SyncReport;

/** What a {@link BrexsyncObservationDocumentation#SYNC_RUN} observation knows of its run. */
public final class SyncRunContext extends Observation.Context {
  private final SyncListener.RunStart run;
  private volatile SyncReport report;

  /** The context of {@code run}. */
  public SyncRunContext(SyncListener.RunStart run) {
    this.run = Objects.requireNonNull(run, "run");
  }

  /** The run as it started. */
  public SyncListener.RunStart run() {
    return run;
  }

  /** The run's report, once it ended with one. */
  public Optional<SyncReport> report() {
    return Optional.ofNullable(report);
  }

  /** Records the report the run ended with. */
  public void setReport(SyncReport report) {
    this.report = Objects.requireNonNull(report, "report");
  }
}
