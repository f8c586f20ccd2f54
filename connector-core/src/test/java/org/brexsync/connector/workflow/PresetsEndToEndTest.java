package org.brexsync.connector.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.brexsync.testkit.RecordedCall;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every preset end to end against the simulators, in both forms: the JSON preset (generic executor)
 * and its typed equivalent (brex-client). Variables come from the Oomnitza record; the response is
 * mapped back into the simulated Oomnitza record.
 */
class PresetsEndToEndTest extends WorkflowSandboxFixture {
  static WorkflowStep step(String form, String preset) {
    return form.equals("json") ? WorkflowStep.of(Presets.load(preset)) : Presets.typed(preset);
  }

  static RecordResult run(String form, String preset, String username, RunOptions options) {
    WorkflowReport report = sb.runner.run(Workflow.of(preset, step(form, preset)), Target.username(username), options);
    assertThat(report.records()).hasSize(1);
    return report.records().get(0);
  }

  static RecordResult run(String form, String preset, String username) {
    return run(form, preset, username, RunOptions.defaults());
  }

  static JsonNode json(String text) {
    try {
      return WorkflowSandbox.JSON.readTree(text);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"json", "typed"})
  void getUserDetailsMapsWholeResponseAndStatus(String form) {
    String id = sb.brex.createUser("Jim", "Halpert", "jim@acme.example", "ACTIVE").get("id").asText();
    sb.person("jim", "brex_user_id", id);

    RecordResult r = run(form, Presets.GET_USER_DETAILS, "jim");

    assertThat(r.failed()).as(r.toString()).isFalse();
    RecordedCall call = sb.lastBrex();
    assertThat(call.method()).isEqualTo("GET");
    assertThat(call.path()).isEqualTo("/v2/users/" + id);
    assertThat(call.header("Authorization")).contains("Bearer " + sb.brex.token());
    ObjectNode jim = sb.oomnitzaUser("jim");
    assertThat(jim.get("brex_status").asText()).isEqualTo("ACTIVE");
    assertThat(json(jim.get("api_response").asText()).get("email").asText()).isEqualTo("jim@acme.example");
  }

  @ParameterizedTest
  @ValueSource(strings = {"json", "typed"})
  void inviteUserSendsNamesAndEmailAndStoresTheNewId(String form) {
    sb.person("pam", "first_name", "Pam", "last_name", "Beesly", "email", "pam@acme.example");

    RecordResult r = run(form, Presets.INVITE_USER, "pam");

    assertThat(r.failed()).as(r.toString()).isFalse();
    RecordedCall call = sb.lastBrex();
    assertThat(call.method() + " " + call.path()).isEqualTo("POST /v2/users");
    assertThat(call.json()).isEqualTo(json("{\"first_name\":\"Pam\",\"last_name\":\"Beesly\",\"email\":\"pam@acme.example\"}"));
    assertThat(call.header("Idempotency-Key")).isPresent();
    ObjectNode pam = sb.oomnitzaUser("pam");
    String brexId = pam.get("brex_user_id").asText();
    assertThat(sb.brex.user(brexId)).isPresent();
    assertThat(sb.brex.user(brexId).get().get("email").asText()).isEqualTo("pam@acme.example");
    assertThat(pam.get("brex_status").asText()).isEqualTo("INVITED");
  }

  @ParameterizedTest
  @ValueSource(strings = {"json", "typed"})
  void activateAndDeactivateUserPutTheStatus(String form) {
    String id = sb.brex.createUser("Kevin", "Malone", "kevin@acme.example", "ACTIVE").get("id").asText();
    sb.person("kevin", "brex_user_id", id);

    RecordResult off = run(form, Presets.DEACTIVATE_USER, "kevin");
    assertThat(off.failed()).as(off.toString()).isFalse();
    assertThat(sb.lastBrex().method() + " " + sb.lastBrex().path()).isEqualTo("PUT /v2/users/" + id);
    assertThat(sb.lastBrex().json()).isEqualTo(json("{\"status\":\"DISABLED\"}"));
    assertThat(sb.brex.user(id).get().get("status").asText()).isEqualTo("DISABLED");
    assertThat(sb.oomnitzaUser("kevin").get("brex_status").asText()).isEqualTo("DISABLED");

    RecordResult on = run(form, Presets.ACTIVATE_USER, "kevin");
    assertThat(on.failed()).as(on.toString()).isFalse();
    assertThat(sb.lastBrex().json()).isEqualTo(json("{\"status\":\"ACTIVE\"}"));
    assertThat(sb.brex.user(id).get().get("status").asText()).isEqualTo("ACTIVE");
    assertThat(sb.oomnitzaUser("kevin").get("brex_status").asText()).isEqualTo("ACTIVE");

    // the same change again later is applied again, not answered from an old idempotent replay
    run(form, Presets.DEACTIVATE_USER, "kevin");
    assertThat(sb.brex.user(id).get().get("status").asText()).isEqualTo("DISABLED");
  }

