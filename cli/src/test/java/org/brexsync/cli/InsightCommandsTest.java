package org.brexsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.brexsync.connector.insight.Catalog;
import org.brexsync.connector.insight.InsightRule;
import org.brexsync.testkit.BrexSimulator;
import org.brexsync.testkit.CompanySpec;
import org.brexsync.testkit.Sandbox;
import org.brexsync.testkit.SyntheticCompany;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report}, {@code dashboard} and {@code insights} in the sandbox (small company), and bad usage. */
class InsightCommandsTest {
  private static final SyntheticCompany COMPANY = SyntheticCompany.generate(Sandbox.SEED, 12);

  @TempDir Path dir;

  private static void assertUsage(Cli.Result r, String... messages) {
    assertThat(r.code()).as(r.all()).isEqualTo(2);
    assertThat(r.err()).contains(messages).doesNotContain("Exception", "\tat ");
  }

  @Test
  void insightsTableCountsEveryRuleWithOomnitzaJoined() {
    Cli.Result r = Cli.run("insights", "--sandbox-users", "12");

    assertThat(r.code()).as(r.all()).isEqualTo(0);
    assertThat(r.out()).contains("NAME", "COUNT")
        .contains(Catalog.insights().stream().map(InsightRule::name).toList())
        .doesNotContain("n/a");
    // After the silent sync every Brex user is in Oomnitza.
    assertThat(r.out().lines().filter(l -> l.startsWith("users-missing-from-oomnitza"))).singleElement()
        .satisfies(l -> assertThat(l).matches("users-missing-from-oomnitza\\s+0\\s.*"));
    assertThat(r.err()).contains("SANDBOX", "silent sync");
  }

  @Test
  void reportToStdoutIsCsvByDefault() {
    Cli.Result r = Cli.run("report", "users", "--sandbox-users", "12");

    assertThat(r.code()).as(r.all()).isEqualTo(0);
    assertThat(r.out()).contains("\r\n", COMPANY.email(0), COMPANY.email(11)).doesNotContain("SANDBOX");
  }

  @Test
  void reportAsJsonToStdout() throws IOException {
    Cli.Result r = Cli.run("report", "cards", "--format", "json", "--sandbox-users", "12");

    assertThat(r.code()).as(r.all()).isEqualTo(0);
    JsonNode report = new ObjectMapper().readTree(r.out());
    assertThat(report.get("view").asText()).isEqualTo("cards");
    assertThat(report.get("rows")).hasSize((int) COMPANY.cards().count());
  }

  @Test
  void reportToAFileTakesTheFormatFromTheExtension() throws IOException {
    Path out = dir.resolve("by-department.html");

    Cli.Result r = Cli.run("report", "users-by-department", "--out", out.toString(), "--sandbox-users", "12");

    assertThat(r.code()).as(r.all()).isEqualTo(0);
    assertThat(r.out()).contains("written to " + out, "HTML");
    assertThat(Files.readString(out)).contains("<html", "</table>");
  }

  @Test
  void reportOfAnInsightsMembers() throws IOException {
    Path out = dir.resolve("members.csv");

    Cli.Result r = Cli.run("report", "active-users-without-cards", "--format", "csv", "--out", out.toString(), "--sandbox-users", "12");

    assertThat(r.code()).as(r.all()).isEqualTo(0);
    assertThat(out).exists();
  }

  @Test
  void dashboardIsOneHtmlFileWithCharts() throws IOException {
    Path out = dir.resolve("dashboard.html");

    Cli.Result r = Cli.run("dashboard", "--out", out.toString(), "--sandbox-users", "12");

    assertThat(r.code()).as(r.all()).isEqualTo(0);
    assertThat(r.out()).contains("Dashboard written to " + out);
    assertThat(Files.readString(out)).contains("<svg", "<html");
  }

  @Test
  void reportHelpListsTheViews() {
    Cli.Result r = Cli.run("report", "--help");

    assertThat(r.code()).isEqualTo(0);
    assertThat(r.out().replaceAll("\\s+", " ")).contains(Catalog.names().stream().map(n -> n.replace("-", "-")).toList())
        .contains("--format", "--out");
  }

  @Test
  void unknownView() {
    assertUsage(Cli.run("report", "who-has-what", "--sandbox-users", "12"), "unknown view 'who-has-what'", "users-by-status");
  }

  @Test
  void unknownFormat() {
    assertUsage(Cli.run("report", "users", "--format", "xlsx", "--sandbox-users", "12"), "unknown report format 'xlsx'");
  }

  @Test
  void dashboardNeedsOut() {
    assertUsage(Cli.run("dashboard"), "--out");
  }

  @Test
  void outInAMissingDirectory() {
    assertUsage(Cli.run("dashboard", "--out", dir.resolve("no/such/dir/d.html").toString(), "--sandbox-users", "12"),
        "does not exist");
  }

  @Test
  void rejectedBrexTokenGivesExitCode3() {
    try (BrexSimulator brex = BrexSimulator.builder().company(CompanySpec.of(7, 5)).start()) {
      Map<String, String> env = Map.of("BREX_BASE_URL", brex.baseUri().toString(), "BREX_API_TOKEN", "wrong-token");

      for (String[] args : new String[][] {{"insights"}, {"report", "users"}, {"dashboard", "--out", dir.resolve("d.html").toString()}}) {
        Cli.Result r = Cli.run(env, args);

        assertThat(r.code()).as(r.all()).isEqualTo(3);
        assertThat(r.err()).contains("could not reach or authenticate").doesNotContain("wrong-token", "\tat ");
      }
    }
  }

  @Test
  void halfAnOomnitzaConfigurationIsAUsageError() {
    try (BrexSimulator brex = BrexSimulator.builder().company(CompanySpec.of(7, 5)).start()) {
      Cli.Result r = Cli.run(Map.of("BREX_BASE_URL", brex.baseUri().toString(), "BREX_API_TOKEN", brex.token(),
          "OOMNITZA_URL", "https://acme.oomnitza.example"), "insights");

      assertUsage(r, "OOMNITZA_API_TOKEN");
    }
  }

  @Test
  void withOnlyBrexConfiguredTheJoinedInsightsAreNotAvailable() {
    try (BrexSimulator brex = BrexSimulator.builder().company(CompanySpec.of(7, 5)).start()) {
      Cli.Result r = Cli.run(Map.of("BREX_BASE_URL", brex.baseUri().toString(), "BREX_API_TOKEN", brex.token()), "insights");

      assertThat(r.code()).as(r.all()).isEqualTo(0);
      assertThat(r.out()).contains("n/a", "cards-of-disabled-users");
      assertThat(r.err()).contains("Oomnitza is not configured").doesNotContain("SANDBOX");
    }
  }
}
