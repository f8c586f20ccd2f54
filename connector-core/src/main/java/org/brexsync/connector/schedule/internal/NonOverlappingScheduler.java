package org.brexsync.connector.schedule.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import org.brexsync.connector.schedule.Schedule;
import org.brexsync.connector.sync.RunControl;
import org.slf4j.Logger;

/**
 * The scheduling both public schedulers share, so that {@code SyncScheduler} and {@code
 * WorkflowScheduler} cannot drift apart: runs on a {@link Schedule}, never two at once (a run that
 * comes due while one is in progress is skipped and counted), reports and errors go to consumers.
 * Not API.
 *
 * @param <R> the report a run produces
 */
public final class NonOverlappingScheduler<R> {
  private final Logger log;
  private final Schedule schedule;
  private final Clock clock;
  private final ScheduledExecutorService executor;
  private final boolean ownsExecutor;
  private final Function<RunControl, R> job;
  private final Consumer<R> onReport;
  private final Consumer<RuntimeException> onError;
  private final Runnable onSkip;
  private final Object lock = new Object();
  private final AtomicReference<RunControl> current = new AtomicReference<>();
  private final AtomicLong skipped = new AtomicLong();
  private final AtomicLong runs = new AtomicLong();
  private ScheduledFuture<?> next;
  private Instant nextRunAt;
  private boolean started;
  private boolean stopped;

  /**
   * @param log the owning public scheduler's logger, so log lines keep their category
   * @param executor the injected executor (not shut down by {@link #stop(boolean)}), or null for an
   *     owned single daemon thread named {@code threadName}
   * @param job one run; its {@link RunControl} is cancelled by {@code stop(true)}
   * @param onSkip called (to log) when a run is skipped because another is in progress
   */
  public NonOverlappingScheduler(
      Logger log,
      Schedule schedule,
      Clock clock,
      ScheduledExecutorService executor,
      String threadName,
      Function<RunControl, R> job,
      Consumer<R> onReport,
      Consumer<RuntimeException> onError,
      Runnable onSkip) {
    this.log = log;
    this.schedule = schedule;
    this.clock = clock;
    this.ownsExecutor = executor == null;
    this.executor =
        executor != null
            ? executor
            : Executors.newSingleThreadScheduledExecutor(
                r -> {
                  Thread t = new Thread(r, threadName);
                  t.setDaemon(true);
                  return t;
                });
    this.job = job;
    this.onReport = onReport;
    this.onError = onError;
    this.onSkip = onSkip;
  }

  /** The schedule in use. */
  public Schedule schedule() {
    return schedule;
  }

  /** Starts scheduling (idempotent); fails once stopped. */
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

  /** Runs now on the calling thread unless a run is in progress (then empty, counted as skipped). */
  public Optional<R> runNow() {
    RunControl control = RunControl.create();
    if (!current.compareAndSet(null, control)) {
      skipped.incrementAndGet();
      onSkip.run();
      return Optional.empty();
    }
    try {
      R r = job.apply(control);
      runs.incrementAndGet();
      try {
        onReport.accept(r);
      } catch (RuntimeException e) {
        log.warn("report consumer failed: {}", e.toString());
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

  /** Runs that finished. */
  public long completedRuns() {
    return runs.get();
  }

  /** Runs skipped because another was in progress. */
  public long skippedRuns() {
    return skipped.get();
  }

  /** Stops scheduling and, if asked, cancels the run in progress; shuts down an owned executor. */
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
}
