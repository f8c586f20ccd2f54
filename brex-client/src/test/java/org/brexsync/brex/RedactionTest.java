package org.brexsync.brex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.brexsync.brex.model.CardNumber;
import org.junit.jupiter.api.Test;

/** The token, card numbers and CVVs never reach toString, logs or exception messages. */
class RedactionTest extends MockServerTestBase {
  private static final String PAN = "4111111111111111";
  private static final String CVV = "987";

  @Test
  void clientBuilderAndTokenProviderHideTheToken() {
    assertThat(client.toString()).doesNotContain(Fixtures.TOKEN);
    assertThat(clientBuilder().toString()).doesNotContain(Fixtures.TOKEN);
    assertThat(TokenProvider.of(Fixtures.TOKEN).toString()).doesNotContain(Fixtures.TOKEN);
  }

  @Test
  void cardNumberToStringMasksNumberAndCvv() {
    CardNumber n = BrexJson.fromJson(Fixtures.CARD_NUMBER, CardNumber.class);
    assertThat(n.toString()).doesNotContain(PAN).doesNotContain("\"987\"").contains("****");
    assertThat(n.toString()).doesNotContain("cvv=987");
  }

  @Test
  void logsAndErrorsNeverContainSecrets() {
    String logs = captureStderr(() -> {
      enqueue(Fixtures.CARD_NUMBER);
      client.cards().getNumber("ncard_1");
      server.enqueue(new MockResponse.Builder().code(200).body(Fixtures.CARD_NUMBER)
          .onResponseStart(new SocketEffect.CloseSocket()).build());
      enqueue(Fixtures.CARD_NUMBER);
      client.cards().getNumber("ncard_1");
      enqueue(401, "{\"type\":\"UNAUTHORIZED\",\"message\":\"Bad token " + Fixtures.TOKEN + "\"}");
      assertThatThrownBy(() -> client.users().me())
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain(Fixtures.TOKEN));
    });
    assertThat(logs).contains("GET /v2/cards/ncard_1/pan");
    assertThat(logs).doesNotContain(Fixtures.TOKEN).doesNotContain(PAN).doesNotContain(CVV + "\"");
  }

  @Test
  void malformedCardNumberResponseDoesNotQuoteTheBody() {
    enqueue(200, "{\"id\":\"ncard_1\",\"number\":\"" + PAN + "\",\"cvv\":\"" + CVV + "\"");
    assertThatThrownBy(() -> client.cards().getNumber("ncard_1"))
        .isInstanceOfSatisfying(BrexResponseException.class, e -> {
          assertThat(e.getMessage()).doesNotContain(PAN).doesNotContain(CVV);
          assertThat(e.bodyExcerpt()).doesNotContain(PAN);
          assertThat(e.getCause()).isNull();
        });
  }

  @Test
  void cardNumberWithMissingFieldDoesNotLeakViaCause() {
    enqueue(200, "{\"id\":\"ncard_1\",\"number\":\"" + PAN + "\"}");
    assertThatThrownBy(() -> client.cards().getNumber("ncard_1"))
        .isInstanceOfSatisfying(BrexResponseException.class, e -> {
          Throwable t = e;
          while (t != null) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(PAN);
            t = t.getCause();
          }
        });
  }

  @Test
  void errorBodyExcerptsMaskLongDigitRuns() {
    client = clientBuilder().retryPolicy(RetryPolicy.none()).build();
    server.enqueue(new MockResponse.Builder().code(500).body("oops " + PAN).build());
    assertThatThrownBy(() -> client.users().get("u"))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(PAN));
  }

  private static String captureStderr(Runnable r) {
    PrintStream old = System.err;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      r.run();
    } finally {
      System.setErr(old);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }
}
