package org.brexsync.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.brexsync.connector.mapping.Mapping;
import org.brexsync.connector.sync.SyncEngine;
import org.junit.jupiter.api.Test;

class ConnectionTest {
  @Test
  void tokensResolveFromTheEnvironmentOnly() {
    Connection c = Connection.of(Optional.empty(), "BREX_API_TOKEN");
    assertThat(c.resolveToken(Map.of("BREX_API_TOKEN", "bxt_x")::get)).contains("bxt_x");
    assertThat(c.resolveToken(Map.<String, String>of()::get)).isEmpty();
    assertThat(c.toString()).doesNotContain("bxt_x");
  }

  @Test
  void engineWithoutPortsNamesTheMissingVariable() {
    Integration in =
        Integration.builder()
            .name("n")
            .mapping(Mapping.standard(1))
            .brex(Connection.of(Optional.empty(), "MY_BREX_TOKEN"))
            .build();
    assertThatThrownBy(() -> SyncEngine.builder().integration(in).environment(k -> null).build())
        .isInstanceOf(ConnectorException.class)
        .hasMessageContaining("MY_BREX_TOKEN");
    Integration noOomnitza = Integration.builder().from(in).build();
    assertThatThrownBy(() -> SyncEngine.builder().integration(noOomnitza).environment(k -> "tok").build())
        .hasMessageContaining("no \"oomnitza\" connection");
  }
}
