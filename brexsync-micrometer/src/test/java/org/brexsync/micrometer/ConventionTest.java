package org.brexsync.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.brexsync.brex.BrexClient;
import org.brexsync.testkit.BrexSimulator;
import org.junit.jupiter.api.Test;

/** A user's convention replaces the default one: names and tags are theirs to choose. */
class ConventionTest {
  @Test
  void aCustomHttpConventionAddsItsTagToTheTimer() {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    ObservationRegistry observations = ObservationRegistry.create();
    observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
    BrexsyncObservations obs = BrexsyncObservations.builder(observations, meters)
        .httpConvention(new DefaultHttpClientObservationConvention() {
          @Override
          public KeyValues getLowCardinalityKeyValues(HttpClientContext context) {
            return super.getLowCardinalityKeyValues(context).and("team", "it-ops");
          }
        })
        .build();
    try (BrexSimulator sim = BrexSimulator.start();
        BrexClient brex = BrexClient.builder().token(sim.token()).baseUri(sim.baseUri())
            .requestListener(obs.requestListener()).build()) {
      brex.users().me();
    }
    assertThat(meters.find(BrexsyncMeters.HTTP_CLIENT_REQUESTS).tags("team", "it-ops", "operation", "GET /v2/users/me")
        .timer()).isNotNull().extracting(t -> t.count()).isEqualTo(1L);
  }

  @Test
  void ofAMeterRegistryAloneMakesTheTimersThroughItsOwnObservationRegistry() {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    BrexsyncObservations obs = BrexsyncObservations.of(meters);
    try (BrexSimulator sim = BrexSimulator.start();
        BrexClient brex = BrexClient.builder().token(sim.token()).baseUri(sim.baseUri())
            .requestListener(obs.requestListener()).build()) {
      brex.users().me();
    }
    assertThat(meters.find(BrexsyncMeters.HTTP_CLIENT_REQUESTS).timer()).isNotNull();
    assertThat(obs.meterRegistry()).isSameAs(meters);
  }
}
