package org.brexsync.brex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tokens are checked when the client is built, and a request that cannot be built is a typed,
 * redacted exception: never the JDK's "invalid header value" quoting the token.
 */
class TokenCheckTest extends MockServerTestBase {

  @ParameterizedTest
  @ValueSource(strings = {"\n", "\r\n", " ", "\t", " \n"})
  void surroundingWhitespaceFromAFileOrAPasteIsTrimmedAtBuildTime(String around) {
    client = clientBuilder().token(around + Fixtures.TOKEN + around).build();
    enqueue(Fixtures.USER_JIM);
    client.users().me();
    assertThat(take().getHeaders().get("Authorization")).isEqualTo("Bearer " + Fixtures.TOKEN);
  }

  @ParameterizedTest
  @ValueSource(strings = {"bxt_abc\ndef_secret", "bxt_abc def_secret", "bxt_abc\u0000def_secret",
      "bxt_abc\u00e9def_secret"})
  void aTokenWithWhitespaceOrControlCharactersInsideIsRefusedWithoutEchoingIt(String token) {
    assertThatThrownBy(() -> BrexClient.builder().token(token))
        .isInstanceOf(BrexConfigurationException.class)
        .hasMessageContaining("position 8")
        .hasMessageNotContaining("bxt_abc").hasMessageNotContaining("def_secret");
  }

  @Test
  void aMissingTokenNamesWhatIsMissingAndWhereItUsuallyComesFrom() {
    assertThatThrownBy(() -> BrexClient.builder().token(null))
        .isInstanceOf(BrexConfigurationException.class)
        .hasMessageContaining("Brex API token is missing")
        .hasMessageContaining("BREX_API_TOKEN").hasMessageContaining("Developer > Settings");
    assertThatThrownBy(() -> BrexClient.builder().token("  \n"))
        .isInstanceOf(BrexConfigurationException.class).hasMessageContaining("blank")
        .hasMessageContaining("BREX_API_TOKEN");
    assertThatThrownBy(() -> BrexClient.builder().tokenProvider(null))
        .isInstanceOf(BrexConfigurationException.class).hasMessageContaining("BREX_API_TOKEN");
    assertThatThrownBy(() -> BrexClient.builder().build())
        .isInstanceOf(BrexConfigurationException.class).hasMessageContaining("token(...)")
        .hasMessageContaining("BREX_API_TOKEN");
  }

  @Test
  void aRotatingProviderReturningABadTokenIsATypedRedactedFailureAndNothingIsSent() {
    client = clientBuilder().tokenProvider(() -> Fixtures.TOKEN + "\r\nX-Injected: 1").build();
    assertThatThrownBy(() -> client.users().me())
        .isInstanceOf(BrexConfigurationException.class)
        .hasMessageContaining("TokenProvider").hasMessageContaining("GET /v2/users/me was not sent")
        .hasMessageNotContaining(Fixtures.TOKEN).hasMessageNotContaining("X-Injected");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aRotatingProviderMayAddATrailingNewline() {
    client = clientBuilder().tokenProvider(() -> Fixtures.TOKEN + "\n").build();
    enqueue(Fixtures.USER_JIM);
    client.users().me();
    assertThat(take().getHeaders().get("Authorization")).isEqualTo("Bearer " + Fixtures.TOKEN);
  }

  @Test
  void aProviderReturningNullIsAConfigurationException() {
    client = clientBuilder().tokenProvider(() -> null).build();
    assertThatThrownBy(() -> client.users().me())
        .isInstanceOf(BrexConfigurationException.class).hasMessageContaining("missing");
  }

  @Test
  void aRequestThatCannotBeBuiltIsATypedRedactedException() {
    client = clientBuilder().userAgent("agent/" + Fixtures.TOKEN + "\n").build();
    assertThatThrownBy(() -> client.users().me())
        .isInstanceOf(BrexConfigurationException.class)
        .hasMessageContaining("GET /v2/users/me").hasMessageContaining("nothing was sent")
        .hasMessageNotContaining(Fixtures.TOKEN)
        .satisfies(e -> assertThat(e.getCause()).isNull());
    assertThat(server.getRequestCount()).isZero();
  }
}
