package org.brexsync.spring.boot.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.brexsync.connector.sync.SyncListener;
import org.brexsync.http.RequestListener;
import org.brexsync.micrometer.BrexsyncObservations;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * brexsync-micrometer's meters and observations when the application has a {@link MeterRegistry}
 * (Spring Boot's Actuator makes one): {@link BrexsyncObservations} over the context's registry and,
 * when there is one, its {@link ObservationRegistry} (so the tracing handlers Spring Boot registers
 * turn runs and HTTP calls into spans); a {@link RequestListener} the clients take and a {@link
 * SyncListener} the engine takes. {@code brexsync.metrics.enabled=false} turns it off; a {@code
 * BrexsyncObservations} bean of the application's own (other conventions) replaces the default.
 */
@AutoConfiguration(afterName = {
    "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
    "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration"},
    before = BrexsyncAutoConfiguration.class)
@ConditionalOnClass({MeterRegistry.class, BrexsyncObservations.class})
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnProperty(prefix = BrexsyncProperties.PREFIX, name = "enabled", havingValue = "true", matchIfMissing = true)
@ConditionalOnProperty(prefix = BrexsyncProperties.PREFIX, name = "metrics.enabled", havingValue = "true", matchIfMissing = true)
public class BrexsyncMetricsAutoConfiguration {
  /**
   * Meters and observations in the context's registries.
   *
   * @param meters the context's meter registry
   * @param observations the context's observation registry, when there is one
   * @return brexsync's meters and observations
   */
  @Bean
  @ConditionalOnMissingBean
  public BrexsyncObservations brexsyncObservations(MeterRegistry meters, ObjectProvider<ObservationRegistry> observations) {
    ObservationRegistry registry = observations.getIfUnique();
    return registry != null ? BrexsyncObservations.of(registry, meters) : BrexsyncObservations.of(meters);
  }

  /**
   * Every HTTP attempt of both clients: timers, retries, rate-limit waits.
   *
   * @param observations brexsync's meters and observations
   * @return the listener recording the HTTP meters
   */
  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  public RequestListener brexsyncMetricsRequestListener(BrexsyncObservations observations) {
    return observations.requestListener();
  }

  /**
   * Every sync run: a timer, records by result, the last-success and records-per-second gauges.
   *
   * @param observations brexsync's meters and observations
   * @return the listener recording the sync meters
   */
  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  public SyncListener brexsyncMetricsSyncListener(BrexsyncObservations observations) {
    return observations.syncListener();
  }
}
