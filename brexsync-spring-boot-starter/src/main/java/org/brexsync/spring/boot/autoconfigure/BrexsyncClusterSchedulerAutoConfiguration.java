package org.brexsync.spring.boot.autoconfigure;

import java.time.Duration;
import org.brexsync.connector.port.RunHistory;
import org.brexsync.connector.sync.SyncEngine;
import org.brexsync.jdbc.BrexsyncDatabase;
import org.brexsync.jdbc.ClusterScheduler;
import org.brexsync.spring.boot.autoconfigure.internal.ClusterSchedulerLifecycle;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Schedules the {@link SyncEngine} across every instance sharing the PostgreSQL database of {@link
 * BrexsyncClusterAutoConfiguration}: connector-jdbc's {@code ClusterScheduler} (each run on exactly
 * one instance, a dead instance's run taken over, every run recorded in the {@link RunHistory}),
 * started with the application and stopped first on shutdown, its runs cancelled and handed over to
 * another instance. {@code brexsync.scheduler.run-on-startup} makes the integration due at once (on
 * whichever instance picks it). The in-process {@link BrexsyncSchedulerAutoConfiguration} backs off.
 * {@code brexsync.scheduler.enabled=false} schedules nothing; a {@code ClusterScheduler} bean of the
 * application's own replaces this one and is started and stopped the same way.
 *
 * <p>connector-jdbc's types appear only in a nested configuration, loaded only when connector-jdbc is
 * on the class path.
 */
@AutoConfiguration(after = {BrexsyncClusterAutoConfiguration.class, BrexsyncSyncAutoConfiguration.class},
    before = BrexsyncSchedulerAutoConfiguration.class)
@ConditionalOnProperty(prefix = BrexsyncProperties.PREFIX, name = "enabled", havingValue = "true", matchIfMissing = true)
@ConditionalOnProperty(prefix = BrexsyncProperties.PREFIX, name = "scheduler.enabled", havingValue = "true", matchIfMissing = true)
@ConditionalOnClass(name = BrexsyncClusterAutoConfiguration.CLUSTER_SCHEDULER)
public class BrexsyncClusterSchedulerAutoConfiguration {
  /** Creates the auto-configuration (Spring does). */
  public BrexsyncClusterSchedulerAutoConfiguration() {}

  /** The beans naming connector-jdbc's types, loaded only when connector-jdbc is present. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = BrexsyncClusterAutoConfiguration.CLUSTER_SCHEDULER)
  @ConditionalOnBean({BrexsyncDatabase.class, SyncEngine.class})
  static class ClusterSchedulerConfiguration {
    /** The clustered scheduler of the engine's integration, recording into the run history. */
    @Bean(destroyMethod = "") // stopped by the lifecycle below, before the context's beans are destroyed
    @ConditionalOnMissingBean
    ClusterScheduler brexsyncClusterScheduler(BrexsyncDatabase database, SyncEngine engine,
        ObjectProvider<RunHistory> runHistory, BrexsyncProperties properties) {
      ClusterScheduler.Builder builder = ClusterScheduler.builder().database(database).sync(engine);
      runHistory.ifUnique(builder::runHistory);
      Duration wait = properties.getScheduler().getShutdownTimeout();
      if (wait != null && !wait.isNegative() && !wait.isZero()) {
        builder.shutdownMaxWait(wait);
      }
      return builder.build();
    }

    /** Starts the clustered scheduler with the application and stops it first. */
    @Bean
    @ConditionalOnMissingBean
    ClusterSchedulerLifecycle brexsyncClusterSchedulerLifecycle(ClusterScheduler scheduler, SyncEngine engine,
        ObjectProvider<SyncRunTracker> tracker, BrexsyncProperties properties) {
      return new ClusterSchedulerLifecycle(scheduler, engine.integration().name(), tracker.getIfUnique(),
          properties.getScheduler().isRunOnStartup(), properties.getScheduler().getShutdownTimeout());
    }
  }
}
