package org.brexsync.spring.boot.autoconfigure.internal;

import java.time.Duration;
import java.util.Objects;
import org.brexsync.connector.schedule.SyncScheduler;
import org.brexsync.spring.boot.autoconfigure.SyncRunTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the {@link SyncScheduler} when the application context has started (after every bean, the
 * web server included) and stops it first on shutdown: scheduling ends, the run in progress is
 * cancelled (it ends {@code CANCELLED} after its batch in flight, its state flushed, a BULK run
 * finalized) and shutdown waits for it at most {@code shutdownTimeout}. A run at startup, if asked,
 * goes through the scheduler, so it never overlaps a scheduled one. A stopped scheduler does not
 * start again. Not API.
 */
public final class SchedulerLifecycle implements SmartLifecycle {
  private static final Logger LOG = LoggerFactory.getLogger("org.brexsync.spring.boot");

  private final SyncScheduler scheduler;
  private final SyncRunTracker tracker;
  private final boolean runOnStartup;
  private final Duration shutdownTimeout;
  private volatile boolean running;

  /**
   * A lifecycle.
   *
   * @param tracker the runs to wait for at shutdown, or null to wait for none
   */
  public SchedulerLifecycle(SyncScheduler scheduler, SyncRunTracker tracker, boolean runOnStartup,
      Duration shutdownTimeout) {
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.tracker = tracker;
    this.runOnStartup = runOnStartup;
    this.shutdownTimeout = Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
  }

  @Override
  public void start() {
    scheduler.start();
    running = true;
    scheduler.nextRunAt().ifPresent(at -> LOG.info("brexsync: next scheduled run at {}", at));
    if (runOnStartup) {
      Thread t = new Thread(scheduler::runNow, "brexsync-startup-run");
      t.setDaemon(true);
      t.start();
    }
  }

  @Override
  public void stop() {
    running = false;
    scheduler.stop(true);
    awaitCancelledRuns(tracker, shutdownTimeout, "brexsync: the cancelled sync run did not end within {}"
        + " (brexsync.scheduler.shutdown-timeout); its state was flushed after its last batch");
  }

  /**
   * Waits at most {@code timeout} for the runs {@code tracker} follows to end (none when it is null),
   * logging {@code warning} (with the timeout) when they do not: the shutdown of both lifecycles.
   */
  static void awaitCancelledRuns(SyncRunTracker tracker, Duration timeout, String warning) {
    if (tracker == null) {
      return;
    }
    try {
      if (!tracker.awaitIdle(timeout)) {
        LOG.warn(warning, timeout);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
