package org.brexsync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Endpoint precedence (command line > environment > integration document > default), the endpoints
 * printed at the start of every command, and what the CLI says about an integration's schedule.
 */
class EndpointsAndScheduleTest {
  @TempDir Path dir;
  Sims sims;
  String closedUrl;

  @BeforeEach
  void start() throws IOException {
    sims = Sims.start(20);
    try (ServerSocket s = new ServerSocket(0)) {
      closedUrl = "http://127.0.0.1:" + s.getLocalPort();
    }
  }

  @AfterEach
  void stop() {
    sims.close();
  }

  /** A launchable document whose Oomnitza baseUrl is {@code oomnitzaUrl}, with the default token variables. */
  private Path document(String oomnitzaUrl, String extra) throws IOException {
    Path config = dir.resolve("integration.json");
    Files.writeString(config, TestConfigs.LAUNCHABLE.replace("https://acme.oomnitza.example", oomnitzaUrl)
        .replace("MY_BREX_TOKEN", "BREX_API_TOKEN").replace("MY_OOMNITZA_TOKEN", "OOMNITZA_API_TOKEN")
        .replace("\"mapping\": {", extra + "\"mapping\": {"));
    return config;
  }

  @Test
  void theEnvironmentWinsOverTheDocumentsBaseUrl() throws IOException {
    Path config = document(closedUrl, "");

    Cli.Result r = Cli.run(sims.env(), "sync", "--config", config.toString(), "--state-dir", dir.resolve("s").toString());

    assertThat(r.code()).as(r.all()).isEqualTo(0);
    assertThat(sims.oomnitza.userCount()).isEqualTo(20);
    assertThat(r.err()).contains("Endpoints: Brex " + sims.brex.baseUri() + " (from $BREX_BASE_URL); Oomnitza "
        + sims.oomnitza.baseUri() + " (from $OOMNITZA_URL)");
  }

  @Test
  void theCommandLineWinsOverTheEnvironment() throws IOException {
    Map<String, String> env = sims.env();
    env.put("OOMNITZA_URL", closedUrl);
    env.put("BREX_BASE_URL", closedUrl);

    Cli.Result r = Cli.run(env, "sync", "--role", "25", "--state-dir", dir.resolve("s").toString(),
        "--oomnitza-url", sims.oomnitza.baseUri().toString(), "--brex-url", sims.brex.baseUri().toString());

    assertThat(r.code()).as(r.all()).isEqualTo(0);
    assertThat(sims.oomnitza.userCount()).isEqualTo(20);
    assertThat(r.err()).contains("(from --brex-url)", "Oomnitza " + sims.oomnitza.baseUri() + " (from --oomnitza-url)");
  }

  @Test
  void theDocumentIsUsedWhenNeitherFlagNorEnvironmentGivesOne() throws IOException {
    Path config = document(sims.oomnitza.baseUri().toString(), "");
    Map<String, String> env = sims.env();
    env.remove("OOMNITZA_URL");

    Cli.Result r = Cli.run(env, "sync", "--config", config.toString(), "--state-dir", dir.resolve("s").toString());

    assertThat(r.code()).as(r.all()).isEqualTo(0);
    assertThat(r.err()).contains("Oomnitza " + sims.oomnitza.baseUri() + " (from the integration document)");
  }

  @Test
  void everyCommandSaysWhichEndpointsItTalksToAndNeverTheTokens() {
    Map<String, String> brexOnly = Map.of("BREX_BASE_URL", sims.brex.baseUri().toString(), "BREX_API_TOKEN", sims.brex.token());
    String expected = "Endpoints: Brex " + sims.brex.baseUri() + " (from $BREX_BASE_URL); Oomnitza not configured";

    for (String[] args : new String[][] {{"users", "list"}, {"cards", "list"}, {"insights"}, {"report", "users"}}) {
      Cli.Result r = Cli.run(brexOnly, args);
      assertThat(r.code()).as(String.join(" ", args) + ": " + r.all()).isEqualTo(0);
      assertThat(r.err()).as(String.join(" ", args)).contains(expected).doesNotContain(sims.brex.token());
    }
    Cli.Result workflow = Cli.run(sims.env(), "workflow", "run", "brex-get-user-details", "--filter", "email is not null",
        "--dry-run");
    assertThat(workflow.err()).contains("Oomnitza " + sims.oomnitza.baseUri() + " (from $OOMNITZA_URL)")
        .doesNotContain(sims.oomnitza.apiToken(), sims.brex.token());
    Cli.Result sandbox = Cli.run("users", "list", "--sandbox-users", "5");
    assertThat(sandbox.err()).containsPattern("Endpoints: Brex http://127\\.0\\.0\\.1:\\d+ \\(sandbox\\); Oomnitza http://127\\.0\\.0\\.1:\\d+ \\(sandbox\\)");
  }

  @Test
  void credentialsInAnEndpointUrlAreRefusedWithoutBeingPrinted() {
    // The clients refuse a base URI with user info or a query (issue 12); the refusal names the
    // endpoint without them.
    assertThatThrownBy(() -> Connections.builder().environment(Map.of("BREX_API_TOKEN", "t")).requireOomnitza(false)
        .brexUrl(java.util.Optional.of("https://proxy-user:s3cret@proxy.example:8443/brex?sig=s3cret")).open())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("proxy.example:8443")
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void validateShowsTheEndpointsInTheSameOrderAndTheDefault() throws IOException {
    Path config = document("https://from-the-document.example", "");

    Cli.Result withEnv = Cli.run(Map.of("OOMNITZA_URL", sims.oomnitza.baseUri().toString()), "integration", "validate",
        "--config", config.toString());
    Cli.Result withDoc = Cli.run(Map.of(), "integration", "validate", "--config", config.toString(),
        "--brex-url", "https://proxy.example");

    assertThat(withEnv.out()).contains("Oomnitza: " + sims.oomnitza.baseUri() + " (from $OOMNITZA_URL)",
        "Brex:     https://platform.brexapis.com (default)");
    assertThat(withDoc.out()).contains("Oomnitza: https://from-the-document.example (from the document)",
        "Brex:     https://proxy.example (from --brex-url)");
  }

  @Test
  void validateSaysTheScheduleIsNotRunBySync() throws IOException {
    Path config = document("https://acme.oomnitza.example", "\"schedule\": {\"every\": \"PT6H\"},\n  ");

    Cli.Result r = Cli.run(Map.of(), "integration", "validate", "--config", config.toString());

    assertThat(r.code()).as(r.all()).isEqualTo(0);
    assertThat(r.out()).contains("Schedule: the schedule (every PT6H) is not run by 'brexsync sync'", "SyncScheduler",
        "'brexsync serve --dir FOLDER' runs every document of a folder on its schedule");
  }

  @Test
  void syncWithAScheduleSaysItRunsOnceNow() throws IOException {
    Path withSchedule = document("https://acme.oomnitza.example", "\"schedule\": {\"dailyAt\": \"03:30\", \"zone\": \"Europe/Berlin\"},\n  ");

    Cli.Result r = Cli.run(Map.of(), "sync", "--config", withSchedule.toString(), "--sandbox-users", "10", "--dry-run");
    Path without = document("https://acme.oomnitza.example", "");
    Cli.Result plain = Cli.run(Map.of(), "sync", "--config", without.toString(), "--sandbox-users", "10", "--dry-run");

    assertThat(r.code()).as(r.all()).isEqualTo(0);
    assertThat(r.err()).contains("Note: the schedule (daily at 03:30 Europe/Berlin) is not run by 'brexsync sync', which runs once, now");
    assertThat(plain.err()).doesNotContain("schedule");
  }
}
