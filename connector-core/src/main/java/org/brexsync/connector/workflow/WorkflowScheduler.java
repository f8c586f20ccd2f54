package org.brexsync.connector.workflow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.brexsync.connector.schedule.Schedule;
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

  private final Supplier<WorkflowReport> job;
  private final Schedule schedule;
  private final Clock clock;
  private final ScheduledExecutorService executor;
  private final boolean ownsExecutor;
  private final Consumer<WorkflowReport> onReport;
  private final Consumer<RuntimeException> onError;
  private final Object lock = new Object();
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicLong runs = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();
  private ScheduledFuture<?> next;
  private Instant nextRunAt;
  private boolean started;
  private boolean stopped;

  private WorkflowScheduler(Builder b) {
    this.job = b.job;
    this.schedule = b.schedule;
    this.clock = b.clock;
    this.ownsExecutor = b.executor == null;
    this.executor = b.executor != null ? b.executor : Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "brexsync-workflow-scheduler");
      t.setDaemon(true);
      return t;
    });
    this.onReport = b.onReport;
    this.onError = b.onError;
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The schedule. */
  public Schedule schedule() {
    return schedule;
  }

  /** Starts scheduling (idempotent). */
  public void start() {
    synchronized (lock) {
      if (stopped) {
        throw new IllegalStateException("scheduler was stopped");
      }
      if (!started) {
        started = true;
        scheduleNext();
      }
    }
  }

  /** When the next run is due, if scheduled. */
  public Optional<Instant> nextRunAt() {
    synchronized (lock) {
      return Optional.ofNullable(nextRunAt);
    }
  }

  /** Runs now on the calling thread unless a run is in progress (then empty, counted as skipped). */
  public Optional<WorkflowReport> runNow() {
    if (!running.compareAndSet(false, true)) {
      skipped.incrementAndGet();
      LOG.info("a workflow run is in progress; this run is skipped");
      return Optional.empty();
    }
    try {
      WorkflowReport r = job.get();
      runs.incrementAndGet();
      try {
        onReport.accept(r);
      } catch (RuntimeException e) {
        LOG.warn("report consumer failed: {}", e.toString());
      }
      return Optional.of(r);
    } catch (RuntimeException e) {
      onError.accept(e);
      return Optional.empty();
    } finally {
      running.set(false);
    }
  }

  /** Runs that finished. */
  public long completedRuns() {
    return runs.get();
  }

  /** Runs skipped because one was in progress. */
  public long skippedRuns() {
    return skipped.get();
  }

  /** Stops scheduling; a run in progress finishes. */
  public void stop() {
    synchronized (lock) {
      stopped = true;
      if (next != null) {
        next.cancel(false);
        next = null;
      }
      nextRunAt = null;
    }
    if (ownsExecutor) {
      executor.shutdown();
    }
  }

  /** Same as {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  private void scheduleNext() {
    Instant now = clock.instant();
    Instant at = schedule.nextAfter(now);
    nextRunAt = at;
    next = executor.schedule(this::fire, Math.max(0, Duration.between(now, at).toMillis()), TimeUnit.MILLISECONDS);
  }

  private void fire() {
    synchronized (lock) {
      if (stopped) {
        return;
      }
      nextRunAt = null;
    }
    try {
      runNow();
    } finally {
      synchronized (lock) {
        if (!stopped) {
          scheduleNext();
        }
      }
    }
  }

  /** Builds a {@link WorkflowScheduler}. */
  public static final class Builder {
    private Supplier<WorkflowReport> job;
    private Schedule schedule = Schedule.defaults();
    private Clock clock = Clock.systemUTC();
    private ScheduledExecutorService executor;
    private Consumer<WorkflowReport> onReport = r -> {};
    private Consumer<RuntimeException> onError = e -> LOG.warn("scheduled workflow failed: {}", e.toString());

    private Builder() {}

    /** What runs (required), e.g. {@code () -> runner.run(workflow, target, options)} or {@code () -> offboarding.run(false)}. */
    public Builder job(Supplier<WorkflowReport> job) {
      this.job = Objects.requireNonNull(job);
      return this;
    }

    /** Runs {@code workflow} for {@code target} with {@code options} on {@code runner}. */
    public Builder job(WorkflowRunner runner, Workflow workflow, Target target, RunOptions options) {
      Objects.requireNonNull(runner);
      Objects.requireNonNull(workflow);
      Objects.requireNonNull(target);
      Objects.requireNonNull(options);
      return job(() -> runner.run(workflow, target, options));
    }

    /** When runs are due (default: daily at 02:00 UTC). */
    public Builder schedule(Schedule schedule) {
      this.schedule = Objects.requireNonNull(schedule);
      return this;
    }

    /** The clock deciding when runs are due. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    /** The executor (not shut down by {@link #stop()} when injected). */
    public Builder executor(ScheduledExecutorService executor) {
      this.executor = Objects.requireNonNull(executor);
      return this;
    }

    /** Receives every report. */
    public Builder onReport(Consumer<WorkflowReport> onReport) {
      this.onReport = Objects.requireNonNull(onReport);
      return this;
    }

    /** Receives exceptions of runs (default: logged). */
    public Builder onError(Consumer<RuntimeException> onError) {
      this.onError = Objects.requireNonNull(onError);
      return this;
    }

    /** The scheduler. */
    public WorkflowScheduler build() {
      Objects.requireNonNull(job, "job is required");
      return new WorkflowScheduler(this);
    }
  }
}
