package org.brexsync.connector.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.brexsync.connector.Integration;
import org.brexsync.connector.SinkType;
import org.brexsync.connector.brex.BrexUserSource;
import org.brexsync.connector.oomnitza.OomnitzaUserSink;
import org.brexsync.connector.mapping.Mapping;
import org.brexsync.connector.mapping.MappingRule;
import org.brexsync.connector.state.InMemorySyncStateStore;
import org.brexsync.connector.sync.RecordOutcome;
import org.brexsync.connector.sync.RunStatus;
import org.brexsync.connector.sync.Situation;
import org.brexsync.connector.sync.SyncEngine;
import org.brexsync.connector.sync.SyncReport;
import org.brexsync.connector.sync.WriteCounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What Oomnitza really did with each write, against the simulators and the real clients. */
class WritesEndToEndTest {
  static final int USERS = 120;
  Sandbox box;

  @AfterEach
  void close() {
    if (box != null) {
      box.close();
    }
  }

  static Integration.Builder integration() {
    return Integration.builder()
        .name("e2e-writes")
        .mapping(Mapping.standard(25).withRule(MappingRule.of("brex_status", "status")))
        .batchSize(50)
        .pageSize(100)
        .concurrency(4);
  }

  /** A Brex user of the sandbox company, by index. */
  ObjectNode brexUser(int i) {
    return box.brex.company().orElseThrow().user(i);
  }

  /** An Oomnitza person holding {@code username}, so that creating the Brex user with that id clashes. */
  void occupyUsername(String username) {
    box.oomnitza.addUser(JsonNodeFactory.instance.objectNode().put("username", username).put("email", "someone-else@acme.example"));
  }

