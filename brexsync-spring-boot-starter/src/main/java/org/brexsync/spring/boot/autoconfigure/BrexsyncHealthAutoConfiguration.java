package org.brexsync.spring.boot.autoconfigure;

import org.brexsync.brex.BrexClient;
import org.brexsync.connector.Integration;
import org.brexsync.connector.port.RunHistory;
import org.brexsync.connector.schedule.SyncScheduler;
import org.brexsync.oomnitza.OomnitzaClient;
import org.brexsync.spring.boot.autoconfigure.internal.NextRun;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * The {@code brexsync} health indicator ({@link BrexsyncHealthIndicator}) when Spring Boot's health
 * support is on the classpath and a brexsync client exists; {@code management.health.brexsync.enabled=false}
 * turns it off, a bean named {@code brexsyncHealthIndicator} replaces it.
 */
@AutoConfiguration(after = {BrexsyncAutoConfiguration.class, BrexsyncClusterAutoConfiguration.class,
    BrexsyncSyncAutoConfiguration.class, BrexsyncClusterSchedulerAutoConfiguration.class,
    BrexsyncSchedulerAutoConfiguration.class})
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnProperty(prefix = BrexsyncProperties.PREFIX, name = "enabled", havingValue = "true", matchIfMissing = true)
@ConditionalOnEnabledHealthIndicator("brexsync")
@Conditional(BrexsyncHealthAutoConfiguration.OnAnyClient.class)
public class BrexsyncHealthAutoConfiguration {
  /** Creates the auto-configuration (Spring does). */
  public BrexsyncHealthAutoConfiguration() {}

  /**
   * The indicator, over whatever of the clients, tracker, scheduler and run history exist. In
   * clustered mode the next run time comes from connector-jdbc's {@code ClusterScheduler} (through
   * its lifecycle bean, so this class names no connector-jdbc type) and the last runs of every
   * instance from the {@link RunHistory}.
   *
   * @param properties {@code brexsync.health.*}
   * @param tracker this instance's runs
   * @param scheduler the in-process scheduler
   * @param nextRun the clustered scheduler's next run time
   * @param runHistory every instance's runs (clustered mode)
   * @param integration the integration, whose runs the history holds
   * @param brex the Brex client to check
   * @param oomnitza the Oomnitza client to check
   * @return the {@code brexsync} health indicator
   */
  @Bean
  @ConditionalOnMissingBean(name = "brexsyncHealthIndicator")
  public BrexsyncHealthIndicator brexsyncHealthIndicator(BrexsyncProperties properties,
      ObjectProvider<SyncRunTracker> tracker, ObjectProvider<SyncScheduler> scheduler,
      ObjectProvider<NextRun> nextRun, ObjectProvider<RunHistory> runHistory,
      ObjectProvider<Integration> integration,
      ObjectProvider<BrexClient> brex, ObjectProvider<OomnitzaClient> oomnitza) {
    BrexsyncProperties.Health h = properties.getHealth();
    NextRun next = nextRun.getIfUnique();
    RunHistory history = runHistory.getIfUnique();
    Integration in = integration.getIfUnique();
    return BrexsyncHealthIndicator.builder()
        .tracker(tracker.getIfUnique())
        .scheduler(scheduler.getIfUnique())
        .nextRun(next == null ? null : next::nextRunAt)
        .runHistory(in == null ? null : history, in == null ? null : in.name())
        .brex(brex.getIfUnique())
        .oomnitza(oomnitza.getIfUnique())
        .checkReachability(h.isCheckReachability())
        .cacheTtl(h.getCacheTtl())
        .timeout(h.getTimeout())
        .maxAge(h.getMaxAge())
        .build();
  }

  /** A Brex or an Oomnitza client exists. */
  static final class OnAnyClient extends AnyNestedCondition {
    OnAnyClient() {
      super(ConfigurationPhase.REGISTER_BEAN);
    }

    @ConditionalOnBean(BrexClient.class)
    static final class Brex {}

    @ConditionalOnBean(OomnitzaClient.class)
    static final class Oomnitza {}
  }
}
