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

  /**
   * Creates the context of a run that starts.
   *
   * @param run the run as the engine announced it
   */
  public SyncRunContext(SyncListener.RunStart run) {
    this.run = Objects.requireNonNull(run, "run");
  }

  /** {@return the run as it started: integration, dry run or not, start time} */
  public SyncListener.RunStart run() {
    return run;
  }

  /** {@return the run's report, once it ended with one (empty before, and when it ended by an exception)} */
  public Optional<SyncReport> report() {
    return Optional.ofNullable(report);
  }

  /**
   * Records the report the run ended with, before the observation stops so the convention can tag it.
   *
   * @param report the run's report
   */
  public void setReport(SyncReport report) {
    this.report = Objects.requireNonNull(report, "report");
  }
}