  @Test
  void aRecordOomnitzaRejectsInsideABulkPortionIsFailedWithItsReasonNotCommittedAndRetried() {
    box = new Sandbox(USERS);
    String id = brexUser(3).get("id").asText();
    occupyUsername(id);
    InMemorySyncStateStore store = InMemorySyncStateStore.create();
    Integration in = integration().sink(SinkType.BULK).build();

    SyncReport r = box.engine(in, store).build().run();
    assertThat(r.status()).as(r.summary()).isEqualTo(RunStatus.COMPLETED_WITH_FAILURES);
    assertThat(r.count(Situation.CREATE)).isEqualTo(USERS - 1);
    assertThat(r.outcomes(Situation.FAILED)).singleElement().satisfies(o -> {
      assertThat(o.sourceId()).isEqualTo(id);
      assertThat(o.reason()).hasValueSatisfying(m -> assertThat(m).startsWith("rejected by Oomnitza: ")
          .contains("unique field 'username' is already used"));
    });
    assertThat(r.recordWrites()).isEqualTo(WriteCounts.of(USERS, USERS - 1, 1, 0));
    assertThat(box.oomnitza.userBy("brex_user_id", id)).isEmpty();

    SyncReport again = box.engine(in, store).build().run();
    assertThat(again.count(Situation.UNCHANGED)).isEqualTo(USERS - 1);
    assertThat(again.outcomes(Situation.FAILED)).as("tried again, not UNCHANGED").extracting(RecordOutcome::sourceId).containsExactly(id);

    box.oomnitzaClient.users().delete(id);
    SyncReport fixed = box.engine(in, store).build().run();
    assertThat(fixed.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(fixed.outcomes(Situation.CREATE)).extracting(RecordOutcome::sourceId).containsExactly(id);
    assertThat(box.oomnitza.userBy("brex_user_id", id)).isPresent();
  }

  @Test
  void withoutPerRecordAnswersBulkRecordsAreUnverifiedAndOomnitzasRunLogNamesTheRejection() {
    box = new Sandbox(USERS, o -> o.bulkAnswerDetails(false));
    String id = brexUser(3).get("id").asText();
    occupyUsername(id);
    InMemorySyncStateStore store = InMemorySyncStateStore.create();
    Integration in = integration().sink(SinkType.BULK).build();

    SyncReport r = box.engine(in, store).build().run();
    assertThat(r.recordWrites()).isEqualTo(WriteCounts.of(USERS, 0, 0, USERS));
    assertThat(r.outcomes(Situation.CREATE)).hasSize(USERS).allSatisfy(o -> assertThat(o.unverified()).isTrue());
    assertThat(r.status()).isEqualTo(RunStatus.COMPLETED_WITH_FAILURES);
    assertThat(r.reason()).hasValueSatisfying(m -> assertThat(m).contains("run log reports 1 failed record(s)"));
    assertThat(r.bulkRunLog()).hasValueSatisfying(l -> assertThat(l).contains("failed 1").contains("already used"));

    SyncReport again = box.engine(in, store).build().run();
    assertThat(again.count(Situation.UNCHANGED)).as("the others are confirmed by correlation").isEqualTo(USERS - 1);
    assertThat(again.outcomes(Situation.CREATE)).as("the silently rejected one is sent again").extracting(RecordOutcome::sourceId)
        .containsExactly(id);
  }

  @Test
  void eachBulkPortionIsOnePostWhateverTheSizeOfTheFirstPortion() {
    box = new Sandbox(USERS);
    InMemorySyncStateStore store = InMemorySyncStateStore.create();
    box.engine(integration().sink(SinkType.BULK).build(), store).build().run();
    // Edits in Oomnitza: one person among the first 50 Brex users, all of the next 50.
    List<Integer> edited = new ArrayList<>(List.of(7));
    for (int i = 50; i < 100; i++) {
      edited.add(i);
    }
    for (int i : edited) {
      box.oomnitzaClient.users().update(brexUser(i).get("id").asText(),
          org.brexsync.oomnitza.OomnitzaRecord.builder().set("first_name", "Edited").build());
    }
    long posts = box.oomnitza.count("POST", "/api/v3/bulk");
    SyncReport r = box.engine(integration().sink(SinkType.BULK).reconcile(true).build(), store).build().run();
    assertThat(r.count(Situation.UPDATE)).isEqualTo(51);
    assertThat(box.oomnitza.count("POST", "/api/v3/bulk") - posts).as("a portion of 1, then a portion of 50").isEqualTo(2);
  }

  @Test
  void aBulkRunWhoseUploadsAllFailReportsTheUploadErrorsNotTheFinalize404() {
    box = new Sandbox(USERS);
    box.oomnitza.faults().on("POST", "/api/v3/bulk").failNext(100, 400);
    SyncReport r = box.engine(integration().sink(SinkType.BULK).build(), InMemorySyncStateStore.create()).build().run();
    assertThat(r.count(Situation.FAILED)).isEqualTo(USERS);
    assertThat(r.reason()).hasValueSatisfying(m -> assertThat(m).startsWith("every bulk upload failed (3 portions): bulk upload failed: ")
        .contains("400"));
    assertThat(r.outcomes(Situation.FAILED)).allSatisfy(o -> assertThat(o.reason()).hasValueSatisfying(m -> assertThat(m).contains("400")));
  }

  @Test
  void aBulkRunThatCannotEncodeItsRecordsSendsNothingAndCountsNoWrites() {
    box = new Sandbox(USERS);
    // The standard catalog has no field id for brex_user_id: no record can be encoded.
    SyncEngine engine = SyncEngine.builder().integration(integration().sink(SinkType.BULK).build())
        .source(BrexUserSource.of(box.brexClient)).sink(OomnitzaUserSink.of(box.oomnitzaClient))
        .stateStore(InMemorySyncStateStore.create()).build();
    SyncReport r = engine.run();
    assertThat(box.oomnitza.count("POST", "/api/v3/bulk")).isZero();
    assertThat(box.oomnitza.count("POST", "/api/v3/bulk/{portion}/finalize")).isZero();
    assertThat(r.writes()).isZero();
    assertThat(r.recordWrites()).isEqualTo(WriteCounts.none());
    assertThat(r.count(Situation.FAILED)).isEqualTo(USERS);
    assertThat(r.outcomes(Situation.FAILED)).allSatisfy(o -> assertThat(o.reason()).hasValueSatisfying(m -> assertThat(m)
        .startsWith("not sent to Oomnitza: No field id known for external ids [brex_user_id")));
    assertThat(r.reason()).hasValueSatisfying(m -> assertThat(m).startsWith("every bulk upload failed (3 portions)"));
  }

  @Test
  void oomnitzaFailingEveryWriteStopsTheRunEarlyInsteadOfTryingEveryRecordThreeTimes() {
    box = new Sandbox(USERS);
    box.oomnitza.faults().on("POST", "/api/v3/users").failNext(100_000, 500);
    Integration in = integration().safety(org.brexsync.connector.sync.SafetyPolicy.builder()
        .maxConsecutiveWriteFailures(10).writeRetryBudget(5).build()).build();
    SyncReport r = box.engine(in, InMemorySyncStateStore.create()).build().run();
    assertThat(r.status()).isEqualTo(RunStatus.ABORTED);
    assertThat(r.reason()).hasValueSatisfying(m -> assertThat(m).contains("10 writes to Oomnitza in a row failed transiently")
        .contains("HTTP 500"));
    // creates are not retried by the client after a 500; the engine stops after 10 in a row (+ its
    // 5 retries + the 4 writes in flight) instead of 3 attempts for each of the 120 people
    assertThat(box.oomnitza.count("POST", "/api/v3/users")).isLessThanOrEqualTo(10 + 5 + 4);
    assertThat(r.notAttempted()).isPositive();
    assertThat(r.recordWrites().accepted()).isZero();
    assertThat(box.oomnitza.userBy("brex_user_id", brexUser(0).get("id").asText())).isEmpty();
  }

  @Test
  void anUpdateThatRenamesThePersonAndLosesItsAnswerIsNotReportedFailed() {
    box = new Sandbox(USERS);
    // People created by hand in Oomnitza with their email as username; the sync renames them to the Brex id.
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      ObjectNode u = brexUser(i);
      ids.add(u.get("id").asText());
      String email = u.get("email").asText().toLowerCase();
      box.oomnitza.addUser(JsonNodeFactory.instance.objectNode().put("username", email).put("email", email));
    }
    // Oomnitza applies each rename, then the connection drops: the client's retry PATCHes the old username.
    box.oomnitza.faults().on("PATCH", "/api/v3/users/{ident}").resetAfterNext(3);
    SyncReport r = box.engine(integration().build(), InMemorySyncStateStore.create()).build().run();
    assertThat(r.status()).as(r.summary()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(r.count(Situation.FAILED)).isZero();
    assertThat(r.outcomes(Situation.UPDATE)).extracting(RecordOutcome::sourceId).containsExactlyInAnyOrderElementsOf(ids);
    for (String id : ids) {
      assertThat(box.oomnitza.userBy("brex_user_id", id).orElseThrow().get("username").asText()).isEqualTo(id);
    }
    assertThat(box.oomnitza.faults().injectedCount()).isEqualTo(3);
  }
}
