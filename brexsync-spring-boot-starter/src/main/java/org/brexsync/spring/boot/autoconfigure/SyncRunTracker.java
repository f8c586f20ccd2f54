package org.brexsync.spring.boot.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.brexsync.connector.sync.Situation;
import org.brexsync.connector.sync.SyncListener;
import org.brexsync.connector.sync.SyncReport;

/**
 * Remembers the runs of the engine it listens to: the last run (real or dry), the last real run
 * that completed, and how many are in progress. The auto-configured {@code SyncEngine} is given it
 * (every {@link SyncListener} bean is); the {@code brexsync} health indicator reads it. Only runs of
 * this process are known. Thread-safe.
 *
 * <p>An application that defines its own {@code SyncEngine} bean passes this bean to the engine's
 * listener for the health indicator to see its runs.
 */
public final class SyncRunTracker implements SyncListener {
  private final Clock clock;
  private final Object lock = new Object();
  private RunInfo lastRun;
  private RunInfo lastSuccess;
  private int inProgress;

  /** A tracker on the system clock. */
  public SyncRunTracker() {
    this(Clock.systemUTC());
  }

  /**
   * A tracker whose clock dates runs that ended by an exception (a report carries its own times).
   *
   * @param clock the clock of the runs that ended by an exception
   */
  public SyncRunTracker(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public RunScope onRunStart(RunStart run) {
    synchronized (lock) {
      inProgress++;
    }
    return new RunScope() {
      @Override
      public void ended(SyncReport report) {
        RunInfo info = new RunInfo(report.runId(), report.integration(), report.status().name(), report.dryRun(),
            report.startedAt(), report.finishedAt(), Map.copyOf(report.totals()), report.reason(), Optional.empty());
        finish(info, !report.dryRun() && report.status().isComplete());
      }

      @Override
      public void failed(Throwable error) {
        RunInfo info = new RunInfo("", run.integration(), RunInfo.ERROR, run.dryRun(), run.startedAt(),
            clock.instant(), Map.of(), Optional.empty(), Optional.of(error.getClass().getSimpleName()));
        finish(info, false);
      }
    };
  }

  private void finish(RunInfo info, boolean success) {
    synchronized (lock) {
      lastRun = info;
      if (success) {
        lastSuccess = info;
      }
      inProgress--;
      lock.notifyAll();
    }
  }

  /** {@return the last run that ended, real or dry} */
  public Optional<RunInfo> lastRun() {
    synchronized (lock) {
      return Optional.ofNullable(lastRun);
    }
  }

  /** {@return the last real run that completed ({@code SUCCEEDED} or {@code COMPLETED_WITH_FAILURES})} */
  public Optional<RunInfo> lastSuccess() {
    synchronized (lock) {
      return Optional.ofNullable(lastSuccess);
    }
  }

  /** {@return whether a run is in progress} */
  public boolean isRunning() {
    synchronized (lock) {
      return inProgress > 0;
    }
  }

  /**
   * Waits until no run is in progress, at most {@code timeout}.
   *
   * @param timeout how long to wait at most
   * @return whether none is
   * @throws InterruptedException when interrupted while waiting
   */
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      while (inProgress > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(lock, left);
      }
      return true;
    }
  }

  /**
   * One run as the tracker saw it end. Record outcomes are not kept (they name people).
   *
   * @param runId the run's id (empty when {@code run()} threw before a report)
   * @param integration the integration's name
   * @param status a {@link org.brexsync.connector.sync.RunStatus} name, or {@value #ERROR} when
   *     {@code run()} threw
   * @param dryRun whether it wrote nothing
   * @param startedAt when it started
   * @param finishedAt when it ended
   * @param totals records by situation
   * @param reason why it stopped or failed, from the report
   * @param error the exception's class name when {@code run()} threw
   */
  public record RunInfo(String runId, String integration, String status, boolean dryRun, Instant startedAt,
      Instant finishedAt, Map<Situation, Long> totals, Optional<String> reason, Optional<String> error) {
    /** The status of a run whose {@code run()} threw instead of returning a report. */
    public static final String ERROR = "ERROR";

    /**
     * Checks the components and copies the totals.
     *
     * @param runId the run's id (empty when {@code run()} threw before a report)
     * @param integration the integration's name
     * @param status a run status name, or {@value #ERROR}
     * @param dryRun whether it wrote nothing
     * @param startedAt when it started
     * @param finishedAt when it ended
     * @param totals records by situation
     * @param reason why it stopped or failed, from the report
     * @param error the exception's class name when {@code run()} threw
     */
    public RunInfo {
      Objects.requireNonNull(runId, "runId");
      Objects.requireNonNull(integration, "integration");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(startedAt, "startedAt");
      Objects.requireNonNull(finishedAt, "finishedAt");
      totals = totals.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(totals));
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(error, "error");
    }
  }
}
