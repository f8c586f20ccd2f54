package org.brexsync.connector.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.brexsync.connector.Integration;
import org.brexsync.connector.SinkType;
import org.brexsync.connector.fakes.FakeBrex;
import org.brexsync.connector.fakes.FakeOomnitza;
import org.brexsync.connector.filter.FilterRule;
import org.brexsync.connector.filter.RecordFilter;
import org.brexsync.connector.mapping.Mapping;
import org.brexsync.connector.state.InMemorySyncStateStore;
import org.brexsync.connector.port.RecordState;
import org.brexsync.connector.port.StateSession;
import org.brexsync.connector.port.SyncStateStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.brexsync.connector.port.BulkUpload;
import org.brexsync.connector.port.BulkResult;

/** The report tells the truth: what was written, what was not, what was seen twice, how far the run got. */
class RunTruthTest {
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

  SyncEngine.Builder engine(Integration in) {
    return SyncEngine.builder().integration(in).source(brex).sink(oomnitza).stateStore(state);
  }

  // ---------------------------------------------------------------- a Brex user listed twice

  @Test
  void aUserListedTwiceOnOnePageAndAcrossAPageBoundaryIsProcessedOnce() {
    brex.users.add(10, brex.users.get(5).deepCopy()); // twice on page 1
    brex.users.add(100, brex.users.get(99).deepCopy()); // last of page 1 (cuuser_00098), again first of page 2
    assertThat(brex.users.get(99).path("id").asText()).isEqualTo("cuuser_00098");
    SyncReport r = engine(integration().build()).build().run();
    assertThat(r.status()).as(r.summary()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(r.count(Situation.CREATE)).isEqualTo(250);
    assertThat(r.count(Situation.FAILED)).isZero();
    assertThat(oomnitza.creates.get()).isEqualTo(250);
    assertThat(oomnitza.size()).isEqualTo(250);
    assertThat(r.duplicates()).isEqualTo(2);
    assertThat(r.duplicateIds()).containsExactlyInAnyOrder("cuuser_00005", "cuuser_00098");
    assertThat(r.summary()).contains("Brex listed 2 users again in this run; each was processed once");
    assertThat(SyncReport.fromJson(r.toJson())).isEqualTo(r);
  }

  // ---------------------------------------------------------------- writes counted after the call

  @Test
  void writesThatNeverReachedOomnitzaAreNotCounted() {
    FakeOomnitza refusing = new FakeOomnitza() {
      @Override
      public synchronized BulkResult bulkUpload(BulkUpload upload) {
        throw new IllegalArgumentException("No field id known for external ids [brex_user_id]; add them to the FieldCatalog");
      }
    };
    SyncReport r = SyncEngine.builder().integration(integration().sink(SinkType.BULK).build()).source(brex).sink(refusing)
        .stateStore(state).build().run();
    assertThat(r.count(Situation.FAILED)).isEqualTo(250);
    assertThat(r.writes()).as("no write call reached Oomnitza").isZero();
    assertThat(r.recordWrites()).isEqualTo(WriteCounts.none());
    assertThat(refusing.finalized).as("nothing to finalize: Oomnitza never saw the portion").isEmpty();
    assertThat(r.reason()).hasValueSatisfying(m -> assertThat(m).startsWith("every bulk upload failed (5 portions)").contains("No field id known"));
    assertThat(r.summary()).contains("records written to Oomnitza: 0 sent, 0 accepted, 0 failed, 0 unverified");
  }

  @Test
  void recordsSentAndAcceptedAreCountedSeparately() {
    oomnitza.failWrite = u -> u.path("email").asText().equals("user5@acme.test");
    SyncReport r = engine(integration().build()).build().run();
    assertThat(r.recordWrites()).isEqualTo(WriteCounts.of(250, 249, 1, 0));
    assertThat(r.count(Situation.FAILED)).isEqualTo(1);
    assertThat(r.summary()).contains("records written to Oomnitza: 250 sent, 249 accepted, 1 failed, 0 unverified");
  }

  // ---------------------------------------------------------------- bulk per-record outcomes

  @Test
  void aRecordRejectedInsideABulkPortionFailsIsNotCommittedAndIsRetriedNextRun() {
    oomnitza.failWrite = u -> u.path("email").asText().equals("user7@acme.test");
    Integration in = integration().sink(SinkType.BULK).build();
    SyncReport r = engine(in).build().run();
    assertThat(r.status()).isEqualTo(RunStatus.COMPLETED_WITH_FAILURES);
    assertThat(r.count(Situation.CREATE)).isEqualTo(249);
    assertThat(r.outcomes(Situation.FAILED)).singleElement().satisfies(o -> {
      assertThat(o.sourceId()).isEqualTo("cuuser_00007");
      assertThat(o.reason()).contains("rejected by Oomnitza: rejected by fake");
    });
    assertThat(r.recordWrites()).isEqualTo(WriteCounts.of(250, 249, 1, 0));
    assertThat(state.size("test")).isEqualTo(249);

    oomnitza.failWrite = u -> false;
    SyncReport again = engine(in).build().run();
    assertThat(again.count(Situation.CREATE)).as("retried, not UNCHANGED").isEqualTo(1);
    assertThat(again.count(Situation.UNCHANGED)).isEqualTo(249);
    assertThat(oomnitza.by("email", "user7@acme.test")).isPresent();
  }

  @Test
  void bulkRecordsWithoutAPerRecordAnswerAreReportedUnverifiedAndCheckedAgainNextRun() {
    oomnitza.bulkAnswers = false;
    oomnitza.failWrite = u -> u.path("email").asText().equals("user7@acme.test");
    Integration in = integration().sink(SinkType.BULK).build();
    SyncReport r = engine(in).build().run();
    assertThat(r.recordWrites()).isEqualTo(WriteCounts.of(250, 0, 0, 250));
    assertThat(r.outcomes(Situation.CREATE)).allSatisfy(o -> assertThat(o.unverified()).isTrue());
    assertThat(r.bulkRunLog()).hasValueSatisfying(l -> assertThat(l).contains("not available from this sink; 250 records unverified"));
    assertThat(r.summary()).contains("0 accepted, 0 failed, 250 unverified").contains("CREATE (unverified) user0@acme.test");

    oomnitza.failWrite = u -> false;
    oomnitza.bulkAnswers = true;
    int finds = oomnitza.finds.get();
    SyncReport again = engine(in).build().run();
    assertThat(oomnitza.finds.get()).as("unverified records are correlated again").isGreaterThan(finds);
    assertThat(again.count(Situation.CREATE)).as("the record Oomnitza silently rejected is written again").isEqualTo(1);
    assertThat(again.count(Situation.UNCHANGED)).isEqualTo(249);
    assertThat(engine(in).build().run().httpCalls()).containsEntry("oomnitza", 0L);
  }

  // ---------------------------------------------------------------- Oomnitza failing every write

  @Test
  void engineRetriesComeOutOfOneBudgetForTheWholeRun() {
    oomnitza.failWrite = u -> true;
    Integration in = integration().safety(SafetyPolicy.builder().writeRetryBudget(5).maxConsecutiveWriteFailures(0).build()).build();
    SyncReport r = engine(in).build().run();
    assertThat(r.count(Situation.FAILED)).isEqualTo(250);
    assertThat(oomnitza.creates.get()).as("one attempt per record plus the run's 5 retries").isEqualTo(255);
    assertThat(r.writeRetries()).isEqualTo(5);
  }

  @Test
  void aRunOfTransientWriteFailuresStopsTheRunEarlyWithoutTouchingState() {
    oomnitza.failWrite = u -> true;
    Integration in = integration().safety(SafetyPolicy.builder().writeRetryBudget(5).maxConsecutiveWriteFailures(10).build()).build();
    SyncReport r = engine(in).build().run();
    assertThat(r.status()).isEqualTo(RunStatus.ABORTED);
    assertThat(r.reason()).hasValueSatisfying(m -> assertThat(m).contains("10 writes to Oomnitza in a row failed transiently")
        .contains("HTTP 500 from fake"));
    // At most the failures that opened the circuit, the budget, and the writes already in flight.
    assertThat(oomnitza.creates.get()).isLessThanOrEqualTo(10 + 5 + 4);
    assertThat(r.notAttempted()).isPositive();
    assertThat(r.processed() + r.notAttempted()).as("every record read is either reported or counted as not attempted")
        .isBetween(50L, 250L);
    assertThat(r.count(Situation.CREATE)).isZero();
    assertThat(state.size("test")).isZero();
    assertThat(r.summary()).contains("not attempted: " + r.notAttempted());
  }

  // ---------------------------------------------------------------- whatever fails, a report

  @Test
  void anOutOfMemoryErrorInTheEndOfRunStatePassEndsWithAReportAndAnAbortedBulkRun() {
    List<String> aborted = new CopyOnWriteArrayList<>();
    FakeOomnitza sink = new FakeOomnitza() {
      @Override
      public void abortBulk(String portion, String reason) {
        aborted.add(portion + ": " + reason);
      }
    };
    SyncStateStore failing = failingOn((session, phase) -> {
      if (phase.equals("forEach")) {
        throw new OutOfMemoryError("Java heap space (injected)");
      }
    });
    SyncReport r = reportOf(SyncEngine.builder().integration(integration().sink(SinkType.BULK).build()).source(brex).sink(sink)
        .stateStore(failing).build());
    assertThat(r.status()).isEqualTo(RunStatus.FAILED);
    assertThat(r.reason()).hasValueSatisfying(m -> assertThat(m)
        .contains("OutOfMemoryError: Java heap space (injected)")
        .contains("end-of-run pass over the sync state"));
    assertThat(aborted).singleElement().satisfies(a -> assertThat(a).startsWith(r.runId()).contains("OutOfMemoryError"));
    assertThat(sink.finalized).isEmpty();
    assertThat(r.count(Situation.CREATE)).isEqualTo(250);
  }

  @Test
  void anErrorOnAWriterThreadFailsTheRunWithAReportAndCommitsNothingForThatRecord() {
    FakeOomnitza sink = new FakeOomnitza() {
      @Override
      public ObjectNode createUser(ObjectNode fields) {
        if (fields.path("email").asText().equals("user3@acme.test")) {
          throw new OutOfMemoryError("injected");
        }
        return super.createUser(fields);
      }
    };
    SyncReport r = reportOf(SyncEngine.builder().integration(integration().build()).source(brex).sink(sink).stateStore(state).build());
    assertThat(r.status()).isEqualTo(RunStatus.FAILED);
    assertThat(r.reason()).hasValueSatisfying(m -> assertThat(m).contains("OutOfMemoryError: injected"));
    assertThat(state.size("test")).isLessThan(250);
    StateSession s = state.open("test", true);
    assertThat(s.get("cuuser_00003")).isEmpty();
    assertThat(s.lastSuccessfulRun()).isEmpty();
  }

  @Test
  void aFailingStateCommitEndsWithAFailedReportInsteadOfAnException() {
    SyncStateStore failing = failingOn((session, phase) -> {
      if (phase.equals("commit")) {
        throw new org.brexsync.connector.port.StateStoreException("disk full (injected)", null);
      }
    });
    SyncReport r = reportOf(SyncEngine.builder().integration(integration().build()).source(brex).sink(oomnitza).stateStore(failing).build());
    assertThat(r.status()).isEqualTo(RunStatus.FAILED);
    assertThat(r.reason()).hasValueSatisfying(m -> assertThat(m).contains("saving the sync state").contains("disk full (injected)"));
  }

  /**
   * Runs; a Throwable escaping the run fails the test as an assertion (JUnit would otherwise treat an
   * escaping OutOfMemoryError as fatal to the whole test JVM).
   */
  static SyncReport reportOf(SyncEngine engine) {
    try {
      return engine.run();
    } catch (Throwable t) {
      throw new AssertionError("the run threw instead of ending with a report: " + t, t);
    }
  }

  /** The in-memory store, with a hook called before the end-of-run pass (forEachUnseen) and commit. */
  private SyncStateStore failingOn(BiConsumer<StateSession, String> hook) {
    return (integration, readOnly) -> {
      StateSession d = state.open(integration, readOnly);
      return new StateSession() {
        @Override
        public java.util.Map<String, RecordState> get(java.util.Collection<String> sourceIds) {
          return d.get(sourceIds);
        }

        @Override
        public long size() {
          return d.size();
        }

        @Override
        public java.util.Set<String> markSeen(java.util.Collection<String> sourceIds) {
          return d.markSeen(sourceIds);
        }

        @Override
        public java.util.Map<String, String> claimKeys(java.util.Map<String, String> claims) {
          return d.claimKeys(claims);
        }

        @Override
        public void markTargetKeys(java.util.Collection<String> keys) {
          d.markTargetKeys(keys);
        }

        @Override
        public java.util.Set<String> targetKeys(java.util.Collection<String> keys) {
          return d.targetKeys(keys);
        }

        @Override
        public void put(String sourceId, RecordState s) {
          d.put(sourceId, s);
        }

        @Override
        public void remove(String sourceId) {
          d.remove(sourceId);
        }

        @Override
        public void forEach(BiConsumer<String, RecordState> visitor) {
          d.forEach(visitor);
        }

        @Override
        public void forEachUnseen(BiConsumer<String, RecordState> visitor) {
          hook.accept(d, "forEach");
          d.forEachUnseen(visitor);
        }

        @Override
        public Optional<Instant> lastSuccessfulRun() {
          return d.lastSuccessfulRun();
        }

        @Override
        public void flush() {
          d.flush();
        }

        @Override
        public void commit(Instant runStart) {
          hook.accept(d, "commit");
          d.commit(runStart);
        }

        @Override
        public void close() {
          d.close();
        }
      };
    };
  }

  // ---------------------------------------------------------------- progress

  static List<SyncProgress> progressOf(SyncEngine.Builder b) {
    List<SyncProgress> seen = new ArrayList<>();
    b.listener(new SyncListener() {
      @Override
      public void onProgress(SyncProgress p) {
        seen.add(p);
      }
    }).build().run();
    return seen;
  }

  @Test
  void progressNeverExceedsItsTotalWhenFiltersMakeTheLastRunsCountTooSmall() {
    for (int i = 0; i < 250; i += 5) {
      brex.users.get(i).put("status", "DISABLED");
    }
    Integration in = integration().filters(RecordFilter.of(FilterRule.includeIn("status", "ACTIVE"))).build();
    engine(in).build().run();
    assertThat(state.size("test")).isEqualTo(200);
    List<SyncProgress> second = progressOf(engine(in));
    assertThat(second).allSatisfy(p -> {
      assertThat(p.expectedTotal().orElse(Long.MAX_VALUE)).as(p.toString()).isGreaterThanOrEqualTo(p.processed());
      assertThat(p.fraction().orElse(0.0)).isLessThanOrEqualTo(1.0);
    });
    SyncProgress last = second.get(second.size() - 1);
    assertThat(last.processed()).isEqualTo(250);
    assertThat(last.expectedTotal()).contains(250L);
    assertThat(last.totalIsExact()).isTrue();
  }

  @Test
  void aFirstRunKnowsItsExactTotalOnceBrexListedItsLastPageAndSaysUnknownBefore() {
    List<SyncProgress> onePage = progressOf(engine(integration().pageSize(1000).build()));
    assertThat(onePage).allSatisfy(p -> {
      assertThat(p.expectedTotal()).contains(250L);
      assertThat(p.totalIsExact()).isTrue();
    });

    state = InMemorySyncStateStore.create();
    oomnitza = new FakeOomnitza();
    List<SyncProgress> pages = progressOf(engine(integration().pageSize(100).build()));
    assertThat(pages.get(0).expectedTotal()).as("page 1 of 3: no total is known yet").isEmpty();
    assertThat(pages.get(0).toString()).contains("total unknown");
    assertThat(pages.get(pages.size() - 1).expectedTotal()).contains(250L);
    assertThat(pages).allSatisfy(p -> assertThat(p.expectedTotal().orElse(Long.MAX_VALUE)).isGreaterThanOrEqualTo(p.processed()));
  }

  @Test
  void aSnapshotDropsATotalBelowWhatWasProcessed() {
    SyncProgress p = new SyncProgress(500, java.util.Map.of(), java.time.Duration.ofSeconds(1), Optional.of(441L), false);
    assertThat(p.expectedTotal()).isEmpty();
    assertThat(p.fraction()).isEmpty();
    assertThat(p.eta()).isEmpty();
    assertThat(p.toString()).startsWith("500 (total unknown)");
  }
}
