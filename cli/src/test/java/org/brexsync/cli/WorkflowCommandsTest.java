package org.brexsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.brexsync.connector.workflow.Presets;
import org.brexsync.testkit.BrexSimulator;
import org.brexsync.testkit.CompanySpec;
import org.brexsync.testkit.OomnitzaSimulator;
import org.brexsync.testkit.Sandbox;
import org.brexsync.testkit.SyntheticCompany;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code workflow run|offboard|presets}: in the sandbox (small company), against configured endpoints, and bad usage. */
class WorkflowCommandsTest {
  private static final String USERS = "12";
  private static final SyntheticCompany COMPANY = SyntheticCompany.generate(Sandbox.SEED, 12);

  @TempDir Path dir;

  private static Cli.Result workflow(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "workflow";
    System.arraycopy(args, 0, all, 1, args.length);
    all[args.length + 1] = "--sandbox-users";
    all[args.length + 2] = USERS;
    return Cli.run(all);
  }

  private static void assertUsage(Cli.Result r, String... messages) {
    assertThat(r.code()).as(r.all()).isEqualTo(2);
    assertThat(r.err()).contains(messages).doesNotContain("Exception", "\tat ");
  }

  private static int cardHolder() {
    for (int i = 0; i < COMPANY.size(); i++) {
      if (COMPANY.cardCount(i) > 0) {
        return i;
      }
    }
    throw new IllegalStateException("no card holder");
  }

  @Test
  void presetsListsEveryPresetWithItsCall() {
    Cli.Result r = Cli.run("workflow", "presets");

    assertThat(r.code()).as(r.all()).isEqualTo(0);
    assertThat(r.out()).contains(Presets.names()).contains("PUT /v2/users/{{brex_user_id}}", "DISABLED");
    assertThat(r.out().lines().filter(l -> l.startsWith("brex-"))).hasSize(Presets.names().size());
  }

  @Test
  void runForOneUserAfterTheSilentSandboxSync() {
    Cli.Result r = workflow("run", "brex-get-user-details", "--user", COMPANY.userId(0));

    assertThat(r.code()).as(r.all()).isEqualTo(0);
    assertThat(r.out()).contains("workflow 'brex-get-user-details': 1 record(s), 0 failed", COMPANY.userId(0),
        "Brex Get User Details: SUCCEEDED (HTTP 200)");
    assertThat(r.err()).contains("SANDBOX", "silent sync", "brex_user_id");
  }

  @Test
  void runWithAFilterAsADryRunInJson() throws IOException {
    Cli.Result r = workflow("run", "brex-deactivate-user", "--filter", "brex_user_id is not null", "--dry-run", "--json");

    assertThat(r.code()).as(r.all()).isEqualTo(0);
    JsonNode report = new ObjectMapper().readTree(r.out());
    assertThat(report.get("dryRun").asBoolean()).isTrue();
    assertThat(report.get("records")).hasSize(COMPANY.size());
    assertThat(report.get("records").get(0).get("steps").get(0).get("status").asText()).isEqualTo("PLANNED");
    assertThat(r.out()).contains("Bearer ****").doesNotContain("SANDBOX");
  }

  @Test
  void typedPresetWithSetVariablesCreatesACard() {
    Cli.Result r = workflow("run", "brex-create-user-card", "--user", COMPANY.userId(1), "--typed",
        "--set", "card_name=Security Desk", "--set", "card_type=VIRTUAL");

    assertThat(r.code()).as(r.all()).isEqualTo(0);
    assertThat(r.out()).contains("SUCCEEDED");
  }

  @Test
  void aRecordThatFailsGivesExitCode1() {
    Cli.Result r = workflow("run", "brex-lock-card", "--user", COMPANY.userId(0));

    assertThat(r.code()).as(r.all()).isEqualTo(1);
    assertThat(r.out()).contains("1 failed", "FAILED", "card_reason");
  }

  @Test
  void presetFromAFile() throws IOException {
    Path file = dir.resolve("details.json");
    Files.writeString(file, Presets.toJson(Presets.load("brex-get-user-details")));

    Cli.Result r = workflow("run", file.toString(), "--user", COMPANY.userId(2));

    assertThat(r.code()).as(r.all()).isEqualTo(0);
    assertThat(r.out()).contains("SUCCEEDED");
  }

  @Test
  void offboardTerminatesTheCardsOfTheSelectedPeople() {
    int holder = cardHolder();

    Cli.Result r = workflow("offboard", "--filter", "username eq '" + COMPANY.userId(holder) + "'", "--terminate");

    assertThat(r.code()).as(r.all()).isEqualTo(0);
    assertThat(r.out()).contains("offboarding (terminate cards)", "1 record(s), 0 failed",
        "deactivate Brex user " + COMPANY.userId(holder), "terminate card " + COMPANY.cardId(holder, 0));
  }

  @Test
  void offboardDryRunInJsonSendsNothing() throws IOException {
    Cli.Result r = workflow("offboard", "--filter", "brex_user_id is not null", "--dry-run", "--json");

    assertThat(r.code()).as(r.all()).isEqualTo(0);
    JsonNode report = new ObjectMapper().readTree(r.out());
    assertThat(report.get("dryRun").asBoolean()).isTrue();
    assertThat(report.get("records")).hasSize(COMPANY.size());
  }

