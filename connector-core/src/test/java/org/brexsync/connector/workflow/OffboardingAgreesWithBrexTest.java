package org.brexsync.connector.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.brexsync.oomnitza.filter.Filter;
import org.junit.jupiter.api.Test;

/** Every offboarding run makes Oomnitza's brex_status agree with Brex, also after a run that lost an answer. */
class OffboardingAgreesWithBrexTest extends WorkflowSandboxFixture {
  String leaver;
  String card;

  private OffboardingWorkflow offboarding() {
    return OffboardingWorkflow.builder().runner(sb.runner).filter(Filter.eq("left_company", "true")).build();
  }

  private void holly() {
    leaver = sb.brex.createUser("Holly", "Flax", "holly@acme.example", "ACTIVE").get("id").asText();
    card = sb.brex.createCard(leaver, "VIRTUAL", "USER").get("id").asText();
    sb.person("holly", "brex_user_id", leaver, "left_company", "true");
  }

  @Test
  void aDeactivationWhoseAnswerWasLostIsWrittenBackByTheNextRun() {
    holly();
    // Brex disables the user, then every answer to that PUT is lost (the retries too).
    sb.brex.faults().on("PUT", "/v2/users/{id}").resetAfterNext(1).resetNext(50);
    WorkflowReport first = offboarding().run(false);
    assertThat(first.record("holly").orElseThrow().failed()).isTrue();
    assertThat(sb.brex.user(leaver).get().get("status").asText()).isEqualTo("DISABLED");
    assertThat(sb.oomnitzaUser("holly").has("brex_status")).isFalse();

    sb.brex.faults().clear();
    WorkflowReport second = offboarding().run(false);
    assertThat(second.ok()).as(second.render()).isTrue();
    assertThat(sb.oomnitzaUser("holly").get("brex_status").asText()).isEqualTo("DISABLED");
    assertThat(second.record("holly").orElseThrow().steps()).extracting(StepOutcome::step, StepOutcome::status).contains(
        org.assertj.core.groups.Tuple.tuple("deactivate Brex user " + leaver, StepStatus.SKIPPED),
        org.assertj.core.groups.Tuple.tuple("write brex_status = DISABLED to Oomnitza", StepStatus.SUCCEEDED));
    assertThat(sb.brex.card(card).get().get("status").asText()).isEqualTo("LOCKED");

    long brexWrites = sb.brexWrites();
    long patches = sb.oomnitzaPatches();
    WorkflowReport third = offboarding().run(false);
    assertThat(third.ok()).isTrue();
    assertThat(sb.brexWrites()).isEqualTo(brexWrites);
    assertThat(sb.oomnitzaPatches()).as("Oomnitza already agrees: nothing written").isEqualTo(patches);
  }

  @Test
  void aFailedWriteBackIsRepairedByTheNextRun() {
    holly();
    sb.oomnitza.faults().on("PATCH", "/api/v3/users/{ident}").failNext(1, 400);
    WorkflowReport first = offboarding().run(false);
    assertThat(first.record("holly").orElseThrow().failure().orElseThrow()).contains("writing brex_status to Oomnitza failed");
    assertThat(sb.brex.user(leaver).get().get("status").asText()).isEqualTo("DISABLED");

    WorkflowReport second = offboarding().run(false);
    assertThat(second.ok()).as(second.render()).isTrue();
    assertThat(sb.oomnitzaUser("holly").get("brex_status").asText()).isEqualTo("DISABLED");
  }

  @Test
  void aDryRunPlansTheWriteBackWithoutSendingIt() {
    holly();
    sb.brex.setUserStatus(leaver, "DISABLED");
    WorkflowReport r = offboarding().run(true);
    assertThat(sb.oomnitzaPatches()).isZero();
    StepOutcome planned = r.record("holly").orElseThrow().steps().stream()
        .filter(s -> s.step().startsWith("write brex_status")).findFirst().orElseThrow();
    assertThat(planned.status()).isEqualTo(StepStatus.PLANNED);
    assertThat(planned.request().orElseThrow().method()).isEqualTo("PATCH");
    assertThat(planned.request().orElseThrow().uri().getPath()).isEqualTo("/api/v3/users/holly");
    assertThat(planned.request().orElseThrow().body().orElseThrow().toString()).isEqualTo("{\"brex_status\":\"DISABLED\"}");
  }
}
