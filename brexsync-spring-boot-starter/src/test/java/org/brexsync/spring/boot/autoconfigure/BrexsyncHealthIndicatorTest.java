package org.brexsync.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.brexsync.spring.boot.autoconfigure.HealthAutoConfigurationTest.map;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.brexsync.brex.BrexClient;
import org.brexsync.connector.Integration;
import org.brexsync.connector.mapping.Mapping;
import org.brexsync.connector.state.InMemorySyncStateStore;
import org.brexsync.connector.sync.RunStatus;
import org.brexsync.connector.sync.SyncEngine;
import org.brexsync.oomnitza.OomnitzaClient;
import org.brexsync.testkit.MutableClock;
import org.brexsync.testkit.Sandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class BrexsyncHealthIndicatorTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T10:00:00Z"));
  private Sandbox sandbox;
  private BrexClient brex;
  private OomnitzaClient oomnitza;
  private SyncRunTracker tracker;

  @BeforeEach
  void start() {
    sandbox = Sandbox.start(20);
    brex = BrexClient.builder().baseUri(sandbox.brexUri()).token(sandbox.brexToken()).build();
    oomnitza = OomnitzaClient.builder().baseUri(sandbox.oomnitzaUri()).apiToken(sandbox.oomnitzaToken()).build();
    tracker = new SyncRunTracker(clock);
  }

  @AfterEach
  void stop() {
    brex.close();
    oomnitza.close();
    sandbox.close();
  }

  private SyncEngine engine(BrexClient brexClient) {
    return SyncEngine.builder().integration(Integration.builder().name("people").mapping(Mapping.standard(25)).build())
        .brexClient(brexClient).oomnitzaClient(oomnitza).stateStore(InMemorySyncStateStore.create())
        .clock(clock).listener(tracker).build();
  }

  @Test
  void reachabilityIsAskedOncePerCacheLifetime() {
    BrexsyncHealthIndicator indicator = BrexsyncHealthIndicator.builder().brex(brex).oomnitza(oomnitza)
        .cacheTtl(Duration.ofSeconds(30)).clock(clock).build();
    indicator.health();
    indicator.health();
    clock.advance(Duration.ofSeconds(29));
    indicator.health();
    assertThat(sandbox.brex().count("GET", "/v2/users/me")).isEqualTo(1);
    assertThat(sandbox.oomnitza().count("GET", "/api/v2/mappings")).isEqualTo(1);
    clock.advance(Duration.ofSeconds(1));
    Health h = indicator.health();
    assertThat(sandbox.brex().count("GET", "/v2/users/me")).isEqualTo(2);
    assertThat(map(h, "brex")).containsEntry("checkedAt", "2026-01-05T10:00:30Z");
  }

  @Test
  void aLastSuccessOlderThanMaxAgeIsDown() {
    BrexsyncHealthIndicator indicator = BrexsyncHealthIndicator.builder().tracker(tracker).checkReachability(false)
        .maxAge(Duration.ofHours(25)).clock(clock).build();
    assertThat(engine(brex).run().status()).isEqualTo(RunStatus.SUCCEEDED);
    clock.advance(Duration.ofHours(25));
    Health fresh = indicator.health();
    assertThat(fresh.getStatus()).isEqualTo(Status.UP);
    assertThat(map(fresh, "lastSuccess")).containsEntry("age", "PT25H");
    clock.advance(Duration.ofSeconds(1));
    Health stale = indicator.health();
    assertThat(stale.getStatus()).isEqualTo(Status.DOWN);
    assertThat(stale.getDetails().get("problems")).isEqualTo(List.of(
        "the last successful run finished PT25H1S ago, longer than brexsync.health.max-age PT25H"));
  }

  @Test
  void noSuccessSinceAStartLongerAgoThanMaxAgeIsDown() {
    BrexsyncHealthIndicator indicator = BrexsyncHealthIndicator.builder().tracker(tracker).checkReachability(false)
        .maxAge(Duration.ofHours(1)).clock(clock).build();
    assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
    clock.advance(Duration.ofMinutes(61));
    assertThat(indicator.health().getDetails().get("problems")).isEqualTo(List.of(
        "no successful run since the start PT1H1M ago, longer than brexsync.health.max-age PT1H"));
  }

  @Test
  void aFailedRunIsDownWithItsReason() {
    BrexsyncHealthIndicator indicator = BrexsyncHealthIndicator.builder().tracker(tracker).checkReachability(false)
        .clock(clock).build();
    sandbox.brex().addToken("bxt_soon_revoked");
    try (BrexClient revoked = BrexClient.builder().baseUri(sandbox.brexUri()).token("bxt_soon_revoked").build()) {
      sandbox.brex().revokeToken("bxt_soon_revoked");
      assertThat(engine(revoked).run().status()).isEqualTo(RunStatus.FAILED);
    }
    Health h = indicator.health();
    assertThat(h.getStatus()).isEqualTo(Status.DOWN);
    assertThat(map(h, "lastRun")).containsEntry("status", "FAILED").containsKey("reason");
    assertThat((List<?>) h.getDetails().get("problems")).singleElement().asString().startsWith("the last run ended FAILED: ");
    assertThat(h.getDetails()).doesNotContainKey("lastSuccess");
    assertThat(h.toString()).doesNotContain("bxt_soon_revoked");
  }

  @Test
  void aDryRunThatFailedIsNoAlarm() {
    BrexsyncHealthIndicator indicator = BrexsyncHealthIndicator.builder().tracker(tracker).checkReachability(false)
        .clock(clock).build();
    sandbox.brex().addToken("bxt_dry");
    try (BrexClient revoked = BrexClient.builder().baseUri(sandbox.brexUri()).token("bxt_dry").build()) {
      sandbox.brex().revokeToken("bxt_dry");
      assertThat(engine(revoked).withDryRun(true).run().status()).isEqualTo(RunStatus.FAILED);
    }
    Health h = indicator.health();
    assertThat(h.getStatus()).isEqualTo(Status.UP);
    assertThat(map(h, "lastRun")).containsEntry("dryRun", true).containsEntry("status", "FAILED");
  }
}
