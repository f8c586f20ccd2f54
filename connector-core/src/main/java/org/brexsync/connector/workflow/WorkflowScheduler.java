package org.brexsync.connector.workflow;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.brexsync.connector.schedule.internal.NonOverlappingScheduler;
import org.brexsync.connector.schedule.internal.RecordedRun;
import org.brexsync.connector.schedule.Schedule;
import org.brexsync.connector.port.RunHistory;
import org.brexsync.connector.port.RunRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a workflow on a {@link Schedule} (the same schedule type as integrations: daily at a time or
 * every interval), like a Begin block with a schedule, e.g. "every hour, invite every Oomnitza user
 * without a brex_user_id". Two runs never overlap: a run that comes due while one is in progress is
 * skipped and counted. Clock and executor are injectable, so tests drive time by hand.
 *
 * <pre>{@code
 * try (WorkflowScheduler s = WorkflowScheduler.builder()
 *     .job(() -> runner.run(Presets.load(Presets.INVITE_USER),
 *         Target.filter(Filter.isNull("brex_user_id")), RunOptions.defaults()))
 *     .schedule(Schedule.every(Duration.ofHours(1)))
 *     .onReport(r -> log.info(r.summary()))
 *     .build()) {
 *   s.start();
 *   ...
 * }
 * }</pre>
 */
public final class WorkflowScheduler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WorkflowScheduler.class);

  private final NonOverlappingScheduler<WorkflowReport> scheduler;

  private WorkflowScheduler(Builder b) {
    Supplier<WorkflowReport> job = b.job;
    this.scheduler =
        new NonOverlappingScheduler<>(
            LOG,
            b.schedule,
            b.clock,
            b.executor,
            "brexsync-workflow-scheduler",
            b.history == null ? control -> job.get() : control -> recorded(job, b),
            b.onReport,
            b.onError,
            () -> LOG.info("a workflow run is in progress; this run is skipped"));
  }

  /** One run recorded in the history when it starts and when it ends (also when it throws). */
  private static WorkflowReport recorded(Supplier<WorkflowReport> job, Builder b) {
    return RecordedRun.run(job, b.name, RunRecord.Kind.WORKFLOW, b.worker, b.history, b.clock,
        (run, report) -> run.finished(report, b.clock.instant()), b.onRun, LOG);
  }

  /** {@return a new builder; a {@link Builder#job} is required} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the schedule} */
  public Schedule schedule() {
    return scheduler.schedule();
  }

  /** Starts scheduling (idempotent). */
  public void start() {
    scheduler.start();
  }

  /** {@return when the next run is due, if scheduled} */
  public Optional<Instant> nextRunAt() {
    return scheduler.nextRunAt();
  }

  /**
   * {@return runs now on the calling thread unless a run is in progress (then empty, counted as skipped)}
   */
  public Optional<WorkflowReport> runNow() {
    return scheduler.runNow();
  }

  /** {@return runs that finished} */
  public long completedRuns() {
    return scheduler.completedRuns();
  }

  /** {@return runs skipped because one was in progress} */
  public long skippedRuns() {
    return scheduler.skippedRuns();
  }

  /** Stops scheduling; a run in progress finishes. */
  public void stop() {
    scheduler.stop(false);
  }

  /** Same as {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  /** Builds a {@link WorkflowScheduler}. */
  public static final class Builder {
    private Supplier<WorkflowReport> job;
    private Schedule schedule = Schedule.defaults();
    private Clock clock = Clock.systemUTC();
    private ScheduledExecutorService executor;
    private Consumer<WorkflowReport> onReport = r -> {};
    private Consumer<RuntimeException> onError = e -> LOG.warn("scheduled workflow failed: {}", e.toString());
    private RunHistory history;
    private String worker = "local";
    private String name = "workflow";
    private Consumer<RunRecord> onRun = r -> {};

    private Builder() {}

    /**
     * What runs (required), e.g. {@code () -> runner.run(workflow, target, options)} or {@code () -> offboarding.run(false)}.
     *
     * @param job what runs (required), e.g. {@code () -> runner.run(workflow, target, options)} or
     *     {@code () -> offboarding.run(false)}
     * @return this builder
     */
    public Builder job(Supplier<WorkflowReport> job) {
      this.job = Objects.requireNonNull(job);
      return this;
    }

    /**
     * Runs {@code workflow} for {@code target} with {@code options} on {@code runner}.
     *
     * @param runner the runner
     * @param workflow the workflow
     * @param target the target
     * @param options options of this call only
     * @return this builder
     */
    public Builder job(WorkflowRunner runner, Workflow workflow, Target target, RunOptions options) {
      Objects.requireNonNull(runner);
      Objects.requireNonNull(workflow);
      Objects.requireNonNull(target);
      Objects.requireNonNull(options);
      this.name = workflow.name();
      return job(() -> runner.run(workflow, target, options));
    }

    /**
     * The workflow's name in the run history (set by the {@code job(runner, workflow, ...)} form).
     *
     * @param name the name runs are recorded under
     * @return this builder
     */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * Records every run in {@code history} when it starts and when it ends, as a
     * {@link RunRecord.Kind#WORKFLOW} run under this worker's name (as {@code SyncScheduler} does).
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
     * When runs are due (default: daily at 02:00 UTC).
     *
     * @param schedule the schedule
     * @return this builder
     */
    public Builder schedule(Schedule schedule) {
      this.schedule = Objects.requireNonNull(schedule);
      return this;
    }

    /**
     * The clock deciding when runs are due.
     *
     * @param clock the clock deciding when runs are due
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    /**
     * The executor (not shut down by {@link #stop()} when injected).
     *
     * @param executor the executor (not shut down by {@link #stop()} when injected)
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
    public Builder onReport(Consumer<WorkflowReport> onReport) {
      this.onReport = Objects.requireNonNull(onReport);
      return this;
    }

    /**
     * Receives exceptions of runs (default: logged).
     *
     * @param onError called with what a run threw
     * @return this builder
     */
    public Builder onError(Consumer<RuntimeException> onError) {
      this.onError = Objects.requireNonNull(onError);
      return this;
    }

    /** {@return the scheduler} */
    public WorkflowScheduler build() {
      Objects.requireNonNull(job, "job is required");
      return new WorkflowScheduler(this);
    }
  }
}
