package org.brexsync.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.brexsync.connector.sync.RunStatus;
import org.brexsync.connector.sync.SyncEngine;
import org.brexsync.micrometer.BrexsyncMeters;
import org.brexsync.micrometer.BrexsyncObservations;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class MetricsAutoConfigurationTest extends SandboxTests {
  /** What Spring Boot's Actuator configures: a registry, and observations timed through it. */
  private static ApplicationContextRunner withBootMetrics() {
    return StarterTestSupport.sandbox(sandbox).withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
        SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
        ObservationAutoConfiguration.class));
  }

  @Test
  void withSpringBootsRegistriesRunsAndHttpCallsAreMeasured() {
    withBootMetrics().run(ctx -> {
      BrexsyncObservations obs = ctx.getBean(BrexsyncObservations.class);
      assertThat(obs.observationRegistry()).isSameAs(ctx.getBean(ObservationRegistry.class));
      assertThat(ctx.getBean(SyncEngine.class).run().status()).isEqualTo(RunStatus.SUCCEEDED);
      MeterRegistry meters = ctx.getBean(MeterRegistry.class);
      assertThat(meters.get(BrexsyncMeters.SYNC_RUN).tag("integration", "brexsync").tag("status", "SUCCEEDED")
          .timer().count()).isEqualTo(1);
      assertThat(meters.get(BrexsyncMeters.HTTP_CLIENT_REQUESTS).tag("system", "brex").timers()).isNotEmpty();
      assertThat(meters.get(BrexsyncMeters.HTTP_CLIENT_REQUESTS).tag("system", "oomnitza").timers()).isNotEmpty();
      assertThat(meters.get(BrexsyncMeters.SYNC_LAST_SUCCESS).gauge().value()).isPositive();
    });
  }

  @Test
  void withoutAMeterRegistryThereAreNoMetricsAndTheEngineStillRuns() {
    StarterTestSupport.sandbox(sandbox).run(ctx -> {
      assertThat(ctx).doesNotHaveBean(BrexsyncObservations.class);
      assertThat(ctx.getBean(SyncEngine.class).run().status()).isEqualTo(RunStatus.SUCCEEDED);
    });
  }

  @Test
  void withoutMicrometerOnTheClassPathThereAreNoMetrics() {
    StarterTestSupport.sandbox(sandbox).withBean(SimpleMeterRegistry.class)
        .withClassLoader(new FilteredClassLoader(MeterRegistry.class)).run(ctx ->
            assertThat(ctx).hasNotFailed().doesNotHaveBean(BrexsyncObservations.class).hasSingleBean(SyncEngine.class));
  }

  @Test
  void metricsEnabledFalseTurnsThemOff() {
    withBootMetrics().withPropertyValues("brexsync.metrics.enabled=false").run(ctx -> {
      assertThat(ctx).doesNotHaveBean(BrexsyncObservations.class);
      ctx.getBean(SyncEngine.class).run();
      assertThat(ctx.getBean(MeterRegistry.class).find(BrexsyncMeters.SYNC_RUN).timers()).isEmpty();
    });
  }

  @Test
  void anApplicationsOwnObservationsWin() {
    SimpleMeterRegistry mine = new SimpleMeterRegistry();
    withBootMetrics().withBean(BrexsyncObservations.class, () -> BrexsyncObservations.of(mine)).run(ctx -> {
      ctx.getBean(SyncEngine.class).run();
      assertThat(mine.get(BrexsyncMeters.SYNC_RUN).timer().count()).isEqualTo(1);
      assertThat(ctx.getBean(MeterRegistry.class).find(BrexsyncMeters.SYNC_RUN).timers()).isEmpty();
    });
  }
}
