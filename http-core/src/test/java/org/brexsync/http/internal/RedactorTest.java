package org.brexsync.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** One redaction for every client: configured secrets and secret-shaped text never reach a message. */
class RedactorTest {
  static final String TOKEN = "s3cr3t/token+value";

  @Test
  void configuredSecretsAndTheirUrlEncodedFormsAreMasked() {
    Redactor r = new Redactor(() -> List.of(TOKEN));
    assertThat(r.redact("a " + TOKEN + " b s3cr3t%2Ftoken%2Bvalue c")).isEqualTo("a **** b **** c");
  }

  @Test
  void secretsAreAskedForOnEveryUseSoARotatedTokenIsCovered() {
    AtomicReference<String> current = new AtomicReference<>("first-token");
    Redactor r = new Redactor(() -> List.of(current.get()));
    current.set("second-token");
    assertThat(r.redact("second-token")).isEqualTo("****");
  }

  @Test
  void aFailingSecretSourceStillLeavesThePatternsAndTheExtrasInForce() {
    Redactor r = new Redactor(() -> {
      throw new IllegalStateException("vault down");
    }).with(List.of("extra-secret"));
    assertThat(r.redact("extra-secret Bearer abcdefghijkl")).isEqualTo("**** Bearer ****");
  }

  @Test
  void secretShapedTextIsMaskedWithoutBeingConfigured() {
    Redactor r = Redactor.patternsOnly();
    assertThat(r.redact("Authorization: Bearer abcdefghijklmnop")).doesNotContain("abcdefghijklmnop");
    assertThat(r.redact("token bxt_abc123DEF")).doesNotContain("bxt_abc123DEF");
    assertThat(r.redact("{\"password\":\"hunter22\",\"api_key\":\"k-123\"}"))
        .doesNotContain("hunter22").doesNotContain("k-123");
    assertThat(r.redact("cvv: 123, card 4111 1111 1111 1111")).doesNotContain("123,")
        .doesNotContain("4111 1111 1111 1111");
  }

  @Test
  void redactSecretsLeavesEverythingButTheConfiguredSecretsIntact() {
    Redactor r = new Redactor(() -> List.of(TOKEN));
    assertThat(r.redactSecrets("{\"password\":\"x1\",\"t\":\"" + TOKEN + "\"}"))
        .isEqualTo("{\"password\":\"x1\",\"t\":\"****\"}");
  }

  @Test
  void anExcerptIsRedactedDigitMaskedCollapsedAndBounded() {
    Redactor r = new Redactor(List::of, 20);
    String e = r.excerpt("id   1234567 and a long tail of text that goes on");
    assertThat(e).startsWith("id **** and a long t").endsWith("...").hasSize(23);
    assertThat(Redactor.patternsOnly().excerpt("x".repeat(500))).hasSize(Redactor.EXCERPT + 3);
  }

  @Test
  void aSecretCutByTheExcerptsEndIsStillRecognisedWhole() {
    Redactor r = new Redactor(() -> List.of(TOKEN), 10);
    assertThat(r.excerpt("0123456 " + TOKEN)).doesNotContain("s3c");
  }

  @Test
  void describeGivesClassAndFirstLineRedacted() {
    Redactor r = new Redactor(() -> List.of(TOKEN));
    assertThat(r.describe(new IllegalArgumentException("bad " + TOKEN + " 12345678\nsecond line")))
        .isEqualTo("IllegalArgumentException: bad **** ****");
  }
}
