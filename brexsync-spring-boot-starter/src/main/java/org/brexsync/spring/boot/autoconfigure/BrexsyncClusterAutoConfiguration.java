package org.brexsync.spring.boot.autoconfigure;

import javax.sql.DataSource;
import org.brexsync.connector.port.RunHistory;
import org.brexsync.connector.port.SyncStateStore;
import org.brexsync.jdbc.BrexsyncDatabase;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Clustered operation on PostgreSQL when connector-jdbc (an optional dependency of the starter) is on
 * the class path and the application has a {@code DataSource}: connector-jdbc's {@code
 * BrexsyncDatabase} over that {@code DataSource} (brexsync's tables created or migrated, {@code
 * brexsync.cluster.migrate}; the pool stays the application's), its {@code PostgresStateStore} as the
 * {@link SyncStateStore} shared by every instance, and its {@code JdbcRunHistory} as the {@link
 * RunHistory} of every instance's runs. {@link BrexsyncClusterSchedulerAutoConfiguration} then schedules
 * the runs across instances instead of the in-process scheduler. {@code brexsync.cluster.enabled=false}
 * keeps everything in-process; a bean of the application's own of any of these types replaces the
 * starter's.
 *
 * <p>connector-jdbc's types appear only in a nested configuration, which Spring reads only when {@code
 * org.brexsync.jdbc.ClusterScheduler} is present: without connector-jdbc this class is inert.
 */
@AutoConfiguration(after = BrexsyncAutoConfiguration.class, before = BrexsyncSyncAutoConfiguration.class,
    afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnProperty(prefix = BrexsyncProperties.PREFIX, name = "enabled", havingValue = "true", matchIfMissing = true)
@ConditionalOnProperty(prefix = BrexsyncProperties.PREFIX, name = "cluster.enabled", havingValue = "true", matchIfMissing = true)
@ConditionalOnClass(name = BrexsyncClusterAutoConfiguration.CLUSTER_SCHEDULER)
@ConditionalOnBean(DataSource.class)
public class BrexsyncClusterAutoConfiguration {
  /** The connector-jdbc class whose presence turns clustered operation on. */
  static final String CLUSTER_SCHEDULER = "org.brexsync.jdbc.ClusterScheduler";

  /** Creates the auto-configuration (Spring does). */
  public BrexsyncClusterAutoConfiguration() {}

  /** The beans naming connector-jdbc's types, read only when connector-jdbc is present. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = CLUSTER_SCHEDULER)
  static class PostgresConfiguration {
    /** connector-jdbc's database over the application's {@code DataSource}, its tables ready. */
    @Bean
    @ConditionalOnMissingBean
    BrexsyncDatabase brexsyncDatabase(DataSource dataSource, BrexsyncProperties properties) {
      return BrexsyncDatabase.builder()
          .dataSource(dataSource)
          .migrate(properties.getCluster().isMigrate())
          .build();
    }

    /** The sync state in PostgreSQL, shared by every instance (the file or memory store backs off). */
    @Bean
    @ConditionalOnMissingBean
    SyncStateStore brexsyncStateStore(BrexsyncDatabase database) {
      return database.stateStore();
    }

    /** Every instance's runs in one table: the clustered scheduler records them, the health indicator reads them. */
    @Bean
    @ConditionalOnMissingBean
    RunHistory brexsyncRunHistory(BrexsyncDatabase database) {
      return database.runHistory();
    }
  }
}
