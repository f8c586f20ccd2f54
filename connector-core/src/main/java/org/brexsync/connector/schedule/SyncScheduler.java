package org.brexsync.connector.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.brexsync.connector.sync.RunControl;
import org.brexsync.connector.sync.SyncEngine;
import org.brexsync.connector.sync.SyncReport;
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

  private final SyncEngine engine;
  private final Schedule schedule;
  private final Clock clock;
  private final ScheduledExecutorService executor;
  private final boolean ownsExecutor;
  private final Consumer<SyncReport> onReport;
  private final Consumer<RuntimeException> onError;
  private final Object lock = new Object();
  private final AtomicReference<RunControl> current = new AtomicReference<>();
  private final AtomicLong skipped = new AtomicLong();
  private final AtomicLong runs = new AtomicLong();
  private ScheduledFuture<?> next;
  private Instant nextRunAt;
  private boolean started;
  private boolean stopped;

  private SyncScheduler(Builder b) {
    this.engine = b.engine;
    this.schedule = b.schedule != null ? b.schedule : b.engine.integration().schedule();
    this.clock = b.clock;
    this.ownsExecutor = b.executor == null;
    this.executor =
        b.executor != null
            ? b.executor
            : Executors.newSingleThreadScheduledExecutor(
                r -> {
                  Thread t = new Thread(r, "brexsync-scheduler-" + b.engine.integration().name());
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

  /** The schedule in use. */
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

  /** When the next scheduled run starts, if scheduled. */
  public Optional<Instant> nextRunAt() {
    synchronized (lock) {
      return Optional.ofNullable(nextRunAt);
    }
  }

  /** Runs now on the calling thread unless a run is in progress (then returns empty and counts a skip). */
  public Optional<SyncReport> runNow() {
    RunControl control = RunControl.create();
    if (!current.compareAndSet(null, control)) {
      skipped.incrementAndGet();
      LOG.info("integration '{}': a run is in progress; this run is skipped", engine.integration().name());
      return Optional.empty();
    }
    try {
      SyncReport r = engine.run(control);
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
      current.set(null);
    }
  }

  /** Whether a run is in progress. */
  public boolean isRunning() {
    return current.get() != null;
  }

  /** Runs started by this scheduler (scheduled and {@link #runNow()}) that finished. */
  public long completedRuns() {
    return runs.get();
  }

  /** Runs skipped because another was in progress. */
  public long skippedRuns() {
    return skipped.get();
  }

  /** Stops scheduling; a run in progress finishes normally. */
  public void stop() {
    stop(false);
  }

  /** Stops scheduling and, if asked, cancels the run in progress (it ends CANCELLED after its current batch). */
  public void stop(boolean cancelRunning) {
    synchronized (lock) {
      stopped = true;
      if (next != null) {
        next.cancel(false);
        next = null;
      }
      nextRunAt = null;
    }
    if (cancelRunning) {
      RunControl c = current.get();
      if (c != null) {
        c.cancel();
      }
    }
    if (ownsExecutor) {
      executor.shutdown();
    }
  }

  /** Same as {@link #stop()}. */
  @Override
  public void close() {
    stop(false);
  }

  private void scheduleNext() {
    Instant now = clock.instant();
    Instant at = schedule.nextAfter(now);
    long delay = Math.max(0, Duration.between(now, at).toMillis());
    nextRunAt = at;
    next = executor.schedule(this::fire, delay, TimeUnit.MILLISECONDS);
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

  /** Builds schedulers. */
  public static final class Builder {
    private SyncEngine engine;
    private Schedule schedule;
    private Clock clock = Clock.systemUTC();
    private ScheduledExecutorService executor;
    private Consumer<SyncReport> onReport = r -> {};
    private Consumer<RuntimeException> onError = e -> LOG.warn("scheduled sync failed: {}", e.toString());

    private Builder() {}

    /** The engine (required). */
    public Builder engine(SyncEngine engine) {
      this.engine = Objects.requireNonNull(engine);
      return this;
    }

    /** Overrides the integration's schedule. */
    public Builder schedule(Schedule schedule) {
      this.schedule = Objects.requireNonNull(schedule);
      return this;
    }

    /** The clock that decides when runs are due. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    /** The executor runs are scheduled on (not shut down by {@link #stop()} when injected). */
    public Builder executor(ScheduledExecutorService executor) {
      this.executor = Objects.requireNonNull(executor);
      return this;
    }

    /** Receives every report. */
    public Builder onReport(Consumer<SyncReport> onReport) {
      this.onReport = Objects.requireNonNull(onReport);
      return this;
    }

    /** Receives exceptions thrown by runs (default: logged). */
    public Builder onError(Consumer<RuntimeException> onError) {
      this.onError = Objects.requireNonNull(onError);
      return this;
    }

    /** Builds. */
    public SyncScheduler build() {
      Objects.requireNonNull(engine, "engine is required");
      return new SyncScheduler(this);
    }
  }
}
