package org.brexsync.connector.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input gives a clear error and sends nothing: the Brex simulator's request log stays empty,
 * and nothing is written to Oomnitza. Both forms (JSON preset, typed action) are checked.
 */
class BadInputTest extends WorkflowSandboxFixture {
  private static StepOutcome runOne(String form, String preset, String username, RunOptions options) {
    WorkflowStep step = PresetsEndToEndTest.step(form, preset);
    RecordResult r = sb.runner.run(Workflow.of(preset, step), Target.username(username), options).records().get(0);
    assertThat(r.failed()).as(r.toString()).isTrue();
    assertThat(sb.brexRequests()).as("no Brex request").isZero();
    assertThat(sb.oomnitzaPatches()).as("no Oomnitza write").isZero();
    StepOutcome o = r.steps().get(0);
    assertThat(o.status()).isEqualTo(StepStatus.FAILED);
    assertThat(o.request()).isEmpty();
    return o;
  }

  @ParameterizedTest
  @ValueSource(strings = {"json", "typed"})
  void missingVariableIsNamed(String form) {
    sb.person("nobrex");
    StepOutcome o = runOne(form, Presets.GET_USER_DETAILS, "nobrex", RunOptions.defaults());
    assertThat(o.reason().orElseThrow()).contains("missing variable").contains("{{brex_user_id}}");
  }

  @ParameterizedTest
  @ValueSource(strings = {"json", "typed"})
  void everyMissingVariableOfCreateCardIsNamedAtOnce(String form) {
    sb.oomnitza.addUser(WorkflowSandbox.JSON.createObjectNode().put("username", "bare"));
    StepOutcome o = runOne(form, Presets.CREATE_USER_CARD, "bare", RunOptions.defaults());
    assertThat(o.reason().orElseThrow()).contains("{{brex_user_id}}").contains("{{card_name}}");
  }

  @ParameterizedTest
  @ValueSource(strings = {"json", "typed"})
  void unknownReasonListsTheKnownOnes(String form) {
    sb.person("lost", "brex_user_id", "cuuser_1", "brex_user_card_id", "cucard_1");
    StepOutcome o = runOne(form, Presets.LOCK_CARD, "lost", RunOptions.builder().set("card_reason", "LOST_IT").build());
    assertThat(o.reason().orElseThrow()).contains("'LOST_IT' is not one of CARD_DAMAGED, CARD_LOST, CARD_NOT_RECEIVED, "
        + "DO_NOT_NEED_PHYSICAL_CARD, DO_NOT_NEED_VIRTUAL_CARD, FRAUD, OTHER");
  }

  @ParameterizedTest
  @ValueSource(strings = {"json", "typed"})
  void missingReasonIsAMissingVariable(String form) {
    sb.person("noreason", "brex_user_card_id", "cucard_1");
    StepOutcome o = runOne(form, Presets.TERMINATE_CARD, "noreason", RunOptions.defaults());
    assertThat(o.reason().orElseThrow()).contains("{{card_reason}}");
  }

  private static RunOptions physical(String line1, String country) {
    ObjectNode address = WorkflowSandbox.JSON.createObjectNode().put("line1", line1).put("city", "Scranton")
        .put("state", "PA").put("country", country).put("postal_code", "18503");
    return RunOptions.builder().set("card_name", "Warehouse").set("card_type", "PHYSICAL")
        .set("mailing_address", address).build();
  }

  @ParameterizedTest
  @ValueSource(strings = {"json", "typed"})
  void nonUsMailingAddressIsRefused(String form) {
    sb.person("darryl", "brex_user_id", "cuuser_1");
    StepOutcome o = runOne(form, Presets.CREATE_USER_CARD, "darryl", physical("1 Main Street", "CA"));
    assertThat(o.reason().orElseThrow()).contains("mailing_address.country").contains("must be US");
  }

  @ParameterizedTest
  @ValueSource(strings = {"json", "typed"})
  void poBoxMailingAddressIsRefused(String form) {
    sb.person("darryl", "brex_user_id", "cuuser_1");
    StepOutcome o = runOne(form, Presets.CREATE_USER_CARD, "darryl", physical("P.O. Box 42", "US"));
    assertThat(o.reason().orElseThrow()).containsIgnoringCase("po box");
  }

  @ParameterizedTest
  @ValueSource(strings = {"json", "typed"})
  void vendorCardWithoutSpendControlsIsRefused(String form) {
    sb.person("vendor", "brex_user_id", "cuuser_1");
    StepOutcome o = runOne(form, Presets.CREATE_USER_CARD, "vendor",
        RunOptions.builder().set("card_name", "AWS").set("limit_type", "CARD").build());
    assertThat(o.reason().orElseThrow()).contains("spend_controls");
  }

  @ParameterizedTest
  @ValueSource(strings = {"json", "typed"})
  void anIdWithQuotesOrBracesCannotReachThePath(String form) {
    sb.person("mallory", "brex_user_id", "x\"}/../../v2/cards/{{brex_user_card_id}}");
    StepOutcome o = runOne(form, Presets.DEACTIVATE_USER, "mallory", RunOptions.defaults());
    assertThat(o.reason().orElseThrow()).contains("{{brex_user_id}}").contains("is not a Brex id");
  }

  @ParameterizedTest
  @ValueSource(strings = {"json", "typed"})
  void aReasonWithQuotesCannotInjectFields(String form) {
    sb.person("eve", "brex_user_card_id", "cucard_1");
    StepOutcome o = runOne(form, Presets.LOCK_CARD, "eve",
        RunOptions.builder().set("card_reason", "FRAUD\",\"description\":\"{{email}}").build());
    assertThat(o.reason().orElseThrow()).contains("is not one of");
  }

  @ParameterizedTest
  @ValueSource(strings = {"json", "typed"})
  void aCardNameThatIsNotAsciiIsRefusedByBrexClientRules(String form) {
    sb.person("zoe", "brex_user_id", "cuuser_1");
    StepOutcome o = runOne(form, Presets.CREATE_USER_CARD, "zoe", RunOptions.builder().set("card_name", "Zoë").build());
    assertThat(o.reason().orElseThrow()).contains("card_name");
  }
}
