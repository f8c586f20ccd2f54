package org.brexsync.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.brexsync.connector.Integration;
import org.brexsync.connector.port.RunRecord;
import org.brexsync.connector.schedule.Schedule;
import org.brexsync.connector.sync.SyncEngine;
import org.brexsync.connector.workflow.WorkflowReport;
import org.brexsync.testkit.Sandbox;
import org.junit.jupiter.api.Test;

/**
 * Three schedulers, each with its own connection pool, on one database: every integration runs on its
 * schedule, never twice at once, and a worker that stops hands its run over.
 */
class ClusterSchedulerTest {

  private static ClusterScheduler.Builder worker(BrexsyncDatabase db, String name) {
    return ClusterScheduler.builder().database(db).worker(name).threads(2).pollingInterval(Duration.ofMillis(200))
        .heartbeat(Duration.ofMillis(500), 4).shutdownMaxWait(Duration.ofSeconds(60));
  }

  @Test
  void integrationsAndWorkflowsRunOnScheduleAtMostOnceAtATimeAcrossThreeWorkers() throws Exception {
    int integrations = 6;
    try (TestDatabase t = TestDatabase.create()) {
      List<Sandbox> boxes = new ArrayList<>();
      List<BrexsyncDatabase> pools = new ArrayList<>();
      List<ClusterScheduler> workers = new ArrayList<>();
      try {
        for (int i = 0; i < integrations; i++) {
          boxes.add(Sandbox.builder().users(30 + i).start());
        }
        for (int w = 0; w < 3; w++) {
          BrexsyncDatabase pool = TestDatabase.database(t.url, t.schema, true);
          pools.add(pool);
          ClusterScheduler.Builder b = worker(pool, "w" + w);
          for (int i = 0; i < integrations; i++) {
            Integration in = Sims.integration("int-" + i, Schedule.every(Duration.ofSeconds(1)));
            b.sync(Sims.engine(boxes.get(i), in, pool.stateStore()));
          }
          b.workflow("invite-new-people", Schedule.every(Duration.ofSeconds(1)),
              () -> new WorkflowReport("invite-new-people", false, Instant.now(), Instant.now(), List.of()));
          workers.add(b.build());
        }
        workers.forEach(ClusterScheduler::start);
        JdbcRunHistory history = JdbcRunHistory.create(t.db.dataSource());
        TestPostgres.await("three finished runs of every integration and of the workflow", Duration.ofSeconds(90), () -> {
          Map<String, Long> finished = history.recent(Optional.empty(), 1000).stream()
              .filter(r -> r.status() == RunRecord.Status.SUCCEEDED)
              .collect(Collectors.groupingBy(RunRecord::integration, Collectors.counting()));
          return finished.size() == integrations + 1 && finished.values().stream().allMatch(n -> n >= 3);
        });
        workers.forEach(w -> w.stop(false));

        List<RunRecord> runs = history.recent(Optional.empty(), 1000);
        assertThat(runs).allSatisfy(r -> assertThat(r.status()).isEqualTo(RunRecord.Status.SUCCEEDED));
        assertNoOverlaps(runs);
        assertThat(runs.stream().filter(r -> r.kind() == RunRecord.Kind.WORKFLOW).map(RunRecord::integration))
            .containsOnly("invite-new-people");
        boxes.forEach(Sims::assertOnePersonPerBrexUser);
      } finally {
        workers.forEach(w -> w.stop(true));
        pools.forEach(BrexsyncDatabase::close);
        boxes.forEach(Sandbox::close);
      }
    }
  }

