package org.brexsync.connector.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.brexsync.connector.Integration;
import org.brexsync.connector.fakes.FakeBrex;
import org.brexsync.connector.fakes.FakeOomnitza;
import org.brexsync.connector.mapping.Mapping;
import org.brexsync.connector.port.RunRecord;
import org.brexsync.connector.schedule.Schedule;
import org.brexsync.connector.schedule.SyncScheduler;
import org.brexsync.connector.sync.SyncEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run history of one machine, and the scheduler that writes it. */
class FileRunHistoryTest {
  static final Instant T = Instant.parse("2026-11-27T10:00:00Z");
  @TempDir Path dir;

  @Test
  void runsAreListedNewestFirstWithTheirEndAndADeadRunIsAbandoned() throws Exception {
    FileRunHistory h = FileRunHistory.inStateDirectory(dir);
    assertThat(h.recent(Optional.empty(), 5)).isEmpty();
    RunRecord a = RunRecord.started("r1", "acme", RunRecord.Kind.SYNC, "w", T);
    h.record(a);
    h.record(a.ended(RunRecord.Status.FAILED, "Brex answered 503", T.plusSeconds(3)));
    h.record(RunRecord.started("r2", "acme", RunRecord.Kind.SYNC, "w", T.plusSeconds(10))); // the process dies here
    h.record(RunRecord.started("g1", "globex", RunRecord.Kind.WORKFLOW, "w", T.plusSeconds(11)));
    h.record(RunRecord.started("r3", "acme", RunRecord.Kind.SYNC, "w", T.plusSeconds(20)));
    Files.writeString(h.file(), "{\"runId\":\"torn", java.nio.file.StandardOpenOption.APPEND);

    List<RunRecord> acme = h.recent(Optional.of("acme"), 10);
    assertThat(acme).extracting(RunRecord::runId).containsExactly("r3", "r2", "r1");
    assertThat(acme).extracting(RunRecord::status)
        .containsExactly(RunRecord.Status.RUNNING, RunRecord.Status.ABANDONED, RunRecord.Status.FAILED);
    assertThat(acme.get(1).reason()).hasValueSatisfying(r -> assertThat(r).contains("run r3 took over"));
    assertThat(acme.get(2).reason()).contains("Brex answered 503");
    assertThat(h.recent(Optional.empty(), 2)).extracting(RunRecord::runId).containsExactly("r3", "g1");
    assertThat(h.latest("globex").orElseThrow().kind()).isEqualTo(RunRecord.Kind.WORKFLOW);
    assertThat(h.latest(List.of("acme", "globex", "never"))).containsOnlyKeys("acme", "globex")
        .hasEntrySatisfying("acme", r -> assertThat(r.runId()).isEqualTo("r3"));
    h.record(acme.get(0).ended(RunRecord.Status.SUCCEEDED, "done", T.plusSeconds(25)));
    assertThat(h.latest(List.of("acme")).get("acme").status()).isEqualTo(RunRecord.Status.SUCCEEDED);
  }

  @Test
  void aWorkflowSchedulerWithAHistoryRecordsWorkflowRuns() {
    FileRunHistory h = FileRunHistory.inStateDirectory(dir);
    try (org.brexsync.connector.workflow.WorkflowScheduler s = org.brexsync.connector.workflow.WorkflowScheduler.builder()
        .job(() -> new org.brexsync.connector.workflow.WorkflowReport("invite", false, T, T.plusSeconds(1), List.of()))
        .name("invite").schedule(Schedule.every(Duration.ofHours(1))).runHistory(h, "host:2").build()) {
      s.runNow();
    }
    RunRecord r = h.latest("invite").orElseThrow();
    assertThat(r.kind()).isEqualTo(RunRecord.Kind.WORKFLOW);
    assertThat(r.status()).isEqualTo(RunRecord.Status.SUCCEEDED);
    assertThat(r.worker()).isEqualTo("host:2");
  }

  @Test
  void aSchedulerWithAHistoryRecordsEachRunWhenItStartsAndEnds() {
    FileRunHistory h = FileRunHistory.inStateDirectory(dir);
    SyncEngine engine = SyncEngine.builder()
        .integration(Integration.builder().name("s").mapping(Mapping.standard(1)).schedule(Schedule.every(Duration.ofHours(1))).build())
        .source(new FakeBrex().addMany(5)).sink(new FakeOomnitza()).stateStore(InMemorySyncStateStore.create()).build();
    List<RunRecord> logged = new ArrayList<>();
    try (SyncScheduler s = SyncScheduler.builder().engine(engine).runHistory(h, "host:1").onRun(logged::add).build()) {
      s.runNow();
      s.runNow();
    }
    List<RunRecord> runs = h.recent(Optional.empty(), 10);
    assertThat(runs).hasSize(2).allSatisfy(r -> {
      assertThat(r.status()).isEqualTo(RunRecord.Status.SUCCEEDED);
      assertThat(r.worker()).isEqualTo("host:1");
      assertThat(r.finishedAt()).isPresent();
    });
    assertThat(runs.get(1).created()).isEqualTo(5);
    assertThat(runs.get(0).unchanged()).isEqualTo(5);
    assertThat(logged).hasSize(2);
    assertThat(logged.get(0).line()).matches("sync 's' run \\S+ on host:1: SUCCEEDED in [0-9.]+ s \\(created 5, updated 0, "
        + "unchanged 0, skipped 0, failed 0, deprovisioned 0\\)");
  }
}
