package org.brexsync.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** tokenEnv holds the name of a variable; a token pasted there is refused and never echoed. */
class ConnectionTest {

  @ParameterizedTest
  @ValueSource(strings = {"bxt_9f8e7d6c5b4aLIVE", "bxt_abc.def", "4f2a9c0b1d7e3f5a6b8c9d0e1f2a3b4c",
      "E622E72FC31F4946A77C95828FD1DBC3", "Bearer SECRETVALUE1", "brex token", "1BREX", ""})
  void aValueThatIsNotAnEnvironmentVariableNameIsReportedWithoutBeingEchoed(String value) {
    assertThatThrownBy(() -> Connection.of(Optional.empty(), value))
        .hasMessageContaining("tokenEnv must name an environment variable")
        .satisfies(e -> {
          if (!value.isEmpty()) {
            assertThat(e.getMessage()).doesNotContain(value);
          }
        });
  }

  @Test
  void aTokenPastedIntoAnIntegrationDocumentIsNotEchoed() {
    String doc = "{\"name\":\"x\",\"brex\":{\"tokenEnv\":\"bxt_9f8e7d6c5b4aLIVE\"},"
        + "\"mapping\":{\"syncKey\":\"email\",\"rules\":[{\"target\":\"email\",\"source\":\"email\"}]}}";
    assertThatThrownBy(() -> IntegrationJson.read(doc))
        .isInstanceOf(IntegrationConfigException.class)
        .hasMessageContaining("tokenEnv must name an environment variable")
        .hasMessageNotContaining("bxt_9f8e7d6c5b4aLIVE").hasMessageNotContaining("9f8e7d6c5b4a");
  }

  @ParameterizedTest
  @ValueSource(strings = {"BREX_API_TOKEN", "OOMNITZA_API_TOKEN", "MY_TOKEN_2", "_PRIVATE", "TOKEN"})
  void ordinaryVariableNamesAreAccepted(String name) {
    assertThat(Connection.of(Optional.empty(), name).tokenEnv()).isEqualTo(name);
  }

  @Test
  void theResolvedTokenLosesTheNewlineAFileLeavesOnIt() {
    Connection c = Connection.of(Optional.empty(), "BREX_API_TOKEN");
    assertThat(c.resolveToken(Map.of("BREX_API_TOKEN", "bxt_abc\n")::get)).contains("bxt_abc");
    assertThat(c.resolveToken(Map.of("BREX_API_TOKEN", " \n")::get)).isEmpty();
  }
}
