package org.brexsync.brex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.brexsync.brex.model.CardType;
import org.brexsync.brex.model.CreateCardRequest;
import org.brexsync.brex.model.InviteUserRequest;
import org.brexsync.brex.model.Patch;
import org.brexsync.brex.model.UpdateUserRequest;
import org.junit.jupiter.api.Test;

/** BrexValidation.parse: JSON-driven input (workflow templates) validated in one pass. */
class JsonValidationTest {

  @Test
  void parsesAValidCreateCardRequest() {
    CreateCardRequest r = BrexValidation.parse(MockServerTestBase.json("""
        {"owner":{"type":"USER","user_id":"cuuser_1"},"card_name":"Vendor",
         "card_type":"VIRTUAL","limit_type":"CARD",
         "spend_controls":{"spend_limit":{"amount":100,"currency":"USD"},
           "spend_duration":"MONTHLY","lock_after_date":"2026-12-31"}}"""),
        CreateCardRequest.class);
    assertThat(r.cardType()).isEqualTo(CardType.VIRTUAL);
  }

  @Test
  void reportsShapeProblemsAllAtOnce() {
    assertThatThrownBy(() -> BrexValidation.parse(MockServerTestBase.json("""
        {"owner":{"type":"USER","userId":"cuuser_1"},"card_name":"Vendor",
         "card_type":"PLASTIC","shipping_address":{},
         "spend_controls":{"spend_limit":{"amount":"100"},"spend_duration":"MONTHLY",
           "lock_after_date":"31/12/2026"}}"""), CreateCardRequest.class))
        .isInstanceOfSatisfying(BrexValidationException.class, e ->
            assertThat(e.violations()).extracting(Violation::field).containsExactlyInAnyOrder(
                "owner.userId", "owner.user_id", "card_type", "limit_type", "shipping_address",
                "spend_controls.spend_limit.amount", "spend_controls.lock_after_date"));
  }

  @Test
  void appliesTheBusinessRulesAfterTheShape() {
    assertThatThrownBy(() -> BrexValidation.parse(MockServerTestBase.json("""
        {"owner":{"type":"USER","user_id":"u"},"card_name":"Phys","card_type":"PHYSICAL",
         "limit_type":"CARD"}"""), CreateCardRequest.class))
        .isInstanceOfSatisfying(BrexValidationException.class, e ->
            assertThat(e.violations()).extracting(Violation::field)
                .contains("card_type", "spend_controls", "mailing_address"));
  }

  @Test
  void inviteAndPartialUpdate() {
    assertThatThrownBy(() -> BrexValidation.parse(
        MockServerTestBase.json("{\"first_name\":\"Zoë\",\"email\":\"nope\"}"),
        InviteUserRequest.class))
        .isInstanceOfSatisfying(BrexValidationException.class, e ->
            assertThat(e.violations()).extracting(Violation::field).contains("last_name"));
    UpdateUserRequest u = BrexValidation.parse(
        MockServerTestBase.json("{\"manager_id\":null,\"status\":\"ACTIVE\"}"), UpdateUserRequest.class);
    assertThat(u.managerId()).isEqualTo(Patch.clear());
    assertThatThrownBy(() -> BrexValidation.parse(
        MockServerTestBase.json("{\"status\":\"INVITED\"}"), UpdateUserRequest.class))
        .isInstanceOf(BrexValidationException.class).hasMessageContaining("ACTIVE, DISABLED");
  }

  @Test
  void anUnknownPropertyAndRuleViolationsAreReportedTogether() {
    assertThatThrownBy(() -> BrexValidation.parse(MockServerTestBase.json("""
        {"owner":{"type":"USER","user_id":"cuuser_1"},"card_name":"Vendor",
         "card_type":"VIRTUAL","limit_type":"CARD","colour":"red",
         "spend_controls":{"spend_limit":{"amount":-5,"currency":"XYZ"},
           "spend_duration":"MONTHLY"}}"""), CreateCardRequest.class))
        .isInstanceOfSatisfying(BrexValidationException.class, e ->
            assertThat(e.violations()).extracting(Violation::field).containsExactlyInAnyOrder(
                "colour", "spend_controls.spend_limit.amount",
                "spend_controls.spend_limit.currency"));
  }

  @Test
  void aWronglyTypedOptionalPropertyDoesNotHideTheRules() {
    assertThatThrownBy(() -> BrexValidation.parse(MockServerTestBase.json("""
        {"owner":{"type":"USER","user_id":"cuuser_1"},"card_name":"Vendor",
         "card_type":"VIRTUAL","limit_type":"USER","metadata":"not an object",
         "mailing_address":{"line1":"PO Box 7","country":"CA","phone_number":5551234}}"""),
        CreateCardRequest.class))
        .isInstanceOfSatisfying(BrexValidationException.class, e ->
            assertThat(e.violations()).extracting(Violation::field).containsExactlyInAnyOrder(
                "metadata", "mailing_address.phone_number", "mailing_address.line1",
                "mailing_address.country"));
  }

  @Test
  void aRuleAboutAPropertyAlreadyReportedIsNotRepeated() {
    assertThatThrownBy(() -> BrexValidation.parse(MockServerTestBase.json("""
        {"owner":{"type":"USER","user_id":"cuuser_1"},"card_name":"Vendor",
         "card_type":"VIRTUAL","limit_type":"USER","unknown":1,
         "mailing_address":{"country":7}}"""), CreateCardRequest.class))
        .isInstanceOfSatisfying(BrexValidationException.class, e ->
            assertThat(e.violations()).extracting(Violation::field)
                .containsExactlyInAnyOrder("unknown", "mailing_address.country"));
  }

  @Test
  void anUnknownCurrencyInJsonIsReported() {
    assertThatThrownBy(() -> BrexValidation.parse(
        MockServerTestBase.json("{\"monthly_limit\":{\"amount\":100,\"currency\":\"XYZ\"}}"),
        org.brexsync.brex.model.SetUserLimitRequest.class))
        .isInstanceOfSatisfying(BrexValidationException.class, e ->
            assertThat(e.violations()).extracting(Violation::field)
                .containsExactly("monthly_limit.currency"));
  }
}
