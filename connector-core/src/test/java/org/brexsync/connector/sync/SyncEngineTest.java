package org.brexsync.connector.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.brexsync.connector.Integration;
import org.brexsync.connector.IntegrationNotLaunchableException;
import org.brexsync.connector.SinkType;
import org.brexsync.connector.SyncMode;
import org.brexsync.connector.SyncPreference;
import org.brexsync.connector.fakes.FakeBrex;
import org.brexsync.connector.fakes.FakeOomnitza;
import org.brexsync.connector.filter.FilterRule;
import org.brexsync.connector.filter.RecordFilter;
import org.brexsync.connector.mapping.FieldChange;
import org.brexsync.connector.mapping.Mapping;
import org.brexsync.connector.mapping.MappingRule;
import org.brexsync.connector.state.InMemorySyncStateStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SyncEngineTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);
  FakeBrex brex;
  FakeOomnitza oomnitza;
  InMemorySyncStateStore state;

  @BeforeEach
  void setUp() {
    brex = new FakeBrex().addMany(250);
    oomnitza = new FakeOomnitza();
    state = InMemorySyncStateStore.create();
  }

  static org.brexsync.connector.Integration.Builder integration() {
    return Integration.builder().name("test").mapping(Mapping.standard(25)).batchSize(50).pageSize(100).concurrency(4);
  }

  SyncEngine engine(Integration in) {
    return SyncEngine.builder().integration(in).source(brex).sink(oomnitza).stateStore(state).clock(CLOCK).build();
  }

  SyncEngine engine() {
    return engine(integration().build());
  }

  @Test
  void coldSyncCreatesEveryUserWithOneCorrelationCallPerBatch() {
    SyncReport r = engine().run();
    assertThat(r.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(r.count(Situation.CREATE)).isEqualTo(250);
    assertThat(oomnitza.size()).isEqualTo(250);
    assertThat(oomnitza.finds.get()).isEqualTo(5);
    assertThat(oomnitza.by("email", "user7@acme.test").get().get("username").asText()).isEqualTo("cuuser_00007");
    assertThat(r.httpCalls()).containsEntry("brex", 3L).containsEntry("oomnitza", 255L).containsEntry("oomnitzaWrites", 250L);
    RecordOutcome first = r.outcomes().get(0);
    assertThat(first.situation()).isEqualTo(Situation.CREATE);
    assertThat(first.changes()).extracting(FieldChange::field).contains("username", "email", "role");
    assertThat(first.targetId()).isPresent();
  }

  @Test
  void reSyncWithoutChangesWritesAndReadsNothingInOomnitza() {
    engine().run();
    int finds = oomnitza.finds.get();
    int writes = oomnitza.writes();
    SyncReport r = engine().run();
    assertThat(r.count(Situation.UNCHANGED)).isEqualTo(250);
    assertThat(r.writes()).isZero();
    assertThat(oomnitza.writes()).isEqualTo(writes);
    assertThat(oomnitza.finds.get()).isEqualTo(finds);
    assertThat(r.outcomes()).isEmpty();
  }

  @Test
  void changedSourceFieldsUpdateOnlyThoseFields() {
    engine().run();
    brex.byId("cuuser_00003").put("last_name", "Hopper");
    SyncReport r = engine().run();
    assertThat(r.count(Situation.UPDATE)).isEqualTo(1);
    assertThat(r.count(Situation.UNCHANGED)).isEqualTo(249);
    RecordOutcome o = r.outcomes(Situation.UPDATE).get(0);
    assertThat(o.changes()).containsExactly(FieldChange.of("last_name", java.util.Optional.of(TextNode.valueOf("Last3")), java.util.Optional.of(TextNode.valueOf("Hopper"))));
    assertThat(oomnitza.updates.get()).isEqualTo(1);
    assertThat(oomnitza.by("email", "user3@acme.test").get().get("last_name").asText()).isEqualTo("Hopper");
  }

  @Test
  void existingOomnitzaUsersAreCorrelatedBySyncKeyNotDuplicated() {
    oomnitza.insert(JsonNodeFactory.instance.objectNode().put("email", "USER1@acme.test").put("first_name", "Old").put("phone", "1"));
    SyncReport r = engine().run();
    assertThat(r.count(Situation.CREATE)).isEqualTo(249);
    assertThat(r.count(Situation.UPDATE)).isEqualTo(1);
    assertThat(oomnitza.size()).isEqualTo(250);
  }

  @Test
  void createOnlySkipsExistingRecords() {
    oomnitza.insert(JsonNodeFactory.instance.objectNode().put("email", "user1@acme.test").put("first_name", "Old"));
    SyncReport r = engine(integration().preference(SyncPreference.CREATE_ONLY).build()).run();
    assertThat(r.count(Situation.CREATE)).isEqualTo(249);
    assertThat(r.count(Situation.SKIPPED)).isEqualTo(1);
    assertThat(r.outcomes(Situation.SKIPPED).get(0).reason()).contains("exists in Oomnitza and the preference is CREATE_ONLY");
    assertThat(oomnitza.by("email", "user1@acme.test").get().get("first_name").asText()).isEqualTo("Old");
  }

  @Test
  void updateOnlySkipsNewRecords() {
    oomnitza.insert(JsonNodeFactory.instance.objectNode().put("email", "user1@acme.test").put("first_name", "Old"));
    SyncReport r = engine(integration().preference(SyncPreference.UPDATE_ONLY).build()).run();
    assertThat(r.count(Situation.UPDATE)).isEqualTo(1);
    assertThat(r.count(Situation.SKIPPED)).isEqualTo(249);
    assertThat(oomnitza.size()).isEqualTo(1);
    assertThat(oomnitza.by("email", "user1@acme.test").get().get("first_name").asText()).isEqualTo("First1");
  }

  @Test
  void filtersSkipRecordsWithTheRuleAsReason() {
    brex.byId("cuuser_00001").put("status", "DISABLED");
    SyncReport r = engine(integration().filters(RecordFilter.of(FilterRule.includeIn("status", "ACTIVE", "INVITED"))).build()).run();
    assertThat(r.count(Situation.SKIPPED)).isEqualTo(1);
    assertThat(r.outcomes(Situation.SKIPPED).get(0).reason()).contains("filtered out by status IN [ACTIVE, INVITED]");
    assertThat(oomnitza.by("email", "user1@acme.test")).isEmpty();
  }

  @Test
  void dryRunReportsTheSameAsARealRunAndWritesNothing() {
    oomnitza.insert(JsonNodeFactory.instance.objectNode().put("email", "user1@acme.test").put("first_name", "Old"));
    SyncReport dry = engine().withDryRun(true).run();
    assertThat(oomnitza.size()).isEqualTo(1);
    assertThat(oomnitza.writes()).isZero();
    assertThat(state.size("test")).isZero();
    SyncReport real = engine().run();
    assertThat(dry.dryRun()).isTrue();
    assertThat(dry.totals()).isEqualTo(real.totals());
    assertThat(dry.outcomes()).usingElementComparatorIgnoringFields("targetId").isEqualTo(real.outcomes());
    assertThat(dry.writes()).isZero();
  }

  @Test
  void oneRecordFailureNeitherStopsTheRunNorCommitsItsState() {
    oomnitza.failWrite = u -> u.path("email").asText().equals("user5@acme.test");
    SyncReport r = engine().run();
    assertThat(r.status()).isEqualTo(RunStatus.COMPLETED_WITH_FAILURES);
    assertThat(r.count(Situation.CREATE)).isEqualTo(249);
    assertThat(r.count(Situation.FAILED)).isEqualTo(1);
    assertThat(r.outcomes(Situation.FAILED).get(0).reason().get()).contains("create failed: HTTP 500 from fake");
    assertThat(state.size("test")).isEqualTo(249);
    oomnitza.failWrite = u -> false;
    SyncReport again = engine().run();
    assertThat(again.count(Situation.CREATE)).isEqualTo(1);
    assertThat(again.count(Situation.UNCHANGED)).isEqualTo(249);
    assertThat(oomnitza.size()).isEqualTo(250);
  }

  @Test
  void mappingFailureAndMissingSyncKeyFailOnlyThatRecord() {
    brex.byId("cuuser_00002").remove("email");
    SyncReport r = engine().run();
    assertThat(r.count(Situation.FAILED)).isEqualTo(1);
    assertThat(r.outcomes(Situation.FAILED).get(0).reason()).contains("no value for the sync key 'email'");
    assertThat(r.count(Situation.CREATE)).isEqualTo(249);
  }

  @Test
  void duplicateSyncKeysInBrexAndAmbiguousOomnitzaMatchesFail() {
    brex.byId("cuuser_00002").put("email", "user1@acme.test");
    oomnitza.insert(JsonNodeFactory.instance.objectNode().put("email", "user3@acme.test"));
    oomnitza.insert(JsonNodeFactory.instance.objectNode().put("email", "user3@acme.test"));
    SyncReport r = engine().run();
    assertThat(r.outcomes(Situation.FAILED))
        .extracting(o -> o.reason().get())
        .containsExactlyInAnyOrder("duplicate sync key value in Brex (also used by cuuser_00001)", "2 Oomnitza users have email=user3@acme.test");
  }

  @Test
  void saasModeAssignsEverySyncedUserOnce() {
    Integration in = integration().mode(SyncMode.USER_PLUS_SAAS_USER).saasId("brex-app").build();
    engine(in).run();
    assertThat(oomnitza.saas.get("brex-app")).hasSize(250);
    int writes = oomnitza.writes();
    SyncReport again = engine(in).run();
    assertThat(again.writes()).isZero();
    assertThat(oomnitza.writes()).isEqualTo(writes);
  }

  @Test
  void bulkSinkUploadsOnePortionPerBatchAndFinalizesOnce() {
    Integration in = integration().sink(SinkType.BULK).build();
    SyncReport r = engine(in).run();
    assertThat(r.count(Situation.CREATE)).isEqualTo(250);
    assertThat(oomnitza.bulks.get()).isEqualTo(5);
    assertThat(oomnitza.finalized).containsExactly(r.runId());
    assertThat(oomnitza.size()).isEqualTo(250);
    SyncReport again = engine(in).run();
    assertThat(again.writes()).isZero();
    assertThat(oomnitza.finalized).hasSize(1);
  }

  @Test
  void reconcileCatchesEditsMadeInOomnitza() {
    engine().run();
    ObjectNode edited = oomnitza.by("email", "user9@acme.test").get();
    oomnitza.users.get(edited.get("uid").asText()).put("first_name", "Edited");
    assertThat(engine().run().count(Situation.UPDATE)).isZero();
    SyncReport r = engine(integration().reconcile(true).build()).run();
    assertThat(r.count(Situation.UPDATE)).isEqualTo(1);
    assertThat(oomnitza.by("email", "user9@acme.test").get().get("first_name").asText()).isEqualTo("First9");
  }

  @Test
  void guardAbortsWhenBrexReturnsNoUsers() {
    engine().run();
    brex.users.clear();
    SyncReport r = engine(integration().deprovisioning(DeprovisioningPolicy.suspend()).build()).run();
    assertThat(r.status()).isEqualTo(RunStatus.ABORTED);
    assertThat(r.reason().get()).contains("Brex returned no users");
    assertThat(oomnitza.users.values()).noneMatch(u -> u.has("suspended"));
    assertThat(state.size("test")).isEqualTo(250);
  }

  @Test
  void guardAbortsWhenTooManyKnownRecordsWouldChange() {
    engine().run();
    for (ObjectNode u : brex.users) {
      u.put("last_name", "Renamed");
    }
    int writes = oomnitza.writes();
    SyncReport r = engine(integration().safety(SafetyPolicy.builder().maxChangeShare(0.1).build()).build()).run();
    assertThat(r.status()).isEqualTo(RunStatus.ABORTED);
    assertThat(r.reason().get()).contains("would change 50 of 250 known records (more than 10%)");
    assertThat(oomnitza.writes()).isEqualTo(writes);
  }

  @Test
  void deprovisioningSuspendsDisabledAndGoneUsers() {
    Integration in = integration().deprovisioning(DeprovisioningPolicy.suspend()).build();
    engine(in).run();
    brex.byId("cuuser_00004").put("status", "DISABLED");
    brex.users.remove(brex.byId("cuuser_00006"));
    SyncReport r = engine(in).run();
    assertThat(r.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(r.deprovisioned()).isEqualTo(2);
    assertThat(oomnitza.by("email", "user4@acme.test").get().get("suspended")).isEqualTo(BooleanNode.TRUE);
    assertThat(oomnitza.by("email", "user6@acme.test").get().get("suspended")).isEqualTo(BooleanNode.TRUE);
    assertThat(oomnitza.by("email", "user5@acme.test").get().has("suspended")).isFalse();
    SyncReport again = engine(in).run();
    assertThat(again.writes()).isZero();
    assertThat(again.deprovisioned()).isZero();
  }

  @Test
  void deprovisioningCanSetAConfiguredField() {
    Integration in = integration().deprovisioning(DeprovisioningPolicy.setField("employee_status", "Left")).build();
    brex.byId("cuuser_00004").put("status", "ARCHIVED");
    engine(integration().build()).run();
    SyncReport r = engine(in).run();
    assertThat(r.outcomes(Situation.UPDATE)).singleElement().satisfies(o -> assertThat(o.deprovision()).isTrue());
    assertThat(oomnitza.by("email", "user4@acme.test").get().get("employee_status").asText()).isEqualTo("Left");
  }

  @Test
  void recordLimitProcessesOnlyTheFirstNAndStopsReading() {
    SyncReport r = engine(integration().recordLimit(30).build()).run();
    assertThat(r.count(Situation.CREATE)).isEqualTo(30);
    assertThat(brex.listCalls.get()).isLessThanOrEqualTo(2);
  }

  @Test
  void cancellationStopsTheRunAndCommitsNoRunButKeepsWrittenRecords() {
    RunControl control = RunControl.create();
    AtomicInteger pages = new AtomicInteger();
    brex.onListUsers = () -> {
      if (pages.incrementAndGet() == 2) {
        control.cancel();
      }
    };
    SyncReport r = engine().run(control);
    assertThat(r.status()).isEqualTo(RunStatus.CANCELLED);
    assertThat(r.processed()).isLessThan(250);
    assertThat(state.size("test")).isEqualTo(oomnitza.size());
  }

  @Test
  void sourceFailureFailsTheRunWithAReason() {
    brex.failPagesWith = new IllegalStateException("HTTP 401");
    SyncReport r = engine().run();
    assertThat(r.status()).isEqualTo(RunStatus.FAILED);
    assertThat(r.reason().get()).contains("reading Brex users failed").contains("HTTP 401");
  }

  @Test
  void progressListenerSeesCountsAndEveryOutcome() {
    List<SyncProgress> progress = new ArrayList<>();
    AtomicInteger outcomes = new AtomicInteger();
    SyncListener l = new SyncListener() {
      @Override
      public void onProgress(SyncProgress p) {
        progress.add(p);
      }

      @Override
      public void onRecord(RecordOutcome o) {
        outcomes.incrementAndGet();
      }
    };
    SyncEngine.builder().integration(integration().build()).source(brex).sink(oomnitza).stateStore(state).listener(l).build().run();
    assertThat(outcomes.get()).isEqualTo(250);
    assertThat(progress).hasSizeGreaterThanOrEqualTo(5);
    assertThat(progress.get(progress.size() - 1).processed()).isEqualTo(250);
    SyncEngine.builder().integration(integration().build()).source(brex).sink(oomnitza).stateStore(state).listener(l).build().run();
    assertThat(progress.get(progress.size() - 1).expectedTotal()).contains(250L);
  }

  @Test
  void reportHasReadableSummaryAndJsonThatRoundTrips() {
    brex.byId("cuuser_00002").remove("email");
    SyncReport r = engine().run();
    assertThat(r.summary())
        .contains("COMPLETED_WITH_FAILURES")
        .contains("created 249, updated 0, unchanged 0, skipped 0, failed 1")
        .contains("HTTP calls: Brex 3, Oomnitza 254 (writes 249)")
        .contains("FAILED cuuser_00002 (no value for the sync key 'email')");
    assertThat(SyncReport.fromJson(r.toJson()).equals(r)).as("JSON round trip").isTrue();
    assertThat(r.toJson()).contains("\"situation\" : \"CREATE\"");
  }

  @Test
  void reportKeepsAtMostTheConfiguredNumberOfOutcomes() {
    SyncReport r = SyncEngine.builder().integration(integration().build()).source(brex).sink(oomnitza).stateStore(state).maxReportedOutcomes(10).build().run();
    assertThat(r.outcomes()).hasSize(10);
    assertThat(r.outcomesTruncated()).isTrue();
    assertThat(r.count(Situation.CREATE)).isEqualTo(250);
  }

  @Test
  void draftIntegrationsDoNotRun() {
    Integration draft = Integration.builder().name("d").mapping(Mapping.builder().addRules(MappingRule.of("email", "email")).build()).build();
    assertThatThrownBy(() -> engine(draft)).isInstanceOf(IntegrationNotLaunchableException.class).hasMessageContaining("Username");
  }

  @Test
  void runsOfOneEngineNeverOverlap() throws Exception {
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    brex.onListUsers = () -> {
      inside.countDown();
      try {
        // bounded, so a test that never releases cannot leave the run (and the build) hanging
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
    SyncEngine e = engine();
    Thread t = new Thread(e::run, "first-run");
    t.setDaemon(true);
    t.start();
    try {
      assertThat(inside.await(30, TimeUnit.SECONDS)).as("the first run reached Brex").isTrue();
      assertThat(e.isRunning()).isTrue();
      assertThatThrownBy(e::run).isInstanceOf(SyncAlreadyRunningException.class);
      assertThatThrownBy(() -> e.withDryRun(true).run()).isInstanceOf(SyncAlreadyRunningException.class);
    } finally {
      release.countDown();
      t.join(TimeUnit.SECONDS.toMillis(30));
    }
    assertThat(t.isAlive()).as("the first run ended").isFalse();
    assertThat(e.isRunning()).isFalse();
  }

  @Test
  void managerEmailEnrichmentCostsAtMostOneCallPerUnseenManager() {
    for (ObjectNode u : brex.users) {
      u.put("manager_id", "cuuser_00000");
    }
    brex.byId("cuuser_00000").remove("manager_id");
    Integration in = integration().mapping(Mapping.standard(25).withRule(MappingRule.of("manager_email", "manager.email"))).build();
    SyncReport r = engine(in).run();
    assertThat(r.count(Situation.CREATE)).isEqualTo(250);
    assertThat(brex.getCalls.get()).isZero();
    assertThat(oomnitza.by("email", "user9@acme.test").get().get("manager_email").asText()).isEqualTo("user0@acme.test");
  }

  @Test
  void restWritesRunOnTheInjectedExecutorWithinTheConcurrencyBound() {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger maxInFlight = new AtomicInteger();
    AtomicInteger tasks = new AtomicInteger();
    FakeOomnitza counting = new FakeOomnitza() {
      @Override
      public ObjectNode createUser(ObjectNode fields) {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try {
          Thread.yield();
          return super.createUser(fields);
        } finally {
          inFlight.decrementAndGet();
        }
      }
    };
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
    try {
      SyncReport r = SyncEngine.builder()
          .integration(integration().concurrency(3).build())
          .source(brex)
          .sink(counting)
          .stateStore(state)
          .executor(cmd -> {
            tasks.incrementAndGet();
            pool.execute(cmd);
          })
          .build()
          .run();
      assertThat(r.count(Situation.CREATE)).isEqualTo(250);
      assertThat(tasks.get()).isEqualTo(250);
      assertThat(maxInFlight.get()).isBetween(1, 3);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void progressReportsRateAndEta() {
    SyncProgress p = new SyncProgress(50, java.util.Map.of(Situation.CREATE, 50L), java.time.Duration.ofSeconds(10), java.util.Optional.of(250L));
    assertThat(p.ratePerSecond()).isEqualTo(5.0);
    assertThat(p.eta()).contains(java.time.Duration.ofSeconds(40));
    assertThat(new SyncProgress(1, java.util.Map.of(), java.time.Duration.ofSeconds(1), java.util.Optional.empty()).eta()).isEmpty();
  }
}
