package org.brexsync.spring.boot.autoconfigure;

import org.brexsync.connector.sync.SyncEngine;
import org.brexsync.spring.boot.autoconfigure.internal.ClusterModule;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Schedules the {@link SyncEngine} across every instance sharing the PostgreSQL database of {@link
 * BrexsyncClusterAutoConfiguration} (connector-jdbc's {@code ClusterScheduler}: each run on exactly one
 * instance, a dead instance's run taken over), started with the application and stopped first on
 * shutdown. The in-process {@link BrexsyncSchedulerAutoConfiguration} then backs off. {@code
 * brexsync.scheduler.enabled=false} schedules nothing; a {@code ClusterModule.Workers} bean of the
 * application's own replaces this one.
 */
@AutoConfiguration(after = {BrexsyncClusterAutoConfiguration.class, BrexsyncSyncAutoConfiguration.class},
    before = BrexsyncSchedulerAutoConfiguration.class)
@ConditionalOnProperty(prefix = BrexsyncProperties.PREFIX, name = "scheduler.enabled", havingValue = "true", matchIfMissing = true)
@ConditionalOnBean({ClusterModule.Database.class, SyncEngine.class})
public class BrexsyncClusterSchedulerAutoConfiguration {
  /** Creates the auto-configuration (Spring does). */
  public BrexsyncClusterSchedulerAutoConfiguration() {}

  /**
   * The clustered scheduler of the engine's integration.
   *
   * @param database connector-jdbc's database
   * @param engine the engine to run
   * @param tracker the runs to wait for at shutdown
   * @param properties {@code brexsync.scheduler.shutdown-timeout}
   * @return the scheduler, started with the application
   */
  @Bean
  @ConditionalOnMissingBean
  public ClusterModule.Workers brexsyncClusterScheduler(ClusterModule.Database database, SyncEngine engine,
      ObjectProvider<SyncRunTracker> tracker, BrexsyncProperties properties) {
    return database.workers(engine, tracker.getIfUnique(), properties.getScheduler().getShutdownTimeout());
  }
}
