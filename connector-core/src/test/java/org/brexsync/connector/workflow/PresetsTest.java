package org.brexsync.connector.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped presets: loadable, round-trippable, and exactly per Brex's Team API spec. */
class PresetsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The Brex Team API spec from the test classpath: the repository's test-resources/specs/brex
   * (source and date in test-resources/README.md). Missing, the test fails; it never skips.
   */
  static JsonNode teamSpec() throws IOException {
    String name = "/specs/brex/brex-team-api.2025-03.json";
    try (InputStream in = PresetsTest.class.getResourceAsStream(name)) {
      assertThat(in).as("%s on the test classpath (test-resources/specs, added by the parent pom)", name).isNotNull();
      return JSON.readTree(in);
    }
  }

  @Test
  void allEightPresetsLoadInTheOrderOfOomnitzasList() {
    assertThat(Presets.all().values()).extracting(ApiBlock::name).containsExactly(
        "Brex Get User Details", "Brex Invite User", "Brex Activate User", "Brex Deactivate User",
        "Brex List User Cards", "Brex Lock Card", "Brex Terminate Card", "Brex Create User Card");
    assertThat(Presets.all().values()).allSatisfy(b -> {
      assertThat(b.credential()).as("presets use the runner's Brex credential").isEmpty();
      assertThat(b.brexOperation()).isPresent();
      assertThat(b.positive()).extracting(ResponseMapping::field).contains("api_response");
      assertThat(b.negative()).extracting(ResponseMapping::value).containsExactly("{{response}}");
    });
  }

  @Test
  void everyPresetMatchesTheSpecMethodPathQueryAndBody() throws Exception {
    JsonNode team = teamSpec();
    for (ApiBlock b : Presets.all().values()) {
      String url = b.url();
      String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
      String template = path.replaceAll("\\{\\{[^}]+}}", "{id}");
      JsonNode op = team.path("paths").path(template).path(b.method().toLowerCase());
      assertThat(op.isMissingNode()).as(b.name() + ": " + b.method() + " " + template + " in the spec").isFalse();
      List<String> params = new ArrayList<>();
      op.path("parameters").forEach(p -> params.add(p.get("name").asText()));
      if (url.contains("?")) {
        for (String kv : url.substring(url.indexOf('?') + 1).split("&")) {
          assertThat(params).as(b.name() + " query").contains(kv.substring(0, kv.indexOf('=')));
        }
      }
      if (b.body().isPresent()) {
        String ref = op.path("requestBody").path("content").path("application/json").path("schema").path("$ref").asText();
        JsonNode schema = team.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
        List<String> props = new ArrayList<>();
        schema.path("properties").fieldNames().forEachRemaining(props::add);
        List<String> sent = new ArrayList<>();
        b.body().get().fieldNames().forEachRemaining(sent::add);
        assertThat(props).as(b.name() + " body members").containsAll(sent);
        schema.path("required").forEach(r -> assertThat(sent).as(b.name() + " required").contains(r.asText()));
      } else {
        assertThat(op.has("requestBody")).as(b.name() + " has no body").isFalse();
      }
      op.path("parameters").forEach(p -> {
        if (p.path("in").asText().equals("header") && p.path("required").asBoolean()) {
          assertThat(b.headers()).as(b.name() + " required header").containsKey(p.get("name").asText());
        }
      });
    }
  }

  @Test
  void thePagesRequestSampleForCreateCardIsCovered() {
    ApiBlock create = Presets.load(Presets.CREATE_USER_CARD);
    assertThat(create.headers()).containsEntry("Idempotency-Key", "{{idempotency_key}}");
    List<String> members = new ArrayList<>();
    create.body().orElseThrow().fieldNames().forEachRemaining(members::add);
    assertThat(members).containsExactly("owner", "card_name", "card_type", "limit_type", "spend_controls",
        "mailing_address", "metadata");
  }

  @Test
  void aPresetRoundTripsThroughJsonAndAnEditedCopyIsUsable() {
    for (ApiBlock b : Presets.all().values()) {
      assertThat(Presets.fromJson(Presets.toJson(b))).isEqualTo(b);
    }
    String edited = Presets.toJson(Presets.load(Presets.GET_USER_DETAILS))
        .replace("{{brex_user_id}}", "{{employee_brex_id}}");
    assertThat(Presets.fromJson(edited).url()).isEqualTo("/v2/users/{{employee_brex_id}}");
  }

  @Test
  void aTypoInACopiedPresetIsRejected() {
    String typo = Presets.toJson(Presets.load(Presets.LOCK_CARD)).replace("\"positive\"", "\"positve\"");
    assertThatThrownBy(() -> Presets.fromJson(typo)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("positve");
    assertThatThrownBy(() -> Presets.fromJson("{\"name\":\"x\",\"method\":\"FETCH\",\"url\":\"/\"}"))
        .hasMessageContaining("method");
    assertThatThrownBy(() -> Presets.fromJson("{\"name\":\"x\",\"method\":\"GET\",\"url\":\"/{{oops\"}"))
        .hasMessageContaining("unclosed");
  }

  @Test
  void anUnknownPresetNameListsTheKnownOnes() {
    assertThatThrownBy(() -> Presets.load("brex-lock")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("brex-lock-card").hasMessageContaining("brex-create-user-card");
  }

  @Test
  void aCredentialIsAnEnvironmentVariableNameNeverAToken() {
    assertThatThrownBy(() -> Presets.fromJson(
        "{\"name\":\"x\",\"method\":\"GET\",\"url\":\"/\",\"credential\":{\"tokenEnv\":\"bxt_abc.def\"}}"))
        .hasMessageContaining("environment variable");
  }
}
