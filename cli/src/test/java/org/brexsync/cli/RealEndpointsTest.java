package org.brexsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.brexsync.testkit.BrexSimulator;
import org.brexsync.testkit.CompanySpec;
import org.brexsync.testkit.OomnitzaSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI pointed at endpoints through the environment, as against real Brex and Oomnitza or a proxy. */
class RealEndpointsTest {
  static BrexSimulator brex;
  static OomnitzaSimulator oomnitza;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    brex = BrexSimulator.builder().company(CompanySpec.of(7, 20)).start();
    oomnitza = OomnitzaSimulator.start();
  }

  @AfterAll
  static void stop() {
    brex.close();
    oomnitza.close();
  }

  private static Map<String, String> env(String brexToken, String oomnitzaToken) {
    return Map.of(
        "BREX_BASE_URL", brex.baseUri().toString(), "BREX_API_TOKEN", brexToken,
        "OOMNITZA_URL", oomnitza.baseUri().toString(), "OOMNITZA_API_TOKEN", oomnitzaToken);
  }

  @Test
  void syncsThroughTheConfiguredEndpointsAndKeepsState() {
    Map<String, String> env = env(brex.token(), oomnitza.apiToken());
    String state = dir.resolve("state").toString();

    Cli.Result first = Cli.run(env, "sync", "--role", "25", "--state-dir", state);
    Cli.Result second = Cli.run(env, "sync", "--role", "25", "--state-dir", state);

    assertThat(first.code()).as(first.all()).isEqualTo(0);
    assertThat(first.out()).doesNotContain("SANDBOX").containsPattern("total\\s+20");
    assertThat(first.err()).contains("Syncing Brex (" + brex.baseUri() + ")");
    assertThat(oomnitza.userCount()).isEqualTo(20);
    assertThat(second.code()).isEqualTo(0);
    assertThat(second.out()).containsPattern("unchanged\\s+20").contains("writes to Oomnitza: 0");
  }

  @Test
  void configDocumentNamesItsOwnTokenVariables() throws IOException {
    Path config = dir.resolve("integration.json");
    java.nio.file.Files.writeString(config, TestConfigs.LAUNCHABLE.replace("https://acme.oomnitza.example", oomnitza.baseUri().toString()));
    Map<String, String> env = Map.of("BREX_BASE_URL", brex.baseUri().toString(),
        "MY_BREX_TOKEN", brex.token(), "MY_OOMNITZA_TOKEN", oomnitza.apiToken());

    Cli.Result r = Cli.run(env, "sync", "--config", config.toString(), "--dry-run", "--state-dir", dir.toString());

    assertThat(r.code()).as(r.all()).isEqualTo(0);
    assertThat(r.out()).contains("of 'from-file' (dry run").doesNotContain("SANDBOX");
  }

  @Test
  void rejectedBrexTokenGivesExitCode3() {
    Cli.Result r = Cli.run(env("wrong-token", oomnitza.apiToken()), "sync", "--role", "25", "--state-dir", dir.toString());

    assertThat(r.code()).as(r.all()).isEqualTo(3);
    assertThat(r.err()).contains("could not reach or authenticate").doesNotContain("wrong-token", "\tat ");
  }

  @Test
  void rejectedOomnitzaTokenGivesExitCode3() {
    Cli.Result r = Cli.run(env(brex.token(), "wrong-token"), "sync", "--role", "25", "--state-dir", dir.toString());

    assertThat(r.code()).as(r.all()).isEqualTo(3);
    assertThat(r.err()).contains("could not reach or authenticate").doesNotContain("wrong-token");
  }

  @Test
  void unreachableBrexGivesExitCode3() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    Cli.Result r = Cli.run(Map.of("BREX_BASE_URL", "http://127.0.0.1:" + closedPort, "BREX_API_TOKEN", "t"), "users", "list");

    assertThat(r.code()).as(r.all()).isEqualTo(3);
    assertThat(r.err()).contains("could not reach or authenticate");
  }

  @Test
  void listsUsersAndCardsFromTheConfiguredBrex() {
    Map<String, String> env = Map.of("BREX_BASE_URL", brex.baseUri().toString(), "BREX_API_TOKEN", brex.token());

    Cli.Result users = Cli.run(env, "users", "list");
    Cli.Result cards = Cli.run(env, "cards", "list");

    assertThat(users.code()).isEqualTo(0);
    assertThat(users.out()).contains(brex.company().orElseThrow().email(0), "20 users");
    assertThat(users.err()).doesNotContain("SANDBOX");
    assertThat(cards.code()).isEqualTo(0);
    assertThat(cards.out()).contains(brex.company().orElseThrow().cardCount(0) > 0 ? brex.company().orElseThrow().cardId(0, 0) : "cards");
  }
}
