package org.brexsync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.brexsync.testkit.Sandbox;
import org.junit.jupiter.api.Test;

/**
 * Connections own what they build (clients and sandbox) and close it; a refused endpoint URL is
 * named without the credentials it may carry; plain http to a remote host is an explicit opt-in the
 * command line can give.
 */
class ConnectionsTest {
  /** Plain http to hosts that are not loopback. Resolving connections contacts neither. */
  private static final Map<String, String> REMOTE_HTTP = Map.of(
      "BREX_API_TOKEN", "brex-token", "BREX_BASE_URL", "http://brex-rig.example:8080",
      "OOMNITZA_URL", "http://oomnitza-rig.example:8081", "OOMNITZA_API_TOKEN", "oomnitza-token");

  @Test
  void closeClosesTheClientsItBuilt() {
    try (Sims sims = Sims.start(3)) {
      Connections c = Connections.builder().environment(sims.env()).open();

      c.close();

      assertThat(c.brex().isClosed()).isTrue();
      assertThat(c.oomnitza().isClosed()).isTrue();
    }
  }

  @Test
  void whenBrexBuiltGetsTheBrexClientOfRealConnectionsAndAFailureAfterItStillClosesIt() {
    try (Sims sims = Sims.start(3)) {
      java.util.List<org.brexsync.brex.BrexClient> given = new java.util.ArrayList<>();
      try (Connections c = Connections.builder().environment(sims.env()).whenBrexBuilt(given::add).open()) {
        assertThat(given).containsExactly(c.brex());
      }

      Map<String, String> badOomnitza = new HashMap<>(sims.env());
      badOomnitza.put("OOMNITZA_URL", "ftp://oomnitza.example");
      given.clear();
      assertThatThrownBy(() -> Connections.builder().environment(badOomnitza).whenBrexBuilt(given::add).open())
          .isInstanceOf(ConfigurationException.class);
      assertThat(given).hasSize(1);
      assertThat(given.get(0).isClosed()).as("the Brex client of connections that failed to open").isTrue();
    }
    java.util.List<org.brexsync.brex.BrexClient> sandbox = new java.util.ArrayList<>();
    try (Connections c = Connections.builder().environment(Map.of()).sandboxUsers(5).whenBrexBuilt(sandbox::add).open()) {
      assertThat(sandbox).as("the sandbox checks no credentials").isEmpty();
    }
  }

  @Test
  void closeClosesTheSandboxClientsAndStopsTheSandbox() {
    Connections c = Connections.builder().environment(Map.of()).sandboxUsers(5).open();
    Sandbox sandbox = c.sandbox().orElseThrow();

    c.close();

    assertThat(c.brex().isClosed()).isTrue();
    assertThat(c.oomnitza().isClosed()).isTrue();
    assertThatThrownBy(() -> sandbox.brexUri().toURL().openStream().close()).isInstanceOf(java.io.IOException.class);
  }

  @Test
  void aMalformedEndpointUrlIsNamedWithoutItsCredentials() {
    for (String url : new String[] {
        "//proxy-user:s3cret@proxy.example:8443/brex?sig=s3cret",         // not absolute
        "https://proxy-user:s3cret@proxy example:8443/brex?sig=s3cret#s3cret"}) { // not a URL at all
      assertThatThrownBy(() -> Connections.builder().environment(Map.of("BREX_API_TOKEN", "t")).requireOomnitza(false)
          .brexUrl(Optional.of(url)).open())
          .as(url)
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("from --brex-url")
          .hasMessageContaining("proxy")
          .satisfies(e -> {
            for (Throwable t = e; t != null; t = t.getCause()) {
              assertThat(String.valueOf(t.getMessage())).as(url).doesNotContain("s3cret");
            }
          });
    }
  }

  @Test
  void plainHttpToARemoteHostIsRefusedNamingTheCommandLineOptIn() {
    Cli.Result r = Cli.run(REMOTE_HTTP, "users", "list");

    assertThat(r.code()).as(r.all()).isEqualTo(Brexsync.USAGE);
    assertThat(r.err()).contains("http://brex-rig.example:8080", "--allow-plain-http", "BREXSYNC_ALLOW_PLAIN_HTTP=true")
        .doesNotContain("allowPlainHttp(true)", "brex-token");
  }

  @Test
  void theOptInFromTheCommandLineOrTheEnvironmentAcceptsPlainHttpToARemoteHost() {
    Map<String, String> optedIn = new HashMap<>(REMOTE_HTTP);
    optedIn.put("BREXSYNC_ALLOW_PLAIN_HTTP", "true");

    // sync without --role against real systems stops after connecting, before any request
    for (Cli.Result r : new Cli.Result[] {Cli.run(REMOTE_HTTP, "sync", "--allow-plain-http"), Cli.run(optedIn, "sync")}) {
      assertThat(r.code()).as(r.all()).isEqualTo(Brexsync.USAGE);
      assertThat(r.err()).contains("Endpoints: Brex http://brex-rig.example:8080 (from $BREX_BASE_URL); "
          + "Oomnitza http://oomnitza-rig.example:8081 (from $OOMNITZA_URL)", "--role ID")
          .doesNotContain("--allow-plain-http or");
    }
    try (Connections c = Connections.builder().environment(REMOTE_HTTP).allowPlainHttp(true).open()) {
      assertThat(c.brex().baseUri()).hasToString("http://brex-rig.example:8080");
      assertThat(c.oomnitza().baseUri()).hasToString("http://oomnitza-rig.example:8081");
    }
  }

  @Test
  void theOptInVariableMustSayTrueOrFalse() {
    Map<String, String> env = new HashMap<>(REMOTE_HTTP);
    env.put("BREXSYNC_ALLOW_PLAIN_HTTP", "maybe");

    assertThatThrownBy(() -> Connections.builder().environment(env).open())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("BREXSYNC_ALLOW_PLAIN_HTTP");
  }
}
