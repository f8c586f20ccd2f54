package org.brexsync.connector.sync;

import java.time.Instant;
import java.util.Objects;

/**
 * Observes a run: its start and end, progress after every batch and every record outcome as it is
 * decided (so callers can stream outcomes of huge runs elsewhere). Called on the run's thread; keep
 * it fast; exceptions are logged and ignored.
 */
public interface SyncListener {
  /** A listener that ignores everything. */
  SyncListener NONE = new SyncListener() {};

  /**
   * When a run starts, before anything is read, on the thread that called {@link SyncEngine#run()}.
   * The returned {@link RunScope} is told once, on the same thread, how the run ended, before
   * {@code run()} returns or throws: for timing runs and for a tracing span around each.
   *
   * @param run the integration, whether it is a dry run, and when it started
   * @return the scope told how the run ended; {@link RunScope#NONE} by default
   */
  default RunScope onRunStart(RunStart run) {
    return RunScope.NONE;
  }

  /**
   * After each batch.
   *
   * @param progress the run's counts so far
   */
  default void onProgress(SyncProgress progress) {}

  /**
   * After each record is decided (and written, unless dry run).
   *
   * @param outcome what happened to the record
   */
  default void onRecord(RecordOutcome outcome) {}

  /**
   * A run that is starting.
   *
   * @param integration the integration's name
   * @param dryRun whether the run writes nothing
   * @param startedAt when it started, on the engine's clock
   */
  record RunStart(String integration, boolean dryRun, Instant startedAt) {
    /**
     * Checks the components.
     *
     * @param integration the integration's name
     * @param dryRun whether the run writes nothing
     * @param startedAt when it started, on the engine's clock
     */
    public RunStart {
      Objects.requireNonNull(integration, "integration");
      Objects.requireNonNull(startedAt, "startedAt");
    }
  }

  /** One run from {@link #onRunStart} to its end: exactly one of its methods is called, once. */
  interface RunScope {
    /** Ignores the end. */
    RunScope NONE = new RunScope() {
      @Override
      public void ended(SyncReport report) {}

      @Override
      public void failed(Throwable error) {}
    };

    /**
     * The run ended with its report, whatever its {@link SyncReport#status() status}.
     *
     * @param report the run's report
     */
    void ended(SyncReport report);

    /**
     * The run ended by an exception instead of a report (it is thrown to the caller next).
     *
     * @param error what the run threw
     */
    void failed(Throwable error);
  }
}
