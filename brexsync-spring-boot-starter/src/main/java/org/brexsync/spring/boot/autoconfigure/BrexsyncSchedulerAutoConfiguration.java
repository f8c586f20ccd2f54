package org.brexsync.spring.boot.autoconfigure;

import org.brexsync.connector.schedule.SyncScheduler;
import org.brexsync.connector.sync.RunStatus;
import org.brexsync.connector.sync.Situation;
import org.brexsync.connector.sync.SyncEngine;
import org.brexsync.connector.sync.SyncReport;
import org.brexsync.spring.boot.autoconfigure.internal.SchedulerLifecycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Runs the {@link SyncEngine} on its integration's schedule in this process ({@code
 * brexsync.scheduler.enabled}, default on): a {@link SyncScheduler} started with the application and
 * stopped (its run cancelled, then waited for) on shutdown; {@code brexsync.scheduler.run-on-startup}
 * also runs once at start. A {@code SyncScheduler} bean of the application's own replaces it and is
 * started and stopped the same way.
 *
 * <p>When connector-jdbc is on the class path and the application has a {@code DataSource}, {@link
 * BrexsyncClusterSchedulerAutoConfiguration} schedules the runs across instances instead, and this
 * configuration backs off.
 */
@AutoConfiguration(after = BrexsyncSyncAutoConfiguration.class)
@ConditionalOnProperty(prefix = BrexsyncProperties.PREFIX, name = "enabled", havingValue = "true", matchIfMissing = true)
@ConditionalOnProperty(prefix = BrexsyncProperties.PREFIX, name = "scheduler.enabled", havingValue = "true", matchIfMissing = true)
@ConditionalOnBean(SyncEngine.class)
@ConditionalOnMissingBean(type = BrexsyncClusterAutoConfiguration.CLUSTER_SCHEDULER)
public class BrexsyncSchedulerAutoConfiguration {
  private static final Logger LOG = LoggerFactory.getLogger("org.brexsync.spring.boot");

  /**
   * The in-process scheduler, unless the application defines one.
   *
   * @param engine the engine to run
   * @return the scheduler, started by its lifecycle
   */
  @Bean
  @ConditionalOnMissingBean
  public SyncScheduler brexsyncScheduler(SyncEngine engine) {
    return SyncScheduler.builder()
        .engine(engine)
        .onReport(BrexsyncSchedulerAutoConfiguration::log)
        .build();
  }

  /**
   * Starts the scheduler with the application and stops it first.
   *
   * @param scheduler the scheduler to start and stop
   * @param tracker the runs to wait for at shutdown
   * @param properties the {@code brexsync.*} properties
   * @return the lifecycle
   */
  @Bean
  @ConditionalOnMissingBean
  public SchedulerLifecycle brexsyncSchedulerLifecycle(SyncScheduler scheduler, ObjectProvider<SyncRunTracker> tracker,
      BrexsyncProperties properties) {
    return new SchedulerLifecycle(scheduler, tracker.getIfUnique(), properties.getScheduler().isRunOnStartup(),
        properties.getScheduler().getShutdownTimeout());
  }

  /** One line per run: counts and the reason, never a person (the report's outcomes name people). */
  static void log(SyncReport r) {
    String line = String.format(java.util.Locale.ROOT,
        "brexsync: run %s of '%s'%s %s: created %d, updated %d, unchanged %d, skipped %d, failed %d in %.1f s%s",
        r.runId(), r.integration(), r.dryRun() ? " (dry)" : "", r.status(), r.count(Situation.CREATE),
        r.count(Situation.UPDATE), r.count(Situation.UNCHANGED), r.count(Situation.SKIPPED),
        r.count(Situation.FAILED), r.durationMillis() / 1000.0, r.reason().map(x -> " (" + x + ")").orElse(""));
    if (r.status() == RunStatus.SUCCEEDED) {
      LOG.info(line);
    } else {
      LOG.warn(line);
    }
  }
}
