package org.brexsync.oomnitza;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tokens are checked when the client is built, and a request that cannot be built is a typed,
 * redacted exception: never the JDK's "invalid header value" quoting the token.
 */
class TokenCheckTest extends WireTestSupport {

  @ParameterizedTest
  @ValueSource(strings = {"\n", "\r\n", " ", "\t"})
  void surroundingWhitespaceFromAFileOrAPasteIsTrimmedAtBuildTime(String around) throws Exception {
    enqueueJson("{}");
    clientBuilder().apiToken(around + TOKEN + around).build().verifyCredentials();
    assertThat(take().getHeaders().get("Authorization2")).isEqualTo(TOKEN);
  }

  @ParameterizedTest
  @ValueSource(strings = {"tok-abc\ndef-secret", "tok-abc def-secret", "tok-abc\u0000def-secret"})
  void aTokenWithWhitespaceOrControlCharactersInsideIsRefusedWithoutEchoingIt(String token) {
    assertThatThrownBy(() -> OomnitzaClient.builder().apiToken(token))
        .isInstanceOf(OomnitzaConfigurationException.class)
        .hasMessageContaining("position 8")
        .hasMessageNotContaining("tok-abc").hasMessageNotContaining("def-secret");
  }

  @Test
  void aMissingTokenNamesWhatIsMissingAndWhereItUsuallyComesFrom() {
    assertThatThrownBy(() -> OomnitzaClient.builder().apiToken(null))
        .isInstanceOf(OomnitzaConfigurationException.class)
        .hasMessageContaining("Oomnitza API token is missing")
        .hasMessageContaining("OOMNITZA_API_TOKEN").hasMessageContaining("Configuration > Security > API tokens");
    assertThatThrownBy(() -> OomnitzaClient.builder().apiToken(" \n"))
        .isInstanceOf(OomnitzaConfigurationException.class).hasMessageContaining("blank");
    assertThatThrownBy(() -> OomnitzaClient.builder().baseUri("https://a.oomnitza.com").build())
        .isInstanceOf(OomnitzaConfigurationException.class).hasMessageContaining("apiToken(...)")
        .hasMessageContaining("OOMNITZA_API_TOKEN");
    assertThatThrownBy(() -> OomnitzaClient.builder().credentials("svc", null))
        .isInstanceOf(OomnitzaConfigurationException.class).hasMessageContaining("password");
    assertThatThrownBy(() -> OomnitzaClient.builder().baseUri((String) null))
        .isInstanceOf(OomnitzaConfigurationException.class).hasMessageContaining("OOMNITZA_URL");
  }

  @Test
  void aTokenExchangeAnsweringAMalformedTokenIsATypedErrorThatDoesNotEchoIt() {
    enqueueJson("{\"token\":\"tok-FROMSERVER\\nX-Injected: 1\"}");
    OomnitzaClient c = clientBuilder().credentials("svc", "pw-123456").build();
    assertThatThrownBy(c::verifyCredentials)
        .isInstanceOf(OomnitzaResponseException.class)
        .hasMessageContaining("whitespace or control characters")
        .hasMessageNotContaining("tok-FROMSERVER").hasMessageNotContaining("X-Injected");
    assertThat(server.getRequestCount()).as("only the token exchange").isEqualTo(1);
  }

  @Test
  void aRequestThatCannotBeBuiltIsATypedRedactedException() {
    OomnitzaClient c = clientBuilder().userAgent("agent/" + TOKEN + "\n").build();
    assertThatThrownBy(c::verifyCredentials)
        .isInstanceOf(OomnitzaConfigurationException.class)
        .hasMessageContaining("GET /api/v2/mappings").hasMessageContaining("nothing was sent")
        .hasMessageNotContaining(TOKEN)
        .satisfies(e -> assertThat(e.getCause()).isNull());
    assertThat(server.getRequestCount()).isZero();
  }
}
