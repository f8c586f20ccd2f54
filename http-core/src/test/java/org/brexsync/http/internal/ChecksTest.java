package org.brexsync.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The checks every client makes before sending: path segments, base URIs, tokens, headers. */
class ChecksTest {
  @ParameterizedTest
  @ValueSource(strings = {"", " ", ".", "..", "a/b", "a?b", "a#b", "a\nb", "a\u0000b"})
  void aValueThatWouldChangeThePathIsNotASegment(String value) {
    assertThat(PathSegments.problem(value)).isPresent();
  }

  @Test
  void aSegmentIsPercentEncodedWithSpacesAsPercent20() {
    assertThat(PathSegments.problem("jane doe+1@acme.com")).isEmpty();
    assertThat(PathSegments.encode("jane doe+1@acme.com")).isEqualTo("jane%20doe%2B1%40acme.com");
    assertThat(PathSegments.problem(null)).contains("must not be empty");
  }

  static URI check(String uri, boolean allowPlainHttp) {
    return BaseUris.check(URI.create(uri), allowPlainHttp, "baseUri", "https://api.example",
        IllegalStateException::new);
  }

  @Test
  void aBaseUriIsHttpsOrPlainHttpOnlyToLoopbackOrWithTheOptIn() {
    assertThat(check("https://api.example/", false)).isEqualTo(URI.create("https://api.example"));
    assertThat(check("http://127.0.0.1:8080", false)).isEqualTo(URI.create("http://127.0.0.1:8080"));
    assertThat(check("http://localhost:8080", false)).hasHost("localhost");
    assertThat(check("http://[::1]:8080", false)).hasPort(8080);
    assertThatThrownBy(() -> check("http://sim.test:8080", false))
        .hasMessageContaining("plain http").hasMessageContaining("allowPlainHttp");
    assertThat(check("http://sim.test:8080", true)).hasHost("sim.test");
  }

  @Test
  void aBaseUriWithCredentialsQueryOrFragmentIsRefusedWithoutEchoingThem() {
    assertThatThrownBy(() -> check("https://user:pw-secret@api.example", false))
        .hasMessageContaining("user info").hasMessageNotContaining("pw-secret");
    assertThatThrownBy(() -> check("https://api.example?x=1", false)).hasMessageContaining("query");
    assertThatThrownBy(() -> check("ftp://api.example", false)).hasMessageContaining("https URI such as https://api.example");
    assertThatThrownBy(() -> check("/relative", false)).hasMessageContaining("without scheme");
  }

  @Test
  void aTokenIsStrippedAndOneWithInnerWhitespaceOrControlCharactersIsRefusedUnshown() {
    assertThat(Tokens.check(" tok-123\n", "The token", "HINT", IllegalStateException::new)).isEqualTo("tok-123");
    assertThatThrownBy(() -> Tokens.check("tok 123", "The token", "HINT", IllegalStateException::new))
        .hasMessageContaining("whitespace character at position 4").hasMessageEndingWith("HINT")
        .hasMessageNotContaining("tok 123");
    assertThatThrownBy(() -> Tokens.check(null, "The token", "HINT", IllegalStateException::new))
        .hasMessageContaining("missing");
    assertThatThrownBy(() -> Tokens.check("  ", "The token", "HINT", IllegalStateException::new))
        .hasMessageContaining("blank");
    assertThat(Tokens.firstBadCharacter("abcé")).isEqualTo(3);
  }

  @Test
  void headerNamesAreTokensAndValuesHaveNoControlCharacters() {
    assertThat(Headers.validName("X-Request-Source")).isTrue();
    assertThat(Headers.validName("Bad Name")).isFalse();
    assertThat(Headers.validName(null)).isFalse();
    assertThat(Headers.badValueCharacter("a\tb")).isEqualTo(-1);
    assertThat(Headers.badValueCharacter("ab\r\nX-Injected: 1")).isEqualTo(2);
    assertThat(Headers.badValueCharacter(null)).isEqualTo(0);
  }
}
