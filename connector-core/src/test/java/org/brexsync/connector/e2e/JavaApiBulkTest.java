package org.brexsync.connector.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.brexsync.connector.Integration;
import org.brexsync.connector.SinkType;
import org.brexsync.connector.mapping.Mapping;
import org.brexsync.connector.state.InMemorySyncStateStore;
import org.brexsync.connector.sync.RunStatus;
import org.brexsync.connector.sync.Situation;
import org.brexsync.connector.sync.SyncEngine;
import org.brexsync.connector.sync.SyncReport;
import org.brexsync.testkit.OomnitzaSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * BULK from the Java API ({@code SyncEngine.Builder.oomnitzaClient}): the bulk API keys records by
 * Field ID, and {@code brex_user_id} (a custom field of the standard mapping) has a tenant-specific
 * one. The engine finds it as the CLI does: the tenant's data model, or the integration's fieldIds.
 */
class JavaApiBulkTest {
  Sandbox box = new Sandbox(40);

  @AfterEach
  void close() {
    box.close();
  }

  private SyncEngine engine(Integration in) {
    return SyncEngine.builder().integration(in).brexClient(box.brexClient).oomnitzaClient(box.oomnitzaClient)
        .stateStore(InMemorySyncStateStore.create()).build();
  }

  @Test
  void customFieldsAreSentWithTheFieldIdsOomnitzaServes() {
    Integration in = Integration.builder().name("bulk-api").mapping(Mapping.standard(25)).sink(SinkType.BULK).build();

    SyncReport r = engine(in).run();

    assertThat(r.status()).as(r.summary()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(r.count(Situation.CREATE)).isEqualTo(box.brex.userCount());
    String id = box.brex.adminUserId();
    assertThat(box.oomnitza.userBy("brex_user_id", id)).isPresent();
  }

  @Test
  void withoutTheServedDataModelTheIntegrationsFieldIdsAreUsed() {
    box.oomnitza.faults().on("GET", "/api/v3/users/meta").failNext(10, 404);
    Integration in = Integration.builder().name("bulk-api").mapping(Mapping.standard(25)).sink(SinkType.BULK)
        .putFieldIds("brex_user_id", OomnitzaSimulator.customFieldId("brex_user_id")).build();

    SyncReport r = engine(in).run();

    assertThat(r.status()).as(r.summary()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(box.oomnitza.userBy("brex_user_id", box.brex.adminUserId())).isPresent();
  }

  @Test
  void portionsOfOneRunAreUploadedConcurrentlyAndEachReadsItsOwnAnswer() {
    box.oomnitza.faults().latency(java.time.Duration.ofMillis(30));
    Integration in = Integration.builder().name("bulk-api").mapping(Mapping.standard(25)).sink(SinkType.BULK)
        .batchSize(5).concurrency(4).build();

    SyncReport r = engine(in).run();

    assertThat(r.status()).as(r.summary()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(r.recordWrites().accepted()).as("every record vouched for by its own portion's answer")
        .isEqualTo(box.brex.userCount());
    assertThat(box.oomnitza.run(r.runId()).get().path("objects").path("added").asInt()).isEqualTo(box.brex.userCount());
    assertThat(box.oomnitza.run(r.runId()).get().path("status").asText()).isEqualTo("Completed");
  }

  @Test
  void aFirstRunReadsTheSyncKeysOomnitzaHoldsInPagesAndLooksUpOnlyThoseBrexHasToo() {
    for (int i = 0; i < 2500; i++) {
      box.oomnitza.addUser(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
          .put("username", "other" + i).put("email", "other" + i + "@elsewhere.example"));
    }
    String adminEmail = box.brex.user(box.brex.adminUserId()).get().get("email").asText().toLowerCase();
    box.oomnitza.addUser(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
        .put("username", "admin-before").put("email", adminEmail).put("first_name", "Before"));
    Integration in = Integration.builder().name("bulk-api").mapping(Mapping.standard(25)).sink(SinkType.BULK).build();

    SyncReport r = engine(in).run();

    assertThat(r.status()).as(r.summary()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(r.count(Situation.CREATE)).isEqualTo(box.brex.userCount() - 1);
    assertThat(r.count(Situation.UPDATE)).isEqualTo(1);
    assertThat(box.oomnitza.count("GET", "/api/v3/users")).as("3 pages of keys + 1 lookup (the admin's batch)").isEqualTo(4);
    assertThat(box.oomnitza.userCount()).isEqualTo(2501 + box.brex.userCount() - 1);
  }
}
