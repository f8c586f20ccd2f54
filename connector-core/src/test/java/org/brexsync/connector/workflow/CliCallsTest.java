package org.brexsync.connector.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The calls connector-core README (Workflows, "For the examples CLI") gives the examples CLI, as written there. */
class CliCallsTest extends WorkflowSandboxFixture {
  /** brexsync workflow run PRESET --user U|--filter EXPR [--set k=v ...] [--dry-run] [--typed]. */
  static WorkflowReport workflowRun(WorkflowRunner runner, String preset, String user, String filter,
      List<String> sets, boolean dryRun, boolean typed) {
    RunOptions.Builder o = RunOptions.builder().dryRun(dryRun);
    sets.forEach(o::setAssignment);
    Target t = user != null ? Target.username(user) : Target.filter(FilterExpression.parse(filter));
    WorkflowStep step = typed ? Presets.typed(preset) : WorkflowStep.of(Presets.load(preset));
    return runner.run(Workflow.of(preset, step), t, o.build());
  }

  /** brexsync workflow offboard --filter EXPR [--terminate] [--dry-run]. */
  static WorkflowReport workflowOffboard(WorkflowRunner runner, String filter, boolean terminate, boolean dryRun) {
    return OffboardingWorkflow.builder().runner(runner)
        .filter(FilterExpression.parse(filter))
        .cardAction(terminate ? OffboardingWorkflow.CardAction.TERMINATE : OffboardingWorkflow.CardAction.LOCK)
        .build().run(dryRun);
  }

  @Test
  void runWithUserAndSets() {
    String id = sb.brex.createUser("Hank", "Tate", "hank@acme.example", "ACTIVE").get("id").asText();
    sb.person("hank", "brex_user_id", id);

    WorkflowReport r = workflowRun(sb.runner, "brex-create-user-card", "hank", null,
        List.of("card_name=Security Desk", "card_type=PHYSICAL",
            "mailing_address={\"line1\":\"1725 Slough Avenue\",\"city\":\"Scranton\",\"state\":\"PA\","
                + "\"country\":\"US\",\"postal_code\":\"18505\"}"), false, true);

    assertThat(r.ok()).as(r.render()).isTrue();
    assertThat(sb.brex.cardsOf(id)).singleElement().satisfies(c -> assertThat(c.get("card_type").asText()).isEqualTo("PHYSICAL"));
  }

  @Test
  void runWithFilterAsDryRun() {
    sb.person("nate", "first_name", "Nate", "last_name", "Nickerson");

    WorkflowReport r = workflowRun(sb.runner, "brex-invite-user", null, "brex_user_id is null", List.of(), true, false);

    assertThat(r.records()).extracting(RecordResult::record).containsExactly("nate");
    assertThat(r.render()).contains("PLANNED").contains("Authorization: Bearer ****").contains("\"first_name\":\"Nate\"");
    assertThat(sb.brexRequests()).isZero();
  }

  @Test
  void offboardWithFilter() {
    String id = sb.brex.createUser("Todd", "Packer", "todd@acme.example", "ACTIVE").get("id").asText();
    String card = sb.brex.createCard(id, "VIRTUAL", "USER").get("id").asText();
    sb.person("todd", "brex_user_id", id, "left_company", "true");

    WorkflowReport dry = workflowOffboard(sb.runner, "left_company eq true", true, true);
    assertThat(dry.records()).extracting(RecordResult::record).containsExactly("todd");
    assertThat(sb.brexWrites()).isZero();
    WorkflowReport r = workflowOffboard(sb.runner, "left_company eq 'true'", true, false);

    assertThat(r.ok()).as(r.render()).isTrue();
    assertThat(sb.brex.user(id).get().get("status").asText()).isEqualTo("DISABLED");
    assertThat(sb.brex.card(card).get().get("status").asText()).isEqualTo("TERMINATED");
  }
}