  @ParameterizedTest
  @ValueSource(strings = {"json", "typed"})
  void listUserCardsStoresItemsAndTheFirstCardId(String form) {
    String id = sb.brex.createUser("Dwight", "Schrute", "dwight@acme.example", "ACTIVE").get("id").asText();
    String card = sb.brex.createCard(id, "VIRTUAL", "USER").get("id").asText();
    sb.person("dwight", "brex_user_id", id);

    RecordResult r = run(form, Presets.LIST_USER_CARDS, "dwight");

    assertThat(r.failed()).as(r.toString()).isFalse();
    assertThat(sb.lastBrex().path()).isEqualTo("/v2/cards");
    assertThat(sb.lastBrex().query().orElse("")).contains("user_id=" + id);
    ObjectNode dwight = sb.oomnitzaUser("dwight");
    assertThat(dwight.get("brex_user_card_id").asText()).isEqualTo(card);
    JsonNode items = json(dwight.get("api_response").asText());
    assertThat(items.isArray()).isTrue();
    assertThat(items.get(0).get("id").asText()).isEqualTo(card);
  }

  @ParameterizedTest
  @ValueSource(strings = {"json", "typed"})
  void lockCardSendsReasonAndDescription(String form) {
    String id = sb.brex.createUser("Andy", "Bernard", "andy@acme.example", "ACTIVE").get("id").asText();
    String card = sb.brex.createCard(id, "VIRTUAL", "USER").get("id").asText();
    sb.person("andy", "brex_user_id", id, "brex_user_card_id", card);

    RecordResult r = run(form, Presets.LOCK_CARD, "andy", RunOptions.builder()
        .set("card_reason", "CARD_LOST").set("card_description", "Lost at the warehouse").build());

    assertThat(r.failed()).as(r.toString()).isFalse();
    assertThat(sb.lastBrex().method() + " " + sb.lastBrex().path()).isEqualTo("POST /v2/cards/" + card + "/lock");
    assertThat(sb.lastBrex().json()).isEqualTo(json("{\"reason\":\"CARD_LOST\",\"description\":\"Lost at the warehouse\"}"));
    assertThat(sb.brex.card(card).get().get("status").asText()).isEqualTo("LOCKED");
    assertThat(sb.oomnitzaUser("andy").get("brex_card_status").asText()).isEqualTo("LOCKED");
  }

  @ParameterizedTest
  @ValueSource(strings = {"json", "typed"})
  void terminateCardWithReasonFromTheRecordAndNoDescription(String form) {
    String id = sb.brex.createUser("Toby", "Flenderson", "toby@acme.example", "ACTIVE").get("id").asText();
    String card = sb.brex.createCard(id, "VIRTUAL", "USER").get("id").asText();
    sb.oomnitza.addUser(WorkflowSandbox.JSON.createObjectNode().put("username", "toby")
        .put("brex_user_id", id).put("brex_user_card_id", card));

    RecordResult r = run(form, Presets.TERMINATE_CARD, "toby",
        RunOptions.builder().set("card_reason", "DO_NOT_NEED_VIRTUAL_CARD").build());

    assertThat(r.failed()).as(r.toString()).isFalse();
    assertThat(sb.lastBrex().path()).isEqualTo("/v2/cards/" + card + "/terminate");
    assertThat(sb.lastBrex().json()).isEqualTo(json("{\"reason\":\"DO_NOT_NEED_VIRTUAL_CARD\"}"));
    assertThat(sb.brex.card(card).get().get("status").asText()).isEqualTo("TERMINATED");
    assertThat(sb.oomnitzaUser("toby").get("brex_card_status").asText()).isEqualTo("TERMINATED");
  }

  @ParameterizedTest
  @ValueSource(strings = {"json", "typed"})
  void createCardSendsAStableIdempotencyKeySoARerunCreatesNoSecondCard(String form) {
    String id = sb.brex.createUser("Oscar", "Martinez", "oscar@acme.example", "ACTIVE").get("id").asText();
    sb.person("oscar", "brex_user_id", id, "last_name", "Martinez");
    RunOptions options = RunOptions.builder().set("card_name", "Oscar Martinez").build();

    RecordResult first = run(form, Presets.CREATE_USER_CARD, "oscar", options);
    assertThat(first.failed()).as(first.toString()).isFalse();
    RecordedCall call = sb.lastBrex();
    assertThat(call.method() + " " + call.path()).isEqualTo("POST /v2/cards");
    assertThat(call.json()).isEqualTo(json("{\"owner\":{\"type\":\"USER\",\"user_id\":\"" + id + "\"},"
        + "\"card_name\":\"Oscar Martinez\",\"card_type\":\"VIRTUAL\",\"limit_type\":\"USER\"}"));
    String key = call.header("Idempotency-Key").orElseThrow();
    String cardId = sb.oomnitzaUser("oscar").get("brex_user_card_id").asText();
    assertThat(sb.brex.card(cardId)).isPresent();

    RecordResult again = run(form, Presets.CREATE_USER_CARD, "oscar", options);
    assertThat(again.failed()).as(again.toString()).isFalse();
    assertThat(sb.lastBrex().header("Idempotency-Key")).contains(key);
    assertThat(sb.brex.cardsOf(id)).hasSize(1);
    assertThat(sb.oomnitzaUser("oscar").get("brex_user_card_id").asText()).isEqualTo(cardId);
  }

