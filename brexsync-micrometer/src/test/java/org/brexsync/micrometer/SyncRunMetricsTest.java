package org.brexsync.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import org.brexsync.connector.sync.RunStatus;
import org.brexsync.connector.sync.Situation;
import org.brexsync.connector.sync.SyncListener;
import org.brexsync.connector.sync.SyncProgress;
import org.brexsync.connector.sync.SyncReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A sync run is one observation (timer and span) whose children are the run's HTTP calls, from
 * whichever thread; its records are counted by result, and the gauges say the last success and
 * throughput.
 */
class SyncRunMetricsTest {
  final Rig rig = new Rig(80);

  @AfterEach
  void close() {
    rig.close();
  }

  @Test
  void aRunIsTimedByIntegrationStatusAndDryRunAndItsRecordsCountedByResult() {
    SyncReport r = rig.engine("people").build().run();
    assertThat(r.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(r.count(Situation.CREATE)).isPositive();

    assertThat(rig.timer(BrexsyncMeters.SYNC_RUN, "integration", "people", "status", "SUCCEEDED",
        "dry.run", "false", "error", "none").count()).isEqualTo(1);
    for (Situation s : Situation.values()) {
      assertThat(rig.counter(BrexsyncMeters.SYNC_RECORDS, "integration", "people", "result", s.name(),
          "dry.run", "false").count()).as(s.name()).isEqualTo(r.count(s));
    }
    assertThat(rig.gauge(BrexsyncMeters.SYNC_LAST_SUCCESS, "integration", "people").value())
        .isEqualTo(r.finishedAt().toEpochMilli() / 1000.0);
    assertThat(rig.gauge(BrexsyncMeters.SYNC_RECORDS_PER_SECOND, "integration", "people").value())
        .isEqualTo(r.processed() * 1000.0 / r.durationMillis());

    TestObservationRegistryAssert.assertThat(rig.observations)
        .hasObservationWithNameEqualTo(BrexsyncMeters.SYNC_RUN).that()
        .hasContextualNameEqualTo("sync people")
        .hasLowCardinalityKeyValue("status", "SUCCEEDED")
        .hasHighCardinalityKeyValue("run.id", r.runId())
        .hasBeenStopped();
  }

  @Test
  void everyHttpCallOfTheRunIsItsChildWhicheverThreadMadeIt() {
    rig.engine("people").build().run();
    List<SyncRunContext> runs = rig.contexts(SyncRunContext.class);
    List<HttpClientContext> calls = rig.contexts(HttpClientContext.class);
    assertThat(runs).hasSize(1);
    // Brex pages are read ahead and Oomnitza written on the pipeline's own threads
    assertThat(calls).extracting(c -> c.start().service()).contains("Brex", "Oomnitza");
    assertThat(calls).hasSizeGreaterThan(5).allSatisfy(c ->
        assertThat(c.getParentObservation()).isNotNull()
            .extracting(p -> p.getContextView()).isSameAs(runs.get(0)));
  }

  @Test
  void aDryRunIsTaggedSoAndLeavesTheGaugesOfRealRunsAlone() {
    SyncReport real = rig.engine("people").build().run();
    rig.engine("people").dryRun(true).build().run();

    assertThat(rig.timer(BrexsyncMeters.SYNC_RUN, "integration", "people", "dry.run", "true").count()).isEqualTo(1);
    assertThat(rig.counter(BrexsyncMeters.SYNC_RECORDS, "integration", "people", "dry.run", "true",
        "result", "UNCHANGED").count()).isPositive();
    assertThat(rig.gauge(BrexsyncMeters.SYNC_LAST_SUCCESS, "integration", "people").value())
        .isEqualTo(real.finishedAt().toEpochMilli() / 1000.0);
  }

  @Test
  void aRunThatCannotReadBrexIsTimedAsFailedAndIsNoSuccess() {
    rig.sandbox.brex().faults().on("GET", "/v2/users").failNext(100, 500);
    SyncReport r = rig.engine("people").build().run();
    assertThat(r.status()).isEqualTo(RunStatus.FAILED);
    assertThat(rig.timer(BrexsyncMeters.SYNC_RUN, "integration", "people", "status", "FAILED").count()).isEqualTo(1);
    assertThat(rig.gauge(BrexsyncMeters.SYNC_LAST_SUCCESS, "integration", "people").value()).isNaN();
  }

  @Test
  void aRunThatThrowsIsAnErrorObservationAndTheCallerStillGetsTheException() {
    IllegalStateException down = new IllegalStateException("state store down");
    assertThatThrownBy(() -> rig.engine("people").stateStore((integration, readOnly) -> {
      throw down;
    }).build().run()).isSameAs(down);
    assertThat(rig.timer(BrexsyncMeters.SYNC_RUN, "integration", "people", "status", "ERROR",
        "error", "IllegalStateException").count()).isEqualTo(1);
    TestObservationRegistryAssert.assertThat(rig.observations).doesNotHaveAnyRemainingCurrentObservation();
  }

  @Test
  void theCallersOwnListenerStillHearsEverything() {
    List<String> heard = new CopyOnWriteArrayList<>();
    SyncListener mine = new SyncListener() {
      @Override
      public RunScope onRunStart(RunStart run) {
        heard.add("start");
        return new RunScope() {
          @Override
          public void ended(SyncReport report) {
            heard.add("end " + report.status());
          }

          @Override
          public void failed(Throwable error) {
            heard.add("failed");
          }
        };
      }

      @Override
      public void onProgress(SyncProgress progress) {
        if (!heard.contains("progress")) {
          heard.add("progress");
        }
      }
    };
    rig.engine("people").listener(rig.obs.syncListener(mine)).build().run();
    assertThat(heard).containsExactly("start", "progress", "end SUCCEEDED");
    assertThat(rig.timed(BrexsyncMeters.SYNC_RUN)).isEqualTo(1);
  }

  @Test
  void aCallOnAThreadWithoutObservationIsTheChildOfTheOnlyRunInProgressAndOfNoneWhenTwoAre() throws Exception {
    SyncListener listener = rig.obs.syncListener();
    ExecutorService runThread = Executors.newSingleThreadExecutor();
    try {
      SyncListener.RunScope a = runThread.submit(() ->
          listener.onRunStart(new SyncListener.RunStart("a", false, Instant.EPOCH))).get(30, TimeUnit.SECONDS);
      SyncListener.RunScope b = runThread.submit(() ->
          listener.onRunStart(new SyncListener.RunStart("b", false, Instant.EPOCH))).get(30, TimeUnit.SECONDS);
      rig.brex.users().me();
      runThread.submit(() -> b.failed(new IllegalStateException("b ends"))).get(30, TimeUnit.SECONDS);
      rig.brex.users().me();
      runThread.submit(() -> a.failed(new IllegalStateException("a ends"))).get(30, TimeUnit.SECONDS);
      rig.brex.users().me();
    } finally {
      runThread.shutdownNow();
    }
    List<SyncRunContext> runs = rig.contexts(SyncRunContext.class);
    List<HttpClientContext> calls = rig.contexts(HttpClientContext.class);
    assertThat(calls).hasSize(3);
    assertThat(calls.get(0).getParentObservation()).as("two runs: no guess").isNull();
    assertThat(calls.get(1).getParentObservation().getContextView()).as("only a").isSameAs(runs.get(0));
    assertThat(calls.get(2).getParentObservation()).as("no run").isNull();
  }
}
