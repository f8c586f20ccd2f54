package org.brexsync.connector.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Values with quotes and braces travel as literal strings: no field injection, no re-expansion. */
class ValuesStayLiteralTest extends WorkflowSandboxFixture {
  @Test
  void aLastNameWithQuotesAndBracesIsSentAsOneStringAndNothingElse() {
    String evil = "O'Brien\", \"manager_id\": \"cuuser_x\" {{email}}";
    sb.person("evil", "first_name", "Conan", "last_name", evil, "email", "conan@acme.example");

    RecordResult r = sb.runner.run(Presets.load(Presets.INVITE_USER), Target.username("evil"), RunOptions.defaults())
        .records().get(0);

    assertThat(r.failed()).as(r.toString()).isFalse();
    JsonNode sent = sb.lastBrex().json();
    List<String> names = new java.util.ArrayList<>();
    sent.fieldNames().forEachRemaining(names::add);
    assertThat(names).containsExactly("first_name", "last_name", "email");
    assertThat(sent.get("last_name").asText()).isEqualTo(evil);
    String id = sb.oomnitzaUser("evil").get("brex_user_id").asText();
    assertThat(sb.brex.user(id).get().get("last_name").asText()).isEqualTo(evil);
    assertThat(sb.brex.user(id).get().path("manager_id").isMissingNode() || sb.brex.user(id).get().get("manager_id").isNull())
        .isTrue();
  }

  @Test
  void aDescriptionWithBracesIsNotExpanded() {
    String id = sb.brex.createUser("Ryan", "Howard", "ryan@acme.example", "ACTIVE").get("id").asText();
    String card = sb.brex.createCard(id, "VIRTUAL", "USER").get("id").asText();
    sb.person("ryan", "brex_user_card_id", card);

    RecordResult r = sb.runner.run(Presets.load(Presets.LOCK_CARD), Target.username("ryan"), RunOptions.builder()
        .set("card_reason", "FRAUD").set("card_description", "see {{email}} and \"quotes\"").build()).records().get(0);

    assertThat(r.failed()).as(r.toString()).isFalse();
    assertThat(sb.lastBrex().json().get("description").asText()).isEqualTo("see {{email}} and \"quotes\"");
  }
}
