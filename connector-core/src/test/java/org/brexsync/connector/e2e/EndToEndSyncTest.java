package org.brexsync.connector.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.brexsync.connector.ImmutableIntegration;
import org.brexsync.connector.Integration;
import org.brexsync.connector.SinkType;
import org.brexsync.connector.SyncMode;
import org.brexsync.connector.SyncPreference;
import org.brexsync.connector.filter.FilterRule;
import org.brexsync.connector.filter.RecordFilter;
import org.brexsync.connector.mapping.Mapping;
import org.brexsync.connector.mapping.MappingRule;
import org.brexsync.connector.state.FileSyncStateStore;
import org.brexsync.connector.state.InMemorySyncStateStore;
import org.brexsync.connector.sync.RunStatus;
import org.brexsync.connector.sync.SafetyPolicy;
import org.brexsync.connector.sync.Situation;
import org.brexsync.connector.sync.SyncListener;
import org.brexsync.connector.sync.SyncReport;
import org.brexsync.connector.sync.RecordOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EndToEndSyncTest {
  static final int USERS = 120;
  Sandbox box = new Sandbox(USERS);
  @TempDir Path dir;

  @AfterEach
  void close() {
    box.close();
  }

  static ImmutableIntegration.Builder integration() {
    return Integration.builder()
        .name("e2e")
        .mapping(Mapping.standard(25).withRule(MappingRule.of("brex_status", "status")).withRule(MappingRule.of("position", "title.name")))
        .batchSize(50)
        .pageSize(100)
        .concurrency(4);
  }

  long writes() {
    return box.oomnitza.users().stream().filter(u -> u.hasNonNull("brex_user_id")).count();
  }

  @Test
  void coldSyncThenNoChangeResyncWithZeroWrites() {
    FileSyncStateStore store = FileSyncStateStore.at(dir);
    SyncReport cold = box.engine(integration().build(), store).build().run();
    int brexUsers = box.brex.userCount();
    assertThat(cold.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(cold.count(Situation.CREATE)).isEqualTo(brexUsers);
    assertThat(box.oomnitza.userCount()).isGreaterThanOrEqualTo(brexUsers);
    ObjectNode any = box.brex.user(box.brex.adminUserId()).get();
    ObjectNode inOomnitza = box.oomnitza.userBy("brex_user_id", any.get("id").asText()).get();
    assertThat(inOomnitza.get("username").asText()).isEqualTo(any.get("id").asText());
    assertThat(inOomnitza.get("email").asText()).isEqualTo(any.get("email").asText().toLowerCase());
    assertThat(inOomnitza.path("position").asText()).isNotBlank();

    String stateBefore = box.oomnitza.users().toString();
    SyncReport again = box.engine(integration().build(), store).build().run();
    assertThat(again.count(Situation.UNCHANGED)).isEqualTo(brexUsers);
    assertThat(again.writes()).isZero();
    assertThat(again.httpCalls()).containsEntry("oomnitza", 0L);
    assertThat(box.oomnitza.users().toString()).isEqualTo(stateBefore);
  }

  @Test
  void changedBrexFieldsUpdateOnlyThoseFields() {
    InMemorySyncStateStore store = InMemorySyncStateStore.create();
    box.engine(integration().build(), store).build().run();
    String id = box.brex.adminUserId();
    box.brex.setUserStatus(id, "DISABLED");
    SyncReport r = box.engine(integration().build(), store).build().run();
    assertThat(r.count(Situation.UPDATE)).as(r.summary()).isEqualTo(1);
    RecordOutcome o = r.outcomes(Situation.UPDATE).get(0);
    assertThat(o.sourceId()).isEqualTo(id);
    assertThat(o.changes()).singleElement().satisfies(c -> {
      assertThat(c.field()).isEqualTo("brex_status");
      assertThat(c.to().get().asText()).isEqualTo("DISABLED");
    });
    assertThat(box.oomnitza.userBy("brex_user_id", id).get().get("brex_status").asText()).isEqualTo("DISABLED");
    assertThat(r.writes()).isEqualTo(1);
  }

  @Test
  void createOnlyAndUpdateOnlyAgainstPreexistingPeople() {
    String adminId = box.brex.adminUserId();
    String adminEmail = box.brex.user(adminId).get().get("email").asText().toLowerCase();
    box.oomnitza.addUser(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
        .put("username", "preexisting").put("email", adminEmail).put("first_name", "Old"));
    SyncReport updateOnly = box.engine(integration().preference(SyncPreference.UPDATE_ONLY).build(), InMemorySyncStateStore.create()).build().run();
    assertThat(updateOnly.count(Situation.UPDATE)).isEqualTo(1);
    assertThat(updateOnly.count(Situation.SKIPPED)).isEqualTo(box.brex.userCount() - 1);
    assertThat(box.oomnitza.userCount()).isEqualTo(1 + baseline());
    SyncReport createOnly = box.engine(integration().preference(SyncPreference.CREATE_ONLY).build(), InMemorySyncStateStore.create()).build().run();
    assertThat(createOnly.count(Situation.CREATE)).isEqualTo(box.brex.userCount() - 1);
    assertThat(createOnly.count(Situation.UNCHANGED)).isEqualTo(1);
  }

  private int baseline() {
    return (int) box.oomnitza.users().stream().filter(u -> !u.hasNonNull("brex_user_id") && !"preexisting".equals(u.path("username").asText())).count();
  }

  @Test
  void saasModeAssignsSyncedPeopleAsSaasUsers() {
    String saasId = box.oomnitza.saasId("Brex");
    Integration in = integration().mode(SyncMode.USER_PLUS_SAAS_USER).saasId(saasId).filters(RecordFilter.of(FilterRule.includeIn("status", "ACTIVE"))).build();
    InMemorySyncStateStore store = InMemorySyncStateStore.create();
    SyncReport r = box.engine(in, store).build().run();
    assertThat(r.count(Situation.CREATE)).isEqualTo(r.processed() - r.count(Situation.SKIPPED));
    assertThat(box.oomnitza.saasUsers()).hasSize((int) r.count(Situation.CREATE));
    assertThat(box.engine(in, store).build().run().writes()).isZero();
    assertThat(box.oomnitza.saasUsers()).hasSize((int) r.count(Situation.CREATE));
    assertThat(r.count(Situation.CREATE)).isPositive();
  }

  @Test
  void dryRunReportEqualsRealRunAndWritesNothing() {
    // Filtered-out users are decided before their batch is written: the report still lists every
    // record in the same order as the dry run, although real writes overlap later batches.
    Integration in = integration().filters(RecordFilter.of(FilterRule.includeIn("status", "ACTIVE", "INVITED"))).build();
    SyncReport dry = box.engine(in, InMemorySyncStateStore.create()).dryRun(true).build().run();
    assertThat(writes()).isZero();
    SyncReport real = box.engine(in, InMemorySyncStateStore.create()).build().run();
    assertThat(real.count(Situation.SKIPPED)).isPositive();
    assertThat(dry.totals()).isEqualTo(real.totals());
    assertThat(dry.outcomes()).usingElementComparatorIgnoringFields("targetId").isEqualTo(real.outcomes());
  }

  @Test
  void bulkSinkRunIsFinalizedAndVisibleInRunLogs() {
    InMemorySyncStateStore store = InMemorySyncStateStore.create();
    SyncReport r = box.engine(integration().sink(SinkType.BULK).build(), store).build().run();
    assertThat(r.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(box.oomnitza.userBy("brex_user_id", box.brex.adminUserId())).isPresent();
    assertThat(box.oomnitza.run(r.runId())).isPresent();
    assertThat(box.oomnitza.run(r.runId()).get().path("status").asText()).isEqualTo("Completed");
    assertThat(box.oomnitza.run(r.runId()).get().path("objects").path("added").asInt()).isEqualTo(box.brex.userCount());
    assertThat(box.engine(integration().sink(SinkType.BULK).build(), store).build().run().writes()).isZero();
  }

  @Test
  void runUnderInjectedFaultsEndsInTheSameStateAsACleanRun() {
    Map<String, String> clean;
    try (Sandbox reference = new Sandbox(USERS)) {
      reference.engine(integration().build(), InMemorySyncStateStore.create()).build().run();
      clean = Sandbox.project(reference.oomnitza.users(), "username", "email", "first_name", "last_name", "role", "brex_status", "position");
    }
    box.brex.faults().seed(7).errorRate(0.04, 500, 502, 503).rateLimitRate(0.03).resetRate(0.03);
    box.oomnitza.faults().seed(11).errorRate(0.04, 500, 502, 503).rateLimitRate(0.03).resetRate(0.03);
    InMemorySyncStateStore store = InMemorySyncStateStore.create();
    SyncReport faulty = box.engine(integration().build(), store).build().run();
    assertThat(box.brex.faults().injectedCount() + box.oomnitza.faults().injectedCount()).isPositive();
    // A create failing with a 5xx or reset is not retried blindly by the client; the engine looks the
    // person up by the sync key before creating again, so one run converges without duplicates.
    assertThat(faulty.status()).as(faulty.summary()).isEqualTo(RunStatus.SUCCEEDED);
    Map<String, String> actual = Sandbox.project(box.oomnitza.users(), "username", "email", "first_name", "last_name", "role", "brex_status", "position");
    java.util.Set<String> differing = new java.util.TreeSet<>();
    clean.forEach((k, v) -> { if (!v.equals(actual.get(k))) differing.add(k + ": " + v + " != " + actual.get(k)); });
    actual.forEach((k, v) -> { if (!clean.containsKey(k)) differing.add("extra " + k + ": " + v); });
    assertThat(differing).as(faulty.summary()).isEmpty();
  }

  @Test
  void crashMidRunThenReRunConvergesWithoutDuplicates() {
    Integration in = integration().build();
    AtomicInteger batches = new AtomicInteger();
    SyncListener crashAfterTwoBatches = new SyncListener() {
      @Override
      public void onProgress(org.brexsync.connector.sync.SyncProgress p) {
        if (batches.incrementAndGet() == 2) {
          throw new Crash();
        }
      }
    };
    FileSyncStateStore store = FileSyncStateStore.at(dir);
    // The run fails after two batches: like a crash, nothing is committed (the engine turns the Error
    // into a FAILED report; the journal holds what was written).
    SyncReport crashed = box.engine(in, store).listener(crashAfterTwoBatches).build().run();
    assertThat(crashed.status()).isEqualTo(RunStatus.FAILED);
    assertThat(crashed.reason()).hasValueSatisfying(m -> assertThat(m).contains("Crash"));
    int afterCrash = box.oomnitza.userCount();
    long afterCrashSynced = box.oomnitza.users().stream().filter(u -> u.hasNonNull("brex_user_id")).count();
    SyncReport rerun = box.engine(in, FileSyncStateStore.at(dir)).build().run();
    assertThat(rerun.status()).isEqualTo(RunStatus.SUCCEEDED);
    // The two finished batches are known from the journal; writes that were in flight when the
    // process died are found by correlation (UNCHANGED), the rest are created: nothing twice.
    assertThat(rerun.count(Situation.UNCHANGED)).isGreaterThanOrEqualTo(100);
    assertThat(rerun.count(Situation.UNCHANGED) + rerun.count(Situation.CREATE)).isEqualTo(box.brex.userCount());
    assertThat(rerun.count(Situation.CREATE)).isEqualTo(box.brex.userCount() - afterCrashSynced);
    assertThat(Sandbox.project(box.oomnitza.users(), "email").values()).noneMatch(v -> v.contains("DUPLICATE"));
    assertThat(box.oomnitza.userCount()).isEqualTo(afterCrash + (int) rerun.count(Situation.CREATE));
    assertThat(box.oomnitza.users().stream().filter(u -> u.hasNonNull("brex_user_id")).count()).isEqualTo(box.brex.userCount());
    assertThat(box.engine(in, FileSyncStateStore.at(dir)).build().run().writes()).isZero();
  }

  /** Simulates the process dying mid-run: an Error from the listener. */
  static final class Crash extends Error {
    private static final long serialVersionUID = 1L;
  }

  @Test
  void guardStopsARunThatWouldChangeMostKnownPeople() {
    InMemorySyncStateStore store = InMemorySyncStateStore.create();
    box.engine(integration().build(), store).build().run();
    Integration newRole = integration().mapping(integration().build().mapping().withRule(MappingRule.constant("role", 7)))
        .safety(SafetyPolicy.builder().maxChangeShare(0.2).build()).build();
    SyncReport r = box.engine(newRole, store).build().run();
    assertThat(r.status()).isEqualTo(RunStatus.ABORTED);
    assertThat(r.reason().get()).contains("guard");
    assertThat(r.writes()).isZero();
    assertThat(box.oomnitza.users()).allMatch(u -> !u.hasNonNull("brex_user_id") || u.path("role").asInt() == 25);
  }

  @Test
  void deprovisioningSuspendsPeopleDisabledInBrex() {
    Integration in = integration().deprovisioning(org.brexsync.connector.sync.DeprovisioningPolicy.suspend()).build();
    InMemorySyncStateStore store = InMemorySyncStateStore.create();
    box.engine(in, store).build().run();
    String id = box.brex.adminUserId();
    box.brex.setUserStatus(id, "DISABLED");
    SyncReport r = box.engine(in, store).build().run();
    assertThat(r.deprovisioned()).isEqualTo(1);
    assertThat(r.outcomes(Situation.UPDATE)).singleElement().satisfies(o -> assertThat(o.deprovision()).isTrue());
    assertThat(box.oomnitza.userBy("brex_user_id", id).get().get("suspended").asBoolean()).isTrue();
    assertThat(box.engine(in, store).build().run().writes()).isZero();
  }
}
