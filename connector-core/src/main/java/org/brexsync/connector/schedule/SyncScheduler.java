package org.brexsync.connector.schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import org.brexsync.connector.schedule.internal.NonOverlappingScheduler;
import org.brexsync.connector.schedule.internal.RecordedRun;
import org.brexsync.connector.sync.SyncEngine;
import org.brexsync.connector.sync.SyncReport;
import org.brexsync.connector.port.RunHistory;
import org.brexsync.connector.port.RunRecord;
import org.brexsync.connector.sync.RunControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link SyncEngine} on its integration's {@link Schedule} (daily at a time, by default once a
 * day, or every interval). Two runs of one scheduler never overlap: a run that comes due (or a
 * {@link #runNow()}) while another is in progress is skipped and counted. {@link #stop()} stops
 * scheduling and waits for nothing; {@link #stop(boolean)} can also cancel the run in progress. The
 * clock and the {@link ScheduledExecutorService} are injectable, so tests drive time by hand.
 *
 * <pre>{@code
 * try (SyncScheduler s = SyncScheduler.builder().engine(engine).onReport(r -> log.info(r.summary())).build()) {
 *   s.start();
 *   ...
 * }
 * }</pre>
 */
public final class SyncScheduler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SyncScheduler.class);

  private final NonOverlappingScheduler<SyncReport> scheduler;

  private SyncScheduler(Builder b) {
    SyncEngine engine = b.engine;
    this.scheduler =
        new NonOverlappingScheduler<>(
            LOG,
            b.schedule != null ? b.schedule : engine.integration().schedule(),
            b.clock,
            b.executor,
            "brexsync-scheduler-" + engine.integration().name(),
            b.history == null ? engine::run : control -> recorded(engine, control, b),
            b.onReport,
            b.onError,
            () -> LOG.info("integration '{}': a run is in progress; this run is skipped", engine.integration().name()));
  }

  /** One run recorded in the history when it starts and when it ends (also when it throws). */
  private static SyncReport recorded(SyncEngine engine, RunControl control, Builder b) {
    return RecordedRun.run(() -> engine.run(control), engine.integration().name(), RunRecord.Kind.SYNC, b.worker,
        b.history, b.clock, (run, report) -> run.finished(report, b.clock.instant()), b.onRun, LOG);
  }

  /** {@return a new builder; {@link Builder#engine} is required} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the schedule in use} */
  public Schedule schedule() {
    return scheduler.schedule();
  }

  /** Starts scheduling (idempotent). */
  public void start() {
    scheduler.start();
  }

  /** {@return when the next scheduled run starts, if scheduled} */
  public Optional<Instant> nextRunAt() {
    return scheduler.nextRunAt();
  }

  /**
   * {@return runs now on the calling thread unless a run is in progress (then returns empty and counts a skip)}
   */
  public Optional<SyncReport> runNow() {
    return scheduler.runNow();
  }

  /** {@return whether a run is in progress} */
  public boolean isRunning() {
    return scheduler.isRunning();
  }

  /** {@return runs started by this scheduler (scheduled and {@link #runNow()}) that finished} */
  public long completedRuns() {
    return scheduler.completedRuns();
  }

  /** {@return runs skipped because another was in progress} */
  public long skippedRuns() {
    return scheduler.skippedRuns();
  }

  /** Stops scheduling; a run in progress finishes normally. */
  public void stop() {
    stop(false);
  }

  /**
   * Stops scheduling and, if asked, cancels the run in progress (it ends CANCELLED after its current batch).
   *
   * @param cancelRunning the cancel running
   */
  public void stop(boolean cancelRunning) {
    scheduler.stop(cancelRunning);
  }

  /** Same as {@link #stop()}. */
  @Override
  public void close() {
    stop(false);
  }

  /** Builds schedulers. */
  public static final class Builder {
    private SyncEngine engine;
    private Schedule schedule;
    private Clock clock = Clock.systemUTC();
    private ScheduledExecutorService executor;
    private Consumer<SyncReport> onReport = r -> {};
    private Consumer<RuntimeException> onError = e -> LOG.warn("scheduled sync failed: {}", e.toString());
    private RunHistory history;
    private String worker = "local";
    private Consumer<RunRecord> onRun = r -> {};

    private Builder() {}

    /**
     * The engine (required).
     *
     * @param engine the engine (required)
     * @return this builder
     */
    public Builder engine(SyncEngine engine) {
      this.engine = Objects.requireNonNull(engine);
      return this;
    }

    /**
     * Overrides the integration's schedule.
     *
     * @param schedule the schedule
     * @return this builder
     */
    public Builder schedule(Schedule schedule) {
      this.schedule = Objects.requireNonNull(schedule);
      return this;
    }

    /**
     * The clock that decides when runs are due.
     *
     * @param clock the clock that decides when runs are due
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    /**
     * The executor runs are scheduled on (not shut down by {@link #stop()} when injected).
     *
     * @param executor the executor runs are scheduled on (not shut down by {@link #stop()} when injected)
     * @return this builder
     */
    public Builder executor(ScheduledExecutorService executor) {
      this.executor = Objects.requireNonNull(executor);
      return this;
    }

    /**
     * Receives every report.
     *
     * @param onReport called with each run's report
     * @return this builder
     */
    public Builder onReport(Consumer<SyncReport> onReport) {
      this.onReport = Objects.requireNonNull(onReport);
      return this;
    }

    /**
     * Receives exceptions thrown by runs (default: logged).
     *
     * @param onError called with what a run threw
     * @return this builder
     */
    public Builder onError(Consumer<RuntimeException> onError) {
      this.onError = Objects.requireNonNull(onError);
      return this;
    }

    /**
     * Records every run in {@code history} when it starts and when it ends (e.g.
     * {@code FileRunHistory} beside the state), under this worker's name.
     *
     * @param history where runs are recorded
     * @param worker this worker's name in the records, e.g. {@code host:pid} (default {@code local})
     * @return this builder
     */
    public Builder runHistory(RunHistory history, String worker) {
      this.history = Objects.requireNonNull(history, "history");
      this.worker = Objects.requireNonNull(worker, "worker");
      return this;
    }

    /**
     * Receives every run as the history records it when it ends (with {@link #runHistory}).
     *
     * @param onRun called with each ended run's record
     * @return this builder
     */
    public Builder onRun(Consumer<RunRecord> onRun) {
      this.onRun = Objects.requireNonNull(onRun, "onRun");
      return this;
    }

    /**
     * Builds the scheduler; it runs nothing until started.
     *
     * @return the scheduler
     */
    public SyncScheduler build() {
      Objects.requireNonNull(engine, "engine is required");
      return new SyncScheduler(this);
    }
  }
}
