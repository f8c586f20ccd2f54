package org.brexsync.spring.boot.autoconfigure;

import javax.sql.DataSource;
import org.brexsync.connector.port.SyncStateStore;
import org.brexsync.spring.boot.autoconfigure.internal.ClusterModule;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Clustered operation on PostgreSQL when connector-jdbc is on the class path (its {@code
 * ClusterScheduler}, checked by name: the starter does not depend on the module) and the application
 * has a {@code DataSource}: connector-jdbc's database over that {@code DataSource} (brexsync's tables
 * created or migrated, {@code brexsync.cluster.migrate}) and its {@code PostgresStateStore} as the
 * {@link SyncStateStore}, shared by every instance. {@link BrexsyncClusterSchedulerAutoConfiguration}
 * then schedules the runs across instances instead of the in-process scheduler. {@code
 * brexsync.cluster.enabled=false} keeps everything in-process; a {@code SyncStateStore} bean of the
 * application's own replaces the PostgreSQL one.
 */
@AutoConfiguration(after = BrexsyncAutoConfiguration.class, before = BrexsyncSyncAutoConfiguration.class,
    afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnProperty(prefix = BrexsyncProperties.PREFIX, name = "enabled", havingValue = "true", matchIfMissing = true)
@ConditionalOnProperty(prefix = BrexsyncProperties.PREFIX, name = "cluster.enabled", havingValue = "true", matchIfMissing = true)
@ConditionalOnClass(name = ClusterModule.SCHEDULER)
@ConditionalOnBean(DataSource.class)
public class BrexsyncClusterAutoConfiguration {
  /** Creates the auto-configuration (Spring does). */
  public BrexsyncClusterAutoConfiguration() {}

  /**
   * connector-jdbc's database over the application's {@code DataSource}.
   *
   * @param dataSource the application's PostgreSQL
   * @param properties {@code brexsync.cluster.migrate}
   * @param beanFactory whose class loader has connector-jdbc
   * @return the database, its tables ready
   */
  @Bean
  @ConditionalOnMissingBean
  public ClusterModule.Database brexsyncClusterDatabase(DataSource dataSource, BrexsyncProperties properties,
      ConfigurableListableBeanFactory beanFactory) {
    return ClusterModule.open(dataSource, properties.getCluster().isMigrate(), beanFactory.getBeanClassLoader());
  }

  /**
   * The sync state in PostgreSQL, shared by every instance (the file or memory store backs off).
   *
   * @param database connector-jdbc's database
   * @return its {@code PostgresStateStore}
   */
  @Bean
  @ConditionalOnMissingBean
  public SyncStateStore brexsyncStateStore(ClusterModule.Database database) {
    return database.stateStore();
  }
}
