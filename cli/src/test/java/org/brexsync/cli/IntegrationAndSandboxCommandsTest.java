package org.brexsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.brexsync.connector.Integration;
import org.brexsync.connector.IntegrationJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IntegrationAndSandboxCommandsTest {
  @TempDir Path dir;

  @Test
  void validateTheBuiltInIntegration() {
    Cli.Result r = Cli.run("integration", "validate");

    assertThat(r.code()).as(r.all()).isEqualTo(0);
    assertThat(r.out()).contains("built-in integration", "LAUNCHABLE", "username <- id", "BREX_API_TOKEN (not set)");
  }

  @Test
  void validateALaunchableDocumentAndItsEnvironment() throws IOException {
    Path config = dir.resolve("ok.json");
    Files.writeString(config, TestConfigs.LAUNCHABLE);

    Cli.Result r = Cli.run(Map.of("MY_BREX_TOKEN", "x"), "integration", "validate", "--config", config.toString());

    assertThat(r.code()).as(r.all()).isEqualTo(0);
    assertThat(r.out()).contains("'from-file': LAUNCHABLE", "$MY_BREX_TOKEN (set)", "$MY_OOMNITZA_TOKEN (not set)",
        "https://acme.oomnitza.example");
  }

  @Test
  void validateADraftDocumentExitsWith2() throws IOException {
    Path config = dir.resolve("draft.json");
    Files.writeString(config, TestConfigs.DRAFT);

    Cli.Result r = Cli.run("integration", "validate", "--config", config.toString());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).contains("DRAFT", "missing: a Role must be selected");
  }

  @Test
  void suggestMappingTable() {
    Cli.Result r = Cli.run("integration", "suggest-mapping", "--target-field", "Job Title", "--target-field", "Employee Number");

    assertThat(r.code()).as(r.all()).isEqualTo(0);
    assertThat(r.out()).contains("OOMNITZA FIELD", "CONFIDENCE")
        .containsPattern("Job Title\\s+title.name")
        .containsPattern("Employee Number\\s+remote_display_id");
  }

  @Test
  void suggestMappingAsAnIntegrationDocument() throws IOException {
    Path config = dir.resolve("ok.json");
    Files.writeString(config, TestConfigs.LAUNCHABLE);

    Cli.Result r = Cli.run("integration", "suggest-mapping", "--config", config.toString(), "--json");

    assertThat(r.code()).as(r.all()).isEqualTo(0);
    Integration suggested = IntegrationJson.read(r.out());
    assertThat(suggested.name()).isEqualTo("from-file");
    assertThat(suggested.mapping().ruleFor("last_name")).isPresent();
    assertThat(suggested.mapping().ruleFor("role").orElseThrow().constant()).isPresent();
    assertThat(suggested.validate().isLaunchable()).isTrue();
  }

  @Test
  void sandboxPrintsUrlsTokensAndExports() {
    Cli.Result r = Cli.run("sandbox", "--users", "5", "--no-wait");

    assertThat(r.code()).as(r.all()).isEqualTo(0);
    assertThat(r.out()).contains("5 users", "Brex API      http://127.0.0.1:", "Oomnitza API  http://127.0.0.1:")
        .containsPattern("export BREX_BASE_URL=http://127\\.0\\.0\\.1:\\d+")
        .containsPattern("export BREX_API_TOKEN=\\S+")
        .containsPattern("export OOMNITZA_URL=http://127\\.0\\.0\\.1:\\d+")
        .containsPattern("export OOMNITZA_API_TOKEN=\\S+");
  }

  @Test
  void sandboxRunsUntilInterrupted() {
    boolean[] waited = {false};
    java.io.StringWriter out = new java.io.StringWriter();

    int code = Brexsync.runner().out(new java.io.PrintWriter(out)).err(new java.io.PrintWriter(new java.io.StringWriter()))
        .awaitInterrupt(() -> waited[0] = true).execute("sandbox", "--users", "3");

    assertThat(code).isEqualTo(0);
    assertThat(waited[0]).isTrue();
    assertThat(out.toString()).contains("Press Ctrl-C to stop.");
  }

  @Test
  void sandboxOnABusyPortIsAClearUsageError() throws IOException {
    try (java.net.ServerSocket busy = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      Cli.Result r = Cli.run("sandbox", "--users", "3", "--no-wait", "--oomnitza-port", Integer.toString(busy.getLocalPort()));

      assertThat(r.code()).as(r.all()).isEqualTo(2);
      assertThat(r.err()).contains("cannot start the sandbox").doesNotContain("\tat ");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "sync", "users", "users list", "cards", "cards list", "integration",
      "integration validate", "integration suggest-mapping", "sandbox"})
  void everyCommandHasHelp(String command) {
    String[] args = (command + " --help").trim().split(" ");

    Cli.Result r = Cli.run(args);

    assertThat(r.code()).isEqualTo(0);
    assertThat(r.out()).contains("Usage: brexsync" + (command.isEmpty() ? "" : " " + command));
  }

  @Test
  void version() {
    Cli.Result r = Cli.run("--version");

    assertThat(r.code()).isEqualTo(0);
    assertThat(r.out()).startsWith("brexsync ");
  }
}
