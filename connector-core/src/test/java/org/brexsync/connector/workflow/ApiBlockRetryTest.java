package org.brexsync.connector.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.brexsync.connector.Connection;
import org.brexsync.testkit.RecordedCall;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The generic executor retries like brex-client: reads always, writes only with an Idempotency-Key. */
class ApiBlockRetryTest extends WorkflowSandboxFixture {
  final List<Duration> sleeps = new ArrayList<>();
  WorkflowRunner runner;

  @BeforeEach
  void newRunner() {
    sleeps.clear();
    runner = WorkflowRunner.builder().oomnitza(sb.oomnitzaClient).brexBaseUri(sb.brex.baseUri())
        .env(Map.of("BREX_API_TOKEN", sb.brex.token())::get).sleeper(sleeps::add).build();
  }

  @Test
  void aReadIsRetriedAfter503AndSucceeds() {
    String id = sb.brex.createUser("Nellie", "Bertram", "nellie@acme.example", "ACTIVE").get("id").asText();
    sb.person("nellie", "brex_user_id", id);
    sb.brex.faults().failNext(2, 503);

    RecordResult r = runner.run(Presets.load(Presets.GET_USER_DETAILS), Target.username("nellie"), RunOptions.defaults())
        .records().get(0);

    assertThat(r.failed()).as(r.toString()).isFalse();
    assertThat(sleeps).hasSize(2);
    assertThat(sb.brex.count("GET", "/v2/users/{id}")).isEqualTo(3);
  }

  @Test
  void aCreateCardWhoseAnswerIsLostIsRetriedWithTheSameKeyAndCreatesOneCard() {
    String id = sb.brex.createUser("Clark", "Green", "clark@acme.example", "ACTIVE").get("id").asText();
    sb.person("clark", "brex_user_id", id);
    sb.brex.faults().on("POST", "/v2/cards").resetAfterNext(1);

    RecordResult r = runner.run(Presets.load(Presets.CREATE_USER_CARD), Target.username("clark"),
        RunOptions.builder().set("card_name", "Clark").build()).records().get(0);

    assertThat(r.failed()).as(r.toString()).isFalse();
    List<RecordedCall> posts = sb.brex.requests().stream().filter(c -> c.method().equals("POST")).toList();
    assertThat(posts).hasSize(2);
    assertThat(posts.stream().map(c -> c.header("Idempotency-Key").orElseThrow()).collect(Collectors.toSet())).hasSize(1);
    assertThat(sb.brex.cardsOf(id)).hasSize(1);
    assertThat(sb.oomnitzaUser("clark").get("brex_user_card_id").asText()).isEqualTo(sb.brex.cardsOf(id).get(0).get("id").asText());
  }

  @Test
  void aWriteWithoutIdempotencyKeyIsNotReplayed() {
    sb.person("pete", "brex_user_id", "cuuser_1");
    ApiBlock custom = ApiBlock.builder().name("custom write").method("POST").url("/v2/users/{{brex_user_id}}/limit")
        .credential(Connection.of(Optional.empty(), "BREX_API_TOKEN"))
        .body(WorkflowSandbox.JSON.createObjectNode().putNull("monthly_limit")).build();
    sb.brex.faults().failNext(1, 503);

    RecordResult r = runner.run(custom, Target.username("pete"), RunOptions.defaults()).records().get(0);

    assertThat(r.failed()).isTrue();
    assertThat(r.steps().get(0).httpStatus()).contains(503);
    assertThat(sleeps).isEmpty();
    assertThat(sb.brexRequests()).isEqualTo(1);
  }

  @Test
  void aRejectedTokenIsAFailedStepWithoutTheToken() {
    sb.person("bob", "brex_user_id", "cuuser_1");
    WorkflowRunner wrong = sb.runner(Map.of("BREX_API_TOKEN", "bxt_wrong_secret_value"));

    WorkflowReport report = wrong.run(Presets.load(Presets.GET_USER_DETAILS), Target.username("bob"), RunOptions.defaults());

    assertThat(report.records().get(0).failure().orElseThrow()).contains("401");
    assertThat(report.render()).doesNotContain("bxt_wrong_secret_value");
  }

  @Test
  void theBrexTokenIsNeverSentToAnotherHost() {
    sb.person("out", "brex_user_id", "cuuser_1");
    ApiBlock elsewhere = ApiBlock.builder().name("elsewhere").method("GET")
        .url(sb.oomnitza.baseUri().toString().replaceAll("/$", "") + "/api/v2/mappings").build();

    RecordResult r = runner.run(elsewhere, Target.username("out"), RunOptions.defaults()).records().get(0);

    RecordedCall call = sb.oomnitza.requests().stream().filter(c -> c.path().equals("/api/v2/mappings")).findFirst()
        .orElseThrow();
    assertThat(call.header("Authorization")).isEmpty();
    assertThat(r.steps().get(0).request().orElseThrow().headers()).doesNotContainKey("Authorization");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"json", "typed"})
  void anExhaustedCardCreationBudgetFailsFastWithoutARequest(String form) {
    String id = sb.brex.createUser("Gabe", "Lewis", "gabe@acme.example", "ACTIVE").get("id").asText();
    sb.person("gabe", "brex_user_id", id);
    WorkflowRunner oneCard = WorkflowRunner.builder().oomnitza(sb.oomnitzaClient).brexBaseUri(sb.brex.baseUri())
        .env(Map.of("BREX_API_TOKEN", sb.brex.token())::get).sleeper(sleeps::add)
        .cardCreationLimiter(org.brexsync.brex.RateLimiter.of(1, Duration.ofDays(1))).build();
    WorkflowStep step = PresetsEndToEndTest.step(form, Presets.CREATE_USER_CARD);

    RecordResult first = oneCard.run(Workflow.of("c", step), Target.username("gabe"),
        RunOptions.builder().set("card_name", "One").build()).records().get(0);
    RecordResult second = oneCard.run(Workflow.of("c", step), Target.username("gabe"),
        RunOptions.builder().set("card_name", "Two").build()).records().get(0);

    assertThat(first.failed()).as(first.toString()).isFalse();
    assertThat(second.failure().orElseThrow()).containsIgnoringCase("card");
    assertThat(sb.brex.count("POST", "/v2/cards")).isEqualTo(1);
  }

  @Test
  void brexRequestsOfApiBlocksWaitForTheSharedRateLimiter() {
    String id = sb.brex.createUser("Deangelo", "Vickers", "deangelo@acme.example", "ACTIVE").get("id").asText();
    sb.person("deangelo", "brex_user_id", id);
    org.brexsync.testkit.MutableClock clock = new org.brexsync.testkit.MutableClock(java.time.Instant.parse("2026-11-27T10:00:00Z"));
    WorkflowRunner limited = WorkflowRunner.builder().oomnitza(sb.oomnitzaClient).brexBaseUri(sb.brex.baseUri())
        .env(Map.of("BREX_API_TOKEN", sb.brex.token())::get).sleeper(sleeps::add)
        .rateLimiter(org.brexsync.brex.RateLimiter.of(1, Duration.ofSeconds(60), clock)).build();

    for (int i = 0; i < 2; i++) {
      assertThat(limited.run(Presets.load(Presets.GET_USER_DETAILS), Target.username("deangelo"), RunOptions.defaults())
          .ok()).isTrue();
    }

    assertThat(sleeps).singleElement().satisfies(d -> assertThat(d).isPositive());
  }
}