  @ParameterizedTest
  @ValueSource(strings = {"json", "typed"})
  void createCardTakesTheIdempotencyKeyFromARecordValue(String form) {
    String id = sb.brex.createUser("Angela", "Martin", "angela@acme.example", "ACTIVE").get("id").asText();
    sb.person("angela", "brex_user_id", id);

    RecordResult r = run(form, Presets.CREATE_USER_CARD, "angela", RunOptions.builder()
        .set("card_name", "Cats").set("idempotency_key", "onboarding-angela-card").build());

    assertThat(r.failed()).as(r.toString()).isFalse();
    assertThat(sb.lastBrex().header("Idempotency-Key")).contains("onboarding-angela-card");
  }

  @ParameterizedTest
  @ValueSource(strings = {"json", "typed"})
  void anErrorAnswerIsMappedByTheNegativeMappingsAndFailsTheStep(String form) {
    sb.person("ghost", "brex_user_id", "cuuser_doesnotexist");

    RecordResult r = run(form, Presets.GET_USER_DETAILS, "ghost");

    assertThat(r.failed()).isTrue();
    assertThat(r.steps().get(0).httpStatus()).contains(404);
    assertThat(r.failure().orElseThrow()).contains("404");
    assertThat(json(sb.oomnitzaUser("ghost").get("api_response").asText()).get("type").asText()).isEqualTo("NOT_FOUND");
  }

  @ParameterizedTest
  @ValueSource(strings = {"json", "typed"})
  void aVendorCardWithSpendControlsAndAPhysicalCardToAUsAddressAreCreated(String form) {
    String id = sb.brex.createUser("Creed", "Bratton", "creed@acme.example", "ACTIVE").get("id").asText();
    sb.person("creed", "brex_user_id", id);
    ObjectNode controls = WorkflowSandbox.JSON.createObjectNode();
    controls.putObject("spend_limit").put("amount", 100000).put("currency", "USD");
    controls.put("spend_duration", "MONTHLY");
    ObjectNode address = WorkflowSandbox.JSON.createObjectNode().put("line1", "1725 Slough Avenue")
        .put("city", "Scranton").put("state", "PA").put("country", "US").put("postal_code", "18505");

    RecordResult vendor = run(form, Presets.CREATE_USER_CARD, "creed", RunOptions.builder()
        .set("card_name", "Quality Assurance").set("limit_type", "CARD").set("spend_controls", controls).build());
    RecordResult physical = run(form, Presets.CREATE_USER_CARD, "creed", RunOptions.builder()
        .set("card_name", "Creed Bratton").set("card_type", "PHYSICAL").set("mailing_address", address).build());

    assertThat(vendor.failed()).as(vendor.toString()).isFalse();
    assertThat(physical.failed()).as(physical.toString()).isFalse();
    assertThat(sb.brex.cardsOf(id)).extracting(c -> c.get("card_type").asText() + "/" + c.get("limit_type").asText())
        .containsExactlyInAnyOrder("VIRTUAL/CARD", "PHYSICAL/USER");
    assertThat(sb.lastBrex().json().get("mailing_address").get("line1").asText()).isEqualTo("1725 Slough Avenue");
  }

  @org.junit.jupiter.api.Test
  void aResponseHeaderCanBeMappedIntoAField() {
    String id = sb.brex.createUser("Jo", "Bennett", "jo@acme.example", "ACTIVE").get("id").asText();
    sb.person("jo", "brex_user_id", id);
    ApiBlock withTrace = ApiBlock.builder().from(Presets.load(Presets.GET_USER_DETAILS))
        .addPositive(ResponseMapping.of("brex_trace_id", "{{response_headers.X-Brex-Trace-Id}}")).build();

    RecordResult r = sb.runner.run(withTrace, Target.username("jo"), RunOptions.defaults()).records().get(0);

    assertThat(r.failed()).as(r.toString()).isFalse();
    // the simulator answers every request with an X-Brex-Trace-Id header
    String written = r.steps().get(0).written().get("brex_trace_id").asText();
    assertThat(written).isNotBlank();
    assertThat(sb.oomnitzaUser("jo").get("brex_trace_id").asText()).isEqualTo(written);
  }
}
