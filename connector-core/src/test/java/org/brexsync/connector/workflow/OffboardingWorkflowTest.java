package org.brexsync.connector.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.brexsync.brex.model.ChangeCardReason;
import org.brexsync.oomnitza.filter.Filter;
import org.junit.jupiter.api.Test;

/** Offboarding people who left: deactivate, lock or terminate their cards; a re-run changes nothing. */
class OffboardingWorkflowTest extends WorkflowSandboxFixture {
  String leaver;
  String active;
  String locked;
  String terminated;
  String stayer;
  String stayerCard;

  private void company() {
    leaver = sb.brex.createUser("Holly", "Flax", "holly@acme.example", "ACTIVE").get("id").asText();
    active = sb.brex.createCard(leaver, "VIRTUAL", "USER").get("id").asText();
    locked = sb.brex.createCard(leaver, "VIRTUAL", "USER", "LOCKED", "Old").get("id").asText();
    terminated = sb.brex.createCard(leaver, "VIRTUAL", "USER", "TERMINATED", "Gone").get("id").asText();
    stayer = sb.brex.createUser("Darryl", "Philbin", "darryl@acme.example", "ACTIVE").get("id").asText();
    stayerCard = sb.brex.createCard(stayer, "VIRTUAL", "USER").get("id").asText();
    sb.person("holly", "brex_user_id", leaver, "left_company", "true");
    sb.person("darryl", "brex_user_id", stayer, "left_company", "false");
    sb.person("toby", "left_company", "true"); // never in Brex
  }

  private OffboardingWorkflow offboarding(OffboardingWorkflow.CardAction action) {
    return OffboardingWorkflow.builder().runner(sb.runner).filter(Filter.eq("left_company", "true"))
        .cardAction(action).reason(ChangeCardReason.OTHER).description(Optional.of("Left the company")).build();
  }

  @Test
  void locksActiveCardsAndDeactivatesAndASecondRunSendsNoWrite() {
    company();
    OffboardingWorkflow wf = offboarding(OffboardingWorkflow.CardAction.LOCK);

    WorkflowReport first = wf.run(false);

    assertThat(first.ok()).as(first.render()).isTrue();
    assertThat(sb.brex.user(leaver).get().get("status").asText()).isEqualTo("DISABLED");
    assertThat(sb.brex.card(active).get().get("status").asText()).isEqualTo("LOCKED");
    assertThat(sb.brex.card(locked).get().get("status").asText()).isEqualTo("LOCKED");
    assertThat(sb.brex.card(terminated).get().get("status").asText()).isEqualTo("TERMINATED");
    assertThat(sb.brex.user(stayer).get().get("status").asText()).isEqualTo("ACTIVE");
    assertThat(sb.brex.card(stayerCard).get().get("status").asText()).isEqualTo("ACTIVE");
    assertThat(sb.oomnitzaUser("holly").get("brex_status").asText()).isEqualTo("DISABLED");
    assertThat(sb.brex.count("POST", "/v2/cards/{id}/lock")).isEqualTo(1);
    assertThat(sb.lastBrexWrite("/lock").json().toString())
        .isEqualTo("{\"reason\":\"OTHER\",\"description\":\"Left the company\"}");
    RecordResult holly = first.record("holly").orElseThrow();
    assertThat(holly.steps()).extracting(StepOutcome::status).containsExactlyInAnyOrder(
        StepStatus.SUCCEEDED, StepStatus.SUCCEEDED, StepStatus.SKIPPED, StepStatus.SKIPPED);
    assertThat(first.record("toby").orElseThrow().steps().get(0).status()).isEqualTo(StepStatus.SKIPPED);
    assertThat(first.record("darryl")).isEmpty();

    long writes = sb.brexWrites();
    long patches = sb.oomnitzaPatches();
    WorkflowReport second = wf.run(false);

    assertThat(second.ok()).as(second.render()).isTrue();
    assertThat(sb.brexWrites()).isEqualTo(writes);
    assertThat(sb.oomnitzaPatches()).isEqualTo(patches);
    assertThat(second.record("holly").orElseThrow().steps()).extracting(StepOutcome::status)
        .containsOnly(StepStatus.SKIPPED);
  }

  @Test
  void terminateModeTerminatesActiveAndLockedCardsAndIsIdempotent() {
    company();
    OffboardingWorkflow wf = offboarding(OffboardingWorkflow.CardAction.TERMINATE);

    WorkflowReport first = wf.run(false);

    assertThat(first.ok()).as(first.render()).isTrue();
    assertThat(sb.brex.card(active).get().get("status").asText()).isEqualTo("TERMINATED");
    assertThat(sb.brex.card(locked).get().get("status").asText()).isEqualTo("TERMINATED");
    assertThat(sb.brex.count("POST", "/v2/cards/{id}/terminate")).isEqualTo(2);

    long writes = sb.brexWrites();
    wf.run(false);
    assertThat(sb.brexWrites()).isEqualTo(writes);
  }

  @Test
  void dryRunReadsButPlansEveryWriteWithoutSendingIt() {
    company();

    WorkflowReport r = offboarding(OffboardingWorkflow.CardAction.LOCK).run(true);

    assertThat(sb.brexWrites()).isZero();
    assertThat(sb.oomnitzaPatches()).isZero();
    assertThat(sb.brex.user(leaver).get().get("status").asText()).isEqualTo("ACTIVE");
    RecordResult holly = r.record("holly").orElseThrow();
    assertThat(holly.steps()).filteredOn(s -> s.status() == StepStatus.PLANNED)
        .extracting(s -> s.request().orElseThrow().method() + " " + s.request().orElseThrow().uri().getPath())
        .containsExactly("PUT /v2/users/" + leaver, "POST /v2/cards/" + active + "/lock");
    assertThat(r.render()).contains("Bearer ****").doesNotContain(sb.brex.token());
  }

  @Test
  void aFailedCardStepStopsTheRemainingCardsWithTheReason() {
    company();
    String second = sb.brex.createCard(leaver, "VIRTUAL", "USER").get("id").asText();
    sb.brex.faults().on("POST", "/v2/cards/{id}/lock").failNext(1, 400);

    WorkflowReport r = offboarding(OffboardingWorkflow.CardAction.LOCK).run(false);

    RecordResult holly = r.record("holly").orElseThrow();
    assertThat(holly.failed()).isTrue();
    assertThat(holly.steps()).extracting(StepOutcome::status).contains(StepStatus.FAILED, StepStatus.NOT_RUN);
    assertThat(holly.failure().orElseThrow()).contains("lock card");
    long stillActive = java.util.stream.Stream.of(active, second)
        .filter(c -> sb.brex.card(c).get().get("status").asText().equals("ACTIVE")).count();
    assertThat(stillActive).isEqualTo(2);

    WorkflowReport again = offboarding(OffboardingWorkflow.CardAction.LOCK).run(false);
    assertThat(again.ok()).as(again.render()).isTrue();
    assertThat(sb.brex.card(active).get().get("status").asText()).isEqualTo("LOCKED");
    assertThat(sb.brex.card(second).get().get("status").asText()).isEqualTo("LOCKED");
  }
}
