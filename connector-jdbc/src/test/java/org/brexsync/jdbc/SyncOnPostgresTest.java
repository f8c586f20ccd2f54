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

  /** Counts what the state store sends: statements prepared and transactions committed. */
  static final class Counting {
    final java.util.concurrent.atomic.AtomicLong statements = new java.util.concurrent.atomic.AtomicLong();
    final java.util.concurrent.atomic.AtomicLong commits = new java.util.concurrent.atomic.AtomicLong();
    final java.util.concurrent.atomic.AtomicLong connections = new java.util.concurrent.atomic.AtomicLong();

    javax.sql.DataSource wrap(javax.sql.DataSource ds) {
      return (javax.sql.DataSource) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
          new Class<?>[] {javax.sql.DataSource.class}, (proxy, m, args) -> {
            Object r = invoke(ds, m, args);
            if (m.getName().equals("getConnection")) {
              connections.incrementAndGet();
              java.sql.Connection c = (java.sql.Connection) r;
              return java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                  new Class<?>[] {java.sql.Connection.class}, (p2, m2, a2) -> {
                    if (m2.getName().equals("prepareStatement") || m2.getName().equals("createStatement")) {
                      statements.incrementAndGet();
                    } else if (m2.getName().equals("commit")) {
                      commits.incrementAndGet();
                    }
                    return invoke(c, m2, a2);
                  });
            }
            return r;
          });
    }

    private static Object invoke(Object target, java.lang.reflect.Method m, Object[] args) throws Throwable {
      try {
        return m.invoke(target, args);
      } catch (java.lang.reflect.InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }

  @Test
  void aRunCostsTheDatabaseAFewStatementsPerPageNotPerRecord() {
    try (TestDatabase t = TestDatabase.create(); Sandbox box = Sandbox.builder().users(500).start()) {
      Counting count = new Counting();
      BrexsyncDatabase counted = BrexsyncDatabase.builder().dataSource(count.wrap(t.db.dataSource())).build();
      Integration in = Sims.integration("acme", Schedule.defaults());
      SyncEngine engine = Sims.engine(box, in, counted.stateStore());
      long s0 = count.statements.get();
      long c0 = count.commits.get();
      SyncReport cold = engine.run();
      long coldStatements = count.statements.get() - s0;
      long coldCommits = count.commits.get() - c0;
      s0 = count.statements.get();
      c0 = count.commits.get();
      SyncReport warm = engine.run();
      long warmStatements = count.statements.get() - s0;
      long warmCommits = count.commits.get() - c0;
      assertThat(cold.status()).isEqualTo(RunStatus.SUCCEEDED);
      assertThat(warm.writes()).isZero();
      long records = cold.processed();
      System.out.printf("SCALING db per run (%d records, page %d, batch %d): cold %d statements / %d transactions, "
          + "warm %d statements / %d transactions%n", records, in.pageSize(), in.batchSize(), coldStatements, coldCommits,
          warmStatements, warmCommits);
      // A few per page and per batch: a store that went per record would send hundreds.
      assertThat(warmStatements).isLessThan(records / 5);
      assertThat(coldStatements).isLessThan(records / 2);
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
