package org.brexsync.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.brexsync.testkit.BrexSimulator;
import org.brexsync.testkit.OomnitzaSimulator;
import org.brexsync.testkit.Sandbox;
import org.junit.jupiter.api.Test;

/** The example programs' clients: from the variables when set, else the sandbox; closing releases both. */
class ExampleClientsTest {
  @Test
  void theVariablesPointTheClientsAtTheirSystems() {
    try (BrexSimulator brex = BrexSimulator.start(); OomnitzaSimulator oomnitza = OomnitzaSimulator.start()) {
      ExampleClients c = ExampleClients.fromEnvironment(Map.of(
          "BREX_API_TOKEN", brex.token(), "BREX_BASE_URL", brex.baseUri().toString(),
          "OOMNITZA_URL", oomnitza.baseUri().toString(), "OOMNITZA_API_TOKEN", oomnitza.apiToken()));

      assertThat(c.isSandbox()).isFalse();
      assertThat(c.brex().users().me().id()).isEqualTo(brex.adminUserId());
      assertThat(c.oomnitza().baseUri()).isEqualTo(oomnitza.baseUri());

      c.close();
      assertThat(c.brex().isClosed()).isTrue();
      assertThat(c.oomnitza().isClosed()).isTrue();
    }
  }

  @Test
  void withNoVariableTheyUseTheSandboxAndClosingStopsIt() {
    ExampleClients c = ExampleClients.sandbox(5);
    Sandbox sandbox = c.sandbox().orElseThrow();
    assertThat(c.brex().users().list().stream().count()).isEqualTo(5);

    c.close();

    assertThat(c.brex().isClosed()).isTrue();
    assertThat(c.oomnitza().isClosed()).isTrue();
    assertThatThrownBy(() -> sandbox.brexUri().toURL().openStream().close()).isInstanceOf(java.io.IOException.class);
  }

  @Test
  void aMissingBrexTokenIsNamed() {
    assertThatThrownBy(() -> ExampleClients.fromEnvironment(Map.of("OOMNITZA_URL", "https://acme.oomnitza.example")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("BREX_API_TOKEN is not set");
  }
}
