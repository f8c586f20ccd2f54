package org.brexsync.spring.boot.autoconfigure.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.brexsync.jdbc.ClusterScheduler;
import org.brexsync.spring.boot.autoconfigure.SyncRunTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Starts connector-jdbc's {@link ClusterScheduler} when the application context has started and stops
 * it first on shutdown: its runs in progress are cancelled (each ends after its batch in flight) and
 * handed over to another instance; shutdown waits for them at most {@code shutdownTimeout}. A run at
 * startup, if asked, makes the integration due at once for whichever instance picks it, so it never
 * overlaps a run elsewhere. Loaded only when connector-jdbc is on the class path. Not API.
 */
public final class ClusterSchedulerLifecycle implements SmartLifecycle, NextRun {
  private static final Logger LOG = LoggerFactory.getLogger("org.brexsync.spring.boot");

  private final ClusterScheduler scheduler;
  private final String integration;
  private final SyncRunTracker tracker;
  private final boolean runOnStartup;
  private final Duration shutdownTimeout;
  private volatile boolean running;

  /**
   * A lifecycle.
   *
   * @param scheduler the scheduler to start and stop
   * @param integration the name of the integration it runs (for run-on-startup and the next run)
   * @param tracker this instance's runs to wait for at shutdown, or null to wait for none
   * @param runOnStartup whether to make the integration due at once when started
   * @param shutdownTimeout how long shutdown waits for a cancelled run
   */
  public ClusterSchedulerLifecycle(ClusterScheduler scheduler, String integration, SyncRunTracker tracker,
      boolean runOnStartup, Duration shutdownTimeout) {
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.integration = Objects.requireNonNull(integration, "integration");
    this.tracker = tracker;
    this.runOnStartup = runOnStartup;
    this.shutdownTimeout = Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
  }

  @Override
  public void start() {
    scheduler.start();
    running = true;
    LOG.info("brexsync: clustered scheduling of '{}' on PostgreSQL started (worker {})", integration,
        scheduler.worker());
    if (runOnStartup && !scheduler.runNow(integration)) {
      LOG.info("brexsync: '{}' is running on another instance; no run on startup", integration);
    }
  }

  @Override
  public void stop() {
    running = false;
    scheduler.stop(true);
    SchedulerLifecycle.awaitCancelledRuns(tracker, shutdownTimeout,
        "brexsync: a cancelled sync run did not end within {} (brexsync.scheduler.shutdown-timeout)");
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public Optional<Instant> nextRunAt() {
    return scheduler.nextRunAt(integration);
  }
}
