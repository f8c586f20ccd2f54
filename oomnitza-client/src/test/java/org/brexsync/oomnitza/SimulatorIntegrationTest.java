package org.brexsync.oomnitza;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.brexsync.oomnitza.bulk.BulkRecord;
import org.brexsync.oomnitza.bulk.BulkRun;
import org.brexsync.oomnitza.bulk.BulkRunOptions;
import org.brexsync.oomnitza.bulk.BulkRunResult;
import org.brexsync.oomnitza.bulk.ConnectorRef;
import org.brexsync.oomnitza.bulk.RunLogDetails;
import org.brexsync.oomnitza.bulk.RunLogEntry;
import org.brexsync.oomnitza.filter.Filter;
import org.brexsync.oomnitza.saas.SaasActivationResult;
import org.brexsync.oomnitza.saas.SaasAssignment;
import org.brexsync.oomnitza.saas.SaasUserQuery;
import org.brexsync.testkit.OomnitzaSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Behaviour against the testkit's Oomnitza simulator (written from the specs, not from this client). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimulatorIntegrationTest {
  private static final FieldCatalog CATALOG = FieldCatalog.standardUsers().toBuilder()
      .put(ExternalId.of("brex_user_id"), FieldId.of(OomnitzaSimulator.customFieldId("brex_user_id")))
      .build();

  private OomnitzaSimulator sim;
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  @BeforeAll
  void start() {
    sim = OomnitzaSimulator.start();
  }

  @AfterAll
  void stop() {
    sim.close();
  }

  @BeforeEach
  void reset() {
    sim.reset();
    sleeps.clear();
  }

  private OomnitzaClient.Builder builder() {
    return OomnitzaClient.builder().baseUri(sim.baseUri()).apiToken(sim.apiToken())
        .sleeper(sleeps::add).jitterSource(() -> 0.0);
  }

  private OomnitzaClient client() {
    return builder().build();
  }

  private static ObjectNode user(int i) {
    ObjectNode u = JsonNodeFactory.instance.objectNode();
    u.put("username", "user" + i);
    u.put("email", "user" + i + "@acme.com");
    u.put("first_name", "First" + i);
    u.put("last_name", "Last" + i);
    u.put("brex_user_id", "cuuser_" + i);
    return u;
  }

  // ------------------------------------------------------------------------------- data model

  @Test
  void fieldCatalogFromTheSimulatorTranslatesBulkKeysOfCustomFields() {
    FieldCatalog served = client().users().fieldCatalog();

    assertThat(served.fieldId(ExternalId.of("brex_user_id"))).isEqualTo(CATALOG.fieldId(ExternalId.of("brex_user_id")));
    assertThat(served.fieldId(ExternalId.of("username"))).contains(FieldId.USER);
    assertThat(served.fieldId(ExternalId.of("role"))).contains(FieldId.PERMISSIONS_ID);
  }

  // ------------------------------------------------------------------------------- users

  @Test
  void usersCrudRoundTrip() {
    OomnitzaClient c = client();
    OomnitzaUser created = c.users().create(OomnitzaUser.builder()
        .username("jdoe").email("jdoe@acme.com").firstName("Jane").lastName("Doe")
        .set("brex_user_id", "cuuser_42").build());
    assertThat(created.uid()).isPresent();
    assertThat(sim.userBy("email", "jdoe@acme.com")).isPresent();

    assertThat(c.users().findByEmail("jdoe@acme.com")).map(u -> u.username().orElseThrow()).contains("jdoe");
    assertThat(c.users().find(ExternalId.of("brex_user_id"), "cuuser_42")).isPresent();
    assertThat(c.users().get(c.users().identOf(created))).isPresent();

    OomnitzaUser updated = c.users().update("jdoe", OomnitzaRecord.builder().set("position", "Engineer").build());
    assertThat(updated.position()).contains("Engineer");
    assertThat(sim.userBy("username", "jdoe").orElseThrow().get("position").asText()).isEqualTo("Engineer");

    c.users().update("jdoe", OomnitzaRecord.builder().setNull("position").build());
    assertThat(c.users().get("jdoe").orElseThrow().position()).isEmpty();

    c.users().delete("jdoe");
    assertThat(c.users().get("jdoe")).isEmpty();
    assertThat(sim.userCount()).isZero();
  }

  @Test
  void oneClientIsSafeToShareAcrossThreads() throws Exception {
    OomnitzaClient c = client();
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<?>> fs = new java.util.ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int base = t * 25;
        fs.add(pool.submit(() -> {
          for (int i = base; i < base + 25; i++) {
            c.users().create(OomnitzaUser.builder().username("t" + i).email("t" + i + "@acme.com").build());
            assertThat(c.users().findByUsername("t" + i)).isPresent();
          }
          return null;
        }));
      }
      for (java.util.concurrent.Future<?> f : fs) {
        f.get(30, java.util.concurrent.TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(sim.userCount()).isEqualTo(100);
    assertThat(c.users().list(ListQuery.builder().pageSize(30).build()).toList()).hasSize(100);
  }

  @Test
  void listPagesThroughAllUsersLazily() {
    sim.seedUsers(IntStream.range(0, 250).mapToObj(SimulatorIntegrationTest::user));
    java.util.Iterator<OomnitzaUser> it = client().users()
        .list(ListQuery.builder().pageSize(100).sortBy(Sort.asc("username")).build()).iterator();
    assertThat(sim.count("GET", "/api/v3/users")).as("nothing fetched before iteration").isZero();
    List<String> names = new java.util.ArrayList<>();
    while (it.hasNext()) {
      names.add(it.next().username().orElseThrow());
      // lazily: the page holding user n is requested when user n is reached, not before
      assertThat(sim.count("GET", "/api/v3/users")).as("pages fetched at user %d", names.size())
          .isEqualTo((names.size() + 99) / 100);
    }
    assertThat(names).hasSize(250).doesNotHaveDuplicates();
    assertThat(sim.count("GET", "/api/v3/users")).isEqualTo(3);
  }

  @Test
  void filtersSelectExactlyTheIntendedUsers() {
    sim.seedUsers(IntStream.range(0, 20).mapToObj(SimulatorIntegrationTest::user));
    OomnitzaClient c = client();
    assertThat(c.users().findAll(Filter.in("username", "user1", "user2", "nobody"))).hasSize(2);
    assertThat(c.users().findAll(Filter.like("username", "user1%"))).hasSize(11);
    assertThat(c.users().findAll(Filter.eq("username", "user1").or(Filter.eq("username", "user2")))).hasSize(2);
    assertThat(c.users().findAll(Filter.isNull("position"))).hasSize(20);
    assertThat(c.users().list(ListQuery.builder().filter(Filter.like("username", "user%"))
        .addFields(OomnitzaUser.USERNAME).build()).toList())
        .allSatisfy(u -> assertThat(u.email()).isEmpty());
  }

  @Test
  void hostileValuesNeitherBreakNorWidenAQuery() {
    sim.seedUsers(IntStream.range(0, 5).mapToObj(SimulatorIntegrationTest::user));
    String hostile = "O\"Brien & 100% ' \\ Zoë";
    OomnitzaClient c = client();
    c.users().create(OomnitzaUser.builder().username("ob").email("ob@acme.com").lastName(hostile).build());

    assertThat(c.users().findAll(Filter.eq("last_name", hostile)))
        .extracting(u -> u.username().orElseThrow()).containsExactly("ob");
    assertThat(c.users().findAll(Filter.eq("last_name", "x\" or username like \"%"))).isEmpty();
    assertThat(c.users().findAll(Filter.eq("last_name", "%"))).isEmpty();
  }

  @Test
  void validationErrorsCarryTheServersReason() {
    OomnitzaClient c = client();
    c.users().create(OomnitzaUser.builder().username("dup").email("dup@acme.com").build());
    assertThatThrownBy(() -> c.users().create(OomnitzaUser.builder().username("dup2").email("dup@acme.com").build()))
        .isInstanceOfSatisfying(OomnitzaValidationException.class, e -> assertThat(e.errorMessage()).isPresent());
    assertThatThrownBy(() -> c.users().create(OomnitzaUser.builder().username("x").set("no_such_field", "1").build()))
        .isInstanceOf(OomnitzaValidationException.class);
    c.users().create(OomnitzaUser.builder().username("x").set("no_such_field", "1").build(),
        RequestOptions.builder().allowUnknownMetaFields(true).build());
  }

  @Test
  void passwordLoginAndReloginAfterTheTokenIsRevoked() {
    sim.addAccount("integration", "s3cret pw");
    OomnitzaClient c = OomnitzaClient.builder().baseUri(sim.baseUri()).credentials("integration", "s3cret pw").build();
    c.verifyCredentials();
    assertThat(sim.count("POST", "/api/request_token")).isEqualTo(1);
    // Revoke the token the client obtained, as a token refresh in the Oomnitza UI would.
    String issued = sim.requests().stream().filter(r -> r.path().equals("/api/v2/mappings")).findFirst().orElseThrow()
        .headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("Authorization2"))
        .findFirst().orElseThrow().getValue().get(0);
    sim.revokeToken(issued);

    c.verifyCredentials();

    assertThat(sim.count("POST", "/api/request_token")).isEqualTo(2);
  }

  @Test
  void aWrongTokenIsAnAuthenticationError() {
    OomnitzaClient c = OomnitzaClient.builder().baseUri(sim.baseUri()).apiToken("wrong-token").build();
    assertThatThrownBy(c::verifyCredentials)
        .isInstanceOf(OomnitzaAuthenticationException.class)
        .hasMessageNotContaining("wrong-token");
  }

  @Test
  void transientFailuresAreRetried() {
    sim.faults().failNext(2, 503);
    assertThat(client().users().list().toList()).isEmpty();
    assertThat(sleeps).hasSize(2);
  }

  @Test
  void aGarbledPageIsRetriedLikeA5xxSoTheListingCompletes() {
    sim.seedUsers(IntStream.range(0, 7).mapToObj(SimulatorIntegrationTest::user));
    sim.faults().on("GET", "/api/v3/users").malformedNext(1);
    assertThat(client().users().list(ListQuery.builder().pageSize(3).build()).toList()).hasSize(7);
    assertThat(sleeps).as("one back-off, as after a 5xx").hasSize(1);
  }

  @Test
  void garbledAnswersUseTheSameAttemptsAndThenFailClearly() {
    sim.seedUsers(IntStream.range(0, 3).mapToObj(SimulatorIntegrationTest::user));
    sim.faults().malformedNext(4);
    assertThatThrownBy(() -> client().users().list().toList()).isInstanceOf(OomnitzaResponseException.class)
        .hasMessageContaining("malformed JSON");
    assertThat(sleeps).as("4 attempts: three waits").hasSize(3);
  }

  @Test
  void aGarbledAnswerToACreateIsNotReplayed() {
    sim.faults().on("POST", "/api/v3/users").malformedNext(1);
    assertThatThrownBy(() -> client().users().create(OomnitzaUser.builder().username("u42")
        .email("u42@acme.com").firstName("U").lastName("42").build()))
        .isInstanceOf(OomnitzaResponseException.class);
    assertThat(sleeps).isEmpty();
    assertThat(client().users().list().toList()).hasSize(1);
  }

  // -------------------------------------------------------------------------------- bulk

  private static List<BulkRecord> bulkUsers(int n, String position) {
    return IntStream.range(0, n).mapToObj(i -> {
      OomnitzaUser u = OomnitzaUser.builder().username("b" + i).email("b" + i + "@acme.com")
          .firstName("B").lastName("User" + i).position(position).set("brex_user_id", "cu_" + i).build();
      return BulkRecord.from(u, CATALOG);
    }).collect(Collectors.toList());
  }

  private static ImmutableBulkRunOptionsBuilder options() {
    return new ImmutableBulkRunOptionsBuilder();
  }

  /** Small indirection so the tests read as options().x().build(). */
  private static final class ImmutableBulkRunOptionsBuilder {
    final org.brexsync.oomnitza.bulk.BulkRunOptions.Builder b =
        BulkRunOptions.builder().connector(ConnectorRef.name("Brex")).addSyncFields(FieldId.EMAIL);
  }

  @Test
  void bulkRunCreatesThenUpdatesAndTheRunLogCountsAgree() {
    OomnitzaClient c = client();
    BulkRunResult first = c.bulk().upload(options().b.build(), bulkUsers(250, "Engineer"));
    assertThat(first.batches()).isEqualTo(3);
    assertThat(first.finalized()).isTrue();
    assertThat(sim.userCount()).isEqualTo(250);
    assertThat(sim.userBy("brex_user_id", "cu_7").orElseThrow().get("email").asText()).isEqualTo("b7@acme.com");

    RunLogDetails log1 = c.bulk().runLog(first.portion());
    assertThat(log1.objects().added()).isEqualTo(250);
    assertThat(log1.status()).contains("Completed");

    BulkRunResult second = c.bulk().upload(options().b.updateOnly(true).build(), bulkUsers(260, "Manager"));
    RunLogDetails log2 = c.bulk().runLog(second.portion());
    assertThat(log2.objects().updated()).isEqualTo(250);
    assertThat(log2.objects().skipped()).isEqualTo(10);
    assertThat(sim.userCount()).isEqualTo(250);

    List<RunLogEntry> runs = c.bulk().runLogs(ConnectorRef.name("Brex"), ListQuery.builder().pageSize(1).build()).toList();
    assertThat(runs).hasSize(2);
    assertThat(runs).extracting(RunLogEntry::addedRecordsCount).containsExactlyInAnyOrder(250L, 0L);
  }

  @Test
  void perRecordErrorsShowAsFailedInTheRunLog() {
    OomnitzaClient c = client();
    BulkRunResult r;
    try (BulkRun run = c.bulk().start(options().b.build())) {
      run.addAll(bulkUsers(3, "Engineer"));
      run.addError(BulkRecord.builder().set(FieldId.EMAIL, "broken@acme.com").build(), "no name in Brex");
      r = run.result();
    }
    RunLogDetails log = c.bulk().runLog(r.portion());
    assertThat(log.objects().added()).isEqualTo(3);
    assertThat(log.objects().failed()).isEqualTo(1);
    assertThat(log.messages("failed")).anySatisfy(m -> assertThat(m).contains("no name in Brex"));
    assertThat(log.status()).contains("Completed with errors");
  }

  @Test
  void aRunCancelledInTheUiStopsAtTheNextBatchAndIsFinalized() {
    OomnitzaClient c = client();
    UUID portion = UUID.randomUUID();
    BulkRun run = c.bulk().start(options().b.portion(portion).batchSize(50).build());
    run.addAll(bulkUsers(50, "Engineer"));
    sim.cancelRun(portion.toString());
    assertThatThrownBy(() -> run.addAll(bulkUsers(100, "Engineer"))).isInstanceOf(OomnitzaCancelledException.class);
    run.close();
    assertThat(run.result().cancelled()).isTrue();
    assertThat(run.result().records()).isEqualTo(50);
    assertThat(sim.count("POST", "/api/v3/bulk/{portion}/finalize")).isEqualTo(1);
    assertThat(sim.run(portion.toString()).orElseThrow().get("status").asText()).isEqualTo("Canceled");
  }

  @Test
  void aFailingRunIsAbortedWithAFatalErrorAndFinalized() {
    OomnitzaClient c = builder().retryPolicy(RetryPolicy.none()).build();
    List<BulkRecord> source = bulkUsers(150, "E");
    Iterable<BulkRecord> failing = () -> IntStream.range(0, 150).mapToObj(i -> {
      if (i == 120) {
        throw new IllegalStateException("Brex page could not be read");
      }
      return source.get(i);
    }).iterator();
    UUID portion = UUID.randomUUID();
    assertThatThrownBy(() -> c.bulk().upload(options().b.portion(portion).build(), failing))
        .isInstanceOf(IllegalStateException.class);
    ObjectNode details = sim.run(portion.toString()).orElseThrow();
    assertThat(details.get("status").asText()).isEqualTo("Failed");
    assertThat(details.get("objects").get("added").asInt()).isEqualTo(100);
  }

  // -------------------------------------------------------------------------------- SaaS

  @Test
  void saasUsersAssignListStoreIdAndDeactivate() {
    sim.seedUsers(IntStream.range(0, 3).mapToObj(SimulatorIntegrationTest::user));
    OomnitzaClient c = client();
    String saas = sim.saasId("Brex");
    String user0 = c.users().get("user0").orElseThrow().userId().orElseThrow();
    String user1 = c.users().get("user1").orElseThrow().userId().orElseThrow();

    c.saasUsers().assign(saas, List.of(SaasAssignment.assign(user0), SaasAssignment.assign(user1)));
    List<OomnitzaRecord> assigned = c.saasUsers().listForSaas(saas, SaasUserQuery.all()).toList();
    assertThat(assigned).hasSize(2);

    c.saasUsers().storeExternalId(saas, user0, "cuuser_0");
    assertThat(sim.saasUsers()).anySatisfy(su -> assertThat(su.path("user_external_id").asText()).isEqualTo("cuuser_0"));

    List<String> ids = c.saasUsers().list(SaasUserQuery.builder().pageSize(1).build()).stream()
        .map(r -> r.text("saas_user_id").orElseThrow()).collect(Collectors.toList());
    assertThat(ids).hasSize(2);
    List<SaasActivationResult> off = c.saasUsers().deactivate(List.of(ids.get(0), "missing"));
    assertThat(off).extracting(SaasActivationResult::succeeded).containsExactly(true, false);
    assertThat(c.saasUsers().list(SaasUserQuery.builder().filter(Filter.eq("status", "inactive")).build()).toList())
        .hasSize(1);
    assertThat(c.saasUsers().activate(List.of(ids.get(0)))).allMatch(SaasActivationResult::succeeded);

    c.saasUsers().assign(saas, List.of(SaasAssignment.unassign(user1)));
    assertThat(c.saasUsers().listForSaas(saas, SaasUserQuery.all()).toList()).hasSize(1);
  }
}