  @Test
  void aWorkerThatStopsCancelsItsRunAndAnotherWorkerTakesItOverAtOnce() throws Exception {
    try (TestDatabase t = TestDatabase.create(); Sandbox box = Sandbox.builder().users(400).start();
        BrexsyncDatabase poolA = TestDatabase.database(t.url, t.schema, true);
        BrexsyncDatabase poolB = TestDatabase.database(t.url, t.schema, true)) {
      box.oomnitza().faults().latency(Duration.ofMillis(20));
      Integration in = Sims.integration("acme", Schedule.every(Duration.ofHours(1)));
      ClusterScheduler a = worker(poolA, "a").sync(Sims.engine(box, in, poolA.stateStore())).build();
      ClusterScheduler b = worker(poolB, "b").sync(Sims.engine(box, in, poolB.stateStore())).build();
      JdbcRunHistory history = JdbcRunHistory.create(t.db.dataSource());
      try {
        a.start();
        assertThat(a.runNow("acme")).isTrue();
        TestPostgres.await("a run of 'acme' on worker a", Duration.ofSeconds(30), () -> a.runningNow().contains("acme"));
        b.start();
        a.stop(true); // SIGTERM: cancel and hand over

        TestPostgres.await("worker b to finish the run", Duration.ofSeconds(60),
            () -> history.recent(Optional.of("acme"), 10).stream()
                .anyMatch(r -> r.worker().equals("b") && r.status().isFinal()));
        List<RunRecord> runs = history.recent(Optional.of("acme"), 10);
        runs.sort(Comparator.comparing(RunRecord::startedAt));
        assertThat(runs).extracting(RunRecord::worker, RunRecord::status).containsExactly(
            org.assertj.core.groups.Tuple.tuple("a", RunRecord.Status.CANCELLED),
            org.assertj.core.groups.Tuple.tuple("b", RunRecord.Status.SUCCEEDED));
        assertNoOverlaps(runs);
        Sims.assertOnePersonPerBrexUser(box);
      } finally {
        a.stop(true);
        b.stop(true);
      }
    }
  }

  @Test
  void aRunThatFindsTheStateLockedByAVanishedWorkerIsTriedAgainAfterTheHeartbeatTimeout() throws Exception {
    try (TestDatabase t = TestDatabase.create(); Sandbox box = Sandbox.builder().users(20).start()) {
      Integration in = Sims.integration("acme", Schedule.every(Duration.ofHours(1)));
      ClusterScheduler w = worker(t.db, "w").sync(Sims.engine(box, in, t.db.stateStore())).build();
      JdbcRunHistory history = JdbcRunHistory.create(t.db.dataSource());
      // A worker whose machine vanished: the server still holds its session (and lock) on 'acme'.
      org.brexsync.connector.port.StateSession ghost = t.db.stateStore().open("acme", false);
      try {
        w.start();
        assertThat(w.runNow("acme")).isTrue();
        TestPostgres.await("a run that finds the state locked", Duration.ofSeconds(30),
            () -> history.recent(Optional.of("acme"), 5).stream().anyMatch(r -> r.status() == RunRecord.Status.FAILED));
        ghost.close(); // the server drops the dead connection
        TestPostgres.await("the run tried again after the heartbeat timeout, not in an hour", Duration.ofSeconds(30),
            () -> history.recent(Optional.of("acme"), 5).stream().anyMatch(r -> r.status() == RunRecord.Status.SUCCEEDED));
        List<RunRecord> runs = history.recent(Optional.of("acme"), 5);
        assertThat(runs).extracting(RunRecord::status).containsExactly(RunRecord.Status.SUCCEEDED, RunRecord.Status.FAILED);
        assertThat(runs.get(1).reason().orElseThrow()).contains("held by another run").contains("tried again in PT2S");
      } finally {
        ghost.close();
        w.stop(true);
      }
    }
  }

  /** Per integration, every run ends before the next one starts. */
  static void assertNoOverlaps(List<RunRecord> runs) {
    Map<String, List<RunRecord>> byIntegration = runs.stream().collect(Collectors.groupingBy(RunRecord::integration));
    byIntegration.forEach((name, list) -> {
      list.sort(Comparator.comparing(RunRecord::startedAt));
      for (int i = 1; i < list.size(); i++) {
        RunRecord before = list.get(i - 1);
        assertThat(before.finishedAt()).as("run %s of %s ended", before.runId(), name).isPresent();
        assertThat(before.finishedAt().get()).as("%s: run %s ends before run %s starts", name, before.runId(), list.get(i).runId())
            .isBeforeOrEqualTo(list.get(i).startedAt());
      }
    });
  }
}
