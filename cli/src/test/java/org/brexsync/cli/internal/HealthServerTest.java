package org.brexsync.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.brexsync.connector.port.RunHistory;
import org.brexsync.connector.port.RunRecord;
import org.brexsync.connector.schedule.Schedule;
import org.junit.jupiter.api.Test;

class HealthServerTest {
  private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

  /** A history in memory, newest first. */
  private static final class Runs implements RunHistory {
    final List<RunRecord> newestFirst = new ArrayList<>();

    @Override
    public void record(RunRecord run) {
      newestFirst.removeIf(r -> r.runId().equals(run.runId()));
      newestFirst.add(0, run);
    }

    @Override
    public List<RunRecord> recent(Optional<String> integration, int limit) {
      return newestFirst.stream().filter(r -> integration.map(r.integration()::equals).orElse(true)).limit(limit).toList();
    }
  }

  private static JsonNode check(Runs runs) {
    HealthServer h = HealthServer.start("127.0.0.1", 0, Map.of("beta", Schedule.every(Duration.ofSeconds(1))), runs,
        Clock.fixed(T0.plusSeconds(30), ZoneOffset.UTC), Duration.ofMinutes(15), "embedded", "w1");
    try {
      return h.check();
    } finally {
      h.close();
    }
  }

  @Test
  void aFailingIntegrationStaysDownWhileItsNextRunIsInProgress() {
    Runs runs = new Runs();
    runs.record(RunRecord.started("r1", "beta", RunRecord.Kind.SYNC, "w1", T0)
        .ended(RunRecord.Status.FAILED, "Oomnitza refused the token", T0.plusSeconds(2)));
    runs.record(RunRecord.started("r2", "beta", RunRecord.Kind.SYNC, "w1", T0.plusSeconds(3)));

    JsonNode h = check(runs);

    assertThat(h.path("status").asText()).isEqualTo("DOWN");
    JsonNode beta = h.path("integrations").get(0);
    assertThat(beta.path("healthy").asBoolean()).isFalse();
    assertThat(beta.path("problem").asText()).isEqualTo("the last run ended FAILED: Oomnitza refused the token");
    assertThat(beta.path("lastRun").path("runId").asText()).isEqualTo("r1");
    assertThat(beta.path("running").path("runId").asText()).isEqualTo("r2");
  }

  @Test
  void aRunInProgressAfterASuccessIsHealthyAndNotOverdue() {
    Runs runs = new Runs();
    runs.record(RunRecord.started("r1", "beta", RunRecord.Kind.SYNC, "w1", T0)
        .ended(RunRecord.Status.SUCCEEDED, "done", T0.plusSeconds(1)));
    runs.record(RunRecord.started("r2", "beta", RunRecord.Kind.SYNC, "w1", T0.plusSeconds(2)));

    JsonNode h = check(runs);

    assertThat(h.path("status").asText()).isEqualTo("UP");
    JsonNode beta = h.path("integrations").get(0);
    assertThat(beta.path("lastRun").path("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(beta.path("running").path("startedAt").asText()).isEqualTo(T0.plusSeconds(2).toString());
  }
}
