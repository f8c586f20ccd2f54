package org.brexsync.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.brexsync.connector.insight.ShipmentTracker;
import org.brexsync.connector.port.RunHistory;
import org.brexsync.connector.port.RunRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The run history and the shipment tracker on a real PostgreSQL. */
class RunHistoryAndShipmentsTest {
  static final Instant T = Instant.parse("2026-11-27T10:00:00Z");
  TestDatabase t;

  @BeforeEach
  void setUp() {
    t = TestDatabase.create();
  }

  @AfterEach
  void tearDown() {
    if (t != null) {
      t.close();
    }
  }

  @Test
  void runsAreRecordedWhenTheyStartAndEndAndListedNewestFirst() {
    RunHistory h = t.db.runHistory();
    RunRecord a = RunRecord.started("r1", "acme", RunRecord.Kind.SYNC, "w1", T);
    h.record(a);
    assertThat(h.latest("acme")).contains(a);
    RunRecord done = a.ended(RunRecord.Status.FAILED, "Brex answered 503", T.plusSeconds(5));
    h.record(done);
    h.record(RunRecord.started("r2", "globex", RunRecord.Kind.WORKFLOW, "w2", T.plusSeconds(1)));
    h.record(RunRecord.started("r3", "acme", RunRecord.Kind.SYNC, "w2", T.plusSeconds(10)));

    assertThat(h.recent(Optional.empty(), 10)).extracting(RunRecord::runId).containsExactly("r3", "r2", "r1");
    assertThat(h.recent(Optional.of("acme"), 1)).extracting(RunRecord::runId).containsExactly("r3");
    assertThat(h.recent(Optional.of("acme"), 10).get(1)).isEqualTo(done);
    assertThat(h.latest(java.util.List.of("acme", "globex", "never"))).containsOnlyKeys("acme", "globex")
        .hasEntrySatisfying("acme", r -> assertThat(r.runId()).isEqualTo("r3"));
  }

  @Test
  void aRunLeftRunningByADeadWorkerIsMarkedAbandonedWhenTheNextStarts() {
    RunHistory h = t.db.runHistory();
    h.record(RunRecord.started("dead", "acme", RunRecord.Kind.SYNC, "w1", T));
    h.record(RunRecord.started("other", "globex", RunRecord.Kind.SYNC, "w1", T));
    h.record(RunRecord.started("next", "acme", RunRecord.Kind.SYNC, "w2", T.plusSeconds(60)));
    RunRecord dead = h.recent(Optional.of("acme"), 10).get(1);
    assertThat(dead.status()).isEqualTo(RunRecord.Status.ABANDONED);
    assertThat(dead.finishedAt()).contains(T.plusSeconds(60));
    assertThat(dead.reason().orElseThrow()).contains("run next (w2) took over");
    assertThat(h.latest("globex").orElseThrow().status()).as("another integration's run is left alone")
        .isEqualTo(RunRecord.Status.RUNNING);
  }

  @Test
  void endedRunsOlderThanTheRetentionAreDeletedRunningOnesKept() {
    JdbcRunHistory h = (JdbcRunHistory) t.db.runHistory();
    RunRecord old = RunRecord.started("old", "acme", RunRecord.Kind.SYNC, "w", T);
    h.record(old.ended(RunRecord.Status.SUCCEEDED, "ok", T.plusSeconds(5)));
    h.record(RunRecord.started("stuck", "globex", RunRecord.Kind.SYNC, "w", T));
    RunRecord recent = RunRecord.started("recent", "acme", RunRecord.Kind.SYNC, "w", T.plusSeconds(86_400));
    h.record(recent.ended(RunRecord.Status.SUCCEEDED, "ok", T.plusSeconds(86_405)));
    assertThat(h.deleteEndedBefore(T.plusSeconds(3_600))).isEqualTo(1);
    assertThat(h.recent(Optional.empty(), 10)).extracting(RunRecord::runId).containsExactlyInAnyOrder("stuck", "recent");
  }

  @Test
  void theFirstSightingOfAShippedCardWinsPerNamespace() {
    ShipmentTracker a = t.db.shipmentTracker("acme");
    ShipmentTracker otherWorker = t.db.shipmentTracker("acme");
    ShipmentTracker globex = t.db.shipmentTracker("globex");
    assertThat(a.shippedSince("card1", T)).isEqualTo(T);
    assertThat(otherWorker.shippedSince("card1", T.plusSeconds(3600))).isEqualTo(T);
    assertThat(globex.shippedSince("card1", T.plusSeconds(60))).isEqualTo(T.plusSeconds(60));
    a.notShipped("card1");
    a.flush();
    assertThat(otherWorker.shippedSince("card1", T.plusSeconds(7200))).isEqualTo(T.plusSeconds(7200));
  }
}