  @Test
  void filterThatMatchesNobodyIsFine() {
    Cli.Result r = workflow("run", "brex-get-user-details", "--filter", "username eq 'nobody'");

    assertThat(r.code()).as(r.all()).isEqualTo(0);
    assertThat(r.err()).contains("No Oomnitza person matched");
  }

  @Test
  void helpTextsNameTheOptions() {
    assertThat(Cli.run("workflow", "run", "--help").out()).contains("PRESET", "--user", "--filter", "--set", "--dry-run", "--typed", "--json");
    assertThat(Cli.run("workflow", "offboard", "--help").out()).contains("--filter", "--terminate", "--dry-run", "--json");
    assertThat(Cli.run("workflow", "--help").out()).contains("run", "offboard", "presets");
  }

  @Test
  void unknownPreset() {
    assertUsage(workflow("run", "brex-teleport-user", "--user", "x"), "unknown preset 'brex-teleport-user'", "brex-lock-card");
  }

  @Test
  void missingUserAndFilter() {
    assertUsage(workflow("run", "brex-get-user-details"), "--user USERNAME or --filter EXPR");
  }

  @Test
  void bothUserAndFilter() {
    assertUsage(workflow("run", "brex-get-user-details", "--user", "a", "--filter", "username eq 'a'"), "either --user or --filter, not both");
  }

  @Test
  void setWithoutAValue() {
    assertUsage(workflow("run", "brex-lock-card", "--user", "a", "--set", "card_reason"), "bad --set", "key=value");
  }

  @Test
  void setWithBrokenJson() {
    assertUsage(workflow("run", "brex-create-user-card", "--user", "a", "--set", "spend_controls={\"limit\":"), "bad --set", "not valid JSON");
  }

  @Test
  void badFilter() {
    assertUsage(workflow("offboard", "--filter", "left_company eq 'true"), "bad --filter", "unclosed quote");
  }

  @Test
  void offboardNeedsAFilter() {
    assertUsage(workflow("offboard"), "--filter");
  }

  @Test
  void unknownUsernameGivesAHint() {
    assertUsage(workflow("run", "brex-get-user-details", "--user", "nobody"), "no Oomnitza user with username 'nobody'",
        "usernames are Brex user ids");
  }

  @Test
  void configuredEndpointsUseTheBrexTokenVariableAndWriteBack() {
    try (BrexSimulator brex = BrexSimulator.builder().company(CompanySpec.of(7, 3)).start();
        OomnitzaSimulator oomnitza = OomnitzaSimulator.builder().customField("api_response", false)
            .customField("brex_status", false).start()) {
      String id = brex.company().orElseThrow().userId(0);
      oomnitza.addUser(new ObjectMapper().createObjectNode().put("username", "jim").put("email", "jim@acme.example")
          .put("first_name", "Jim").put("last_name", "Halpert").put("brex_user_id", id));
      Map<String, String> env = Map.of("BREX_BASE_URL", brex.baseUri().toString(), "BREX_API_TOKEN", brex.token(),
          "OOMNITZA_URL", oomnitza.baseUri().toString(), "OOMNITZA_API_TOKEN", oomnitza.apiToken());

      Cli.Result r = Cli.run(env, "workflow", "run", "brex-get-user-details", "--user", "jim");

      assertThat(r.code()).as(r.all()).isEqualTo(0);
      assertThat(r.all()).doesNotContain("SANDBOX", brex.token());
      assertThat(oomnitza.userBy("username", "jim").orElseThrow().get("brex_status").asText())
          .isEqualTo(brex.company().orElseThrow().status(0));

      Path config = dir.resolve("integration.json");
      try {
        Files.writeString(config, TestConfigs.LAUNCHABLE.replace("https://acme.oomnitza.example", oomnitza.baseUri().toString()));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      Cli.Result fromConfig = Cli.run(Map.of("BREX_BASE_URL", brex.baseUri().toString(), "MY_BREX_TOKEN", brex.token(),
          "MY_OOMNITZA_TOKEN", oomnitza.apiToken()), "workflow", "offboard", "--config", config.toString(),
          "--filter", "username eq 'jim'", "--dry-run");
      assertThat(fromConfig.code()).as(fromConfig.all()).isEqualTo(0);
      assertThat(fromConfig.out()).contains("jim", "Bearer ****").doesNotContain(brex.token());

      Cli.Result rejected = Cli.run(Map.of("BREX_BASE_URL", brex.baseUri().toString(), "BREX_API_TOKEN", "wrong-token",
          "OOMNITZA_URL", oomnitza.baseUri().toString(), "OOMNITZA_API_TOKEN", oomnitza.apiToken()),
          "workflow", "offboard", "--filter", "username eq 'jim'");
      assertThat(rejected.code()).as(rejected.all()).isEqualTo(3);
      assertThat(rejected.err()).contains("could not reach or authenticate").doesNotContain("wrong-token", "\tat ");
    }
  }
}
