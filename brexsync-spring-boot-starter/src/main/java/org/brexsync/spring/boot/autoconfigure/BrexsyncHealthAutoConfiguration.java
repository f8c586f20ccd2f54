package org.brexsync.spring.boot.autoconfigure;

import org.brexsync.brex.BrexClient;
import org.brexsync.connector.schedule.SyncScheduler;
import org.brexsync.oomnitza.OomnitzaClient;
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
@AutoConfiguration(after = {BrexsyncAutoConfiguration.class, BrexsyncSyncAutoConfiguration.class,
    BrexsyncSchedulerAutoConfiguration.class})
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnProperty(prefix = BrexsyncProperties.PREFIX, name = "enabled", havingValue = "true", matchIfMissing = true)
@ConditionalOnEnabledHealthIndicator("brexsync")
@Conditional(BrexsyncHealthAutoConfiguration.OnAnyClient.class)
public class BrexsyncHealthAutoConfiguration {
  /** The indicator, over whatever of the clients, tracker and scheduler exist. */
  @Bean
  @ConditionalOnMissingBean(name = "brexsyncHealthIndicator")
  public BrexsyncHealthIndicator brexsyncHealthIndicator(BrexsyncProperties properties,
      ObjectProvider<SyncRunTracker> tracker, ObjectProvider<SyncScheduler> scheduler,
      ObjectProvider<BrexClient> brex, ObjectProvider<OomnitzaClient> oomnitza) {
    BrexsyncProperties.Health h = properties.getHealth();
    return BrexsyncHealthIndicator.builder()
        .tracker(tracker.getIfUnique())
        .scheduler(scheduler.getIfUnique())
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
