package org.brexsync.connector.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.brexsync.connector.workflow.BrexOperation;
import org.junit.jupiter.api.Test;

/** An API block's body is checked as brex-client checks JSON requests: every problem, unknown names included. */
class BrexChecksTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Optional<JsonNode> body(String json) throws Exception {
    return Optional.of(JSON.readTree(json));
  }

  @Test
  void aMisspeltPropertyInAnInviteBodyIsReportedNotIgnored() throws Exception {
    assertThat(BrexChecks.bodyProblems(BrexOperation.INVITE_USER, body(
        "{\"first_name\":\"Ada\",\"last_name\":\"Lovelace\",\"email\":\"ada@acme.example\","
            + "\"manger_id\":\"cuuser_1\"}")))
        .singleElement().asString().startsWith("manger_id:").contains("is not a property of InviteUserRequest");
  }

  @Test
  void anUnknownPropertyIsReportedAlongsideTheRulesBrokenByTheRest() throws Exception {
    assertThat(BrexChecks.bodyProblems(BrexOperation.LOCK_CARD, body(
        "{\"reason\":\"CARD_LOST\",\"descripton\":\"lost\"}")))
        .anySatisfy(p -> assertThat(p).startsWith("descripton:"));
  }

  @Test
  void aValidBodyHasNoProblems() throws Exception {
    assertThat(BrexChecks.bodyProblems(BrexOperation.INVITE_USER, body(
        "{\"first_name\":\"Ada\",\"last_name\":\"Lovelace\",\"email\":\"ada@acme.example\"}")))
        .isEmpty();
  }
}
