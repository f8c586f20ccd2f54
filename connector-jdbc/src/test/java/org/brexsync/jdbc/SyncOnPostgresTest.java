package org.brexsync.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.brexsync.connector.Integration;
import org.brexsync.connector.port.StateSession;
import org.brexsync.connector.schedule.Schedule;
import org.brexsync.connector.sync.RunStatus;
import org.brexsync.connector.sync.Situation;
import org.brexsync.connector.sync.SyncEngine;
import org.brexsync.connector.sync.SyncListener;
import org.brexsync.connector.sync.SyncProgress;
import org.brexsync.connector.sync.SyncReport;
import org.brexsync.testkit.Sandbox;
import org.junit.jupiter.api.Test;

/** SyncEngine runs on the PostgreSQL state store against the sandbox simulators. */
class SyncOnPostgresTest {

  @Test
  void aColdRunThenANoChangeRunWritesNothingTheSecondTime() {
    try (TestDatabase t = TestDatabase.create(); Sandbox box = Sandbox.builder().users(120).start()) {
      Integration in = Sims.integration("acme", Schedule.defaults());
      SyncEngine engine = Sims.engine(box, in, t.db.stateStore());
      SyncReport cold = engine.run();
      assertThat(cold.status()).isEqualTo(RunStatus.SUCCEEDED);
      assertThat(cold.count(Situation.CREATE) + cold.count(Situation.UPDATE)).isPositive();
      SyncReport warm = engine.run();
      assertThat(warm.status()).isEqualTo(RunStatus.SUCCEEDED);
      assertThat(warm.writes()).isZero();
      assertThat(warm.count(Situation.UNCHANGED)).isEqualTo(cold.count(Situation.CREATE) + cold.count(Situation.UPDATE)
          + cold.count(Situation.UNCHANGED));
      try (StateSession s = t.db.stateStore().open("acme", true)) {
        assertThat(s.lastSuccessfulRun()).contains(warm.startedAt().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
      }
      Sims.assertOnePersonPerBrexUser(box);
    }
  }

  @Test
  void aDatabaseThatGoesAwayMidRunFailsTheRunCommitsNothingAndTheNextRunConverges() {
    try (TestDatabase t = TestDatabase.create(); Sandbox box = Sandbox.builder().users(150).start()) {
      Integration in = Sims.integration("acme", Schedule.defaults());
      AtomicBoolean cut = new AtomicBoolean();
      SyncListener dropDatabase = new SyncListener() {
        @Override
        public void onProgress(SyncProgress p) {
          if (p.processed() > 0 && cut.compareAndSet(false, true)) {
            t.terminateConnections();
          }
        }
      };
      SyncEngine engine = Sims.engine(box, in, t.db.stateStore()).toBuilder().listener(dropDatabase).build();
      SyncReport failed = engine.run();
      assertThat(cut).isTrue();
      assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
      assertThat(failed.reason().orElseThrow()).contains("database").contains("integration 'acme'");
      try (StateSession s = t.db.stateStore().open("acme", true)) {
        assertThat(s.lastSuccessfulRun()).as("no successful run was committed").isEmpty();
      }

      SyncReport again = engine.toBuilder().listener(new SyncListener() {}).build().run();
      assertThat(again.status()).isEqualTo(RunStatus.SUCCEEDED);
      Sims.assertOnePersonPerBrexUser(box);
      assertThat(engine.toBuilder().listener(new SyncListener() {}).build().run().writes()).isZero();
      assertThat(List.of(again.status())).containsExactly(RunStatus.SUCCEEDED);
    }
  }
}
