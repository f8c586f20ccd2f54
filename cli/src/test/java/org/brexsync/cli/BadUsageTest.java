package org.brexsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad usage and bad configuration: one clear message, no stack trace, exit code 2. */
class BadUsageTest {
  @TempDir Path dir;

  private static void assertUsage(Cli.Result r, String... messages) {
    assertThat(r.code()).as(r.all()).isEqualTo(2);
    assertThat(r.err()).contains(messages).doesNotContain("Exception", "\tat ");
  }

  @Test
  void noCommand() {
    assertUsage(Cli.run(), "missing command", "sync");
  }

  @Test
  void unknownCommand() {
    assertUsage(Cli.run("frobnicate"), "Unmatched argument", "frobnicate");
  }

  @Test
  void unknownOption() {
    assertUsage(Cli.run("sync", "--colour"), "Unknown option: '--colour'", "brexsync sync --help");
  }

  @Test
  void nonNumericLimit() {
    assertUsage(Cli.run("sync", "--limit", "many"), "--limit", "many");
  }

  @Test
  void zeroLimit() {
    assertUsage(Cli.run("sync", "--limit", "0"), "--limit must be at least 1");
  }

  @Test
  void reportWithAnUnknownExtension() {
    assertUsage(Cli.run("sync", "--report", "report.txt"), "--report must name a .json or .csv file");
  }

  @Test
  void missingConfigFile() {
    assertUsage(Cli.run("sync", "--config", dir.resolve("nope.json").toString()), "config file not found");
  }

  @Test
  void malformedConfigFile() throws IOException {
    Path config = dir.resolve("bad.json");
    Files.writeString(config, "{ \"name\": \"x\", ");

    assertUsage(Cli.run("sync", "--config", config.toString()), "invalid config");
  }

  @Test
  void configWithAnUnknownField() throws IOException {
    Path config = dir.resolve("typo.json");
    Files.writeString(config, TestConfigs.LAUNCHABLE.replace("\"name\"", "\"nmae\""));

    assertUsage(Cli.run("integration", "validate", "--config", config.toString()), "invalid config", "nmae");
  }

  @Test
  void configWithAnInlineSecretNeverEchoesIt() throws IOException {
    Path config = dir.resolve("secret.json");
    Files.writeString(config, TestConfigs.LAUNCHABLE.replace("\"tokenEnv\": \"MY_BREX_TOKEN\"", "\"token\": \"s3cr3t-value\""));

    Cli.Result r = Cli.run("sync", "--config", config.toString());

    assertUsage(r, "inline secret");
    assertThat(r.all()).doesNotContain("s3cr3t-value");
  }

  @Test
  void draftConfigListsWhatIsMissing() throws IOException {
    Path config = dir.resolve("draft.json");
    Files.writeString(config, TestConfigs.DRAFT);

    assertUsage(Cli.run("sync", "--config", config.toString()), "not launchable", "a Role must be selected");
  }

  @Test
  void incompleteCredentialsNameTheMissingVariables() {
    Cli.Result r = Cli.run(Map.of("BREX_API_TOKEN", "bxt_abc"), "sync");

    assertUsage(r, "incomplete credentials", "OOMNITZA_URL", "OOMNITZA_API_TOKEN", "or none of them to use the built-in sandbox");
    assertThat(r.all()).doesNotContain("bxt_abc");
  }

  @Test
  void malformedBaseUrl() {
    assertUsage(Cli.run(Map.of("BREX_API_TOKEN", "t", "BREX_BASE_URL", "not a url"), "users", "list"), "BREX_BASE_URL");
  }

  @Test
  void plainHttpOomnitzaOutsideLoopbackIsRefused() {
    Cli.Result r = Cli.run(Map.of("BREX_API_TOKEN", "t", "OOMNITZA_URL", "http://acme.oomnitza.example",
        "OOMNITZA_API_TOKEN", "o"), "sync", "--role", "25");

    assertUsage(r, "bad Oomnitza configuration");
  }

  @Test
  void realRunWithoutConfigNeedsARole() {
    Cli.Result r = Cli.run(Map.of("BREX_API_TOKEN", "t", "OOMNITZA_URL", "https://acme.oomnitza.example",
        "OOMNITZA_API_TOKEN", "o"), "sync");

    assertUsage(r, "--role ID");
  }

  @Test
  void unknownSubcommandOfUsers() {
    assertUsage(Cli.run("users"), "missing command: choose 'list'");
  }
}
