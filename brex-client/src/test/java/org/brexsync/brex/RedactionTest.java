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
    client = clientBuilder().retryPolicy(RetryPolicy.none()).build(); // one answer, no retry
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
    client = clientBuilder().retryPolicy(RetryPolicy.none()).build(); // one answer, no retry
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

  @Test
  void aProxyPageEchoingTheTokenInA2xxBodyNeverReachesTheException() {
    client = clientBuilder().retryPolicy(RetryPolicy.none()).build();
    enqueue(200, "<html><body>Proxy login. You sent Authorization: Bearer " + Fixtures.TOKEN
        + " card 4111 1111 1111 1111 cvv: 123</body></html>");
    assertThatThrownBy(() -> client.users().me())
        .isInstanceOfSatisfying(BrexResponseException.class, e -> {
          assertThat(e.getMessage()).contains("Proxy login").doesNotContain(Fixtures.TOKEN)
              .doesNotContain("4111 1111").doesNotContain("cvv: 123");
          assertThat(e.bodyExcerpt()).doesNotContain(Fixtures.TOKEN).doesNotContain("TestTokenDoNotLeak");
        });
  }

  @Test
  void aTokenCutByTheExcerptsEndIsStillRedacted() {
    client = clientBuilder().retryPolicy(RetryPolicy.none())
        .tokenProvider(() -> "opaque-rotated-secret-77").build();
    String pad = "x".repeat(195);
    enqueue(200, pad + " opaque-rotated-secret-77 and more");
    assertThatThrownBy(() -> client.users().me())
        .isInstanceOfSatisfying(BrexResponseException.class, e ->
            assertThat(e.bodyExcerpt()).hasSizeLessThanOrEqualTo(203).doesNotContain("opaq"));
  }

  @Test
  void anyBearerTokenOrSecretFieldInAnErrorBodyIsRedacted() {
    client = clientBuilder().retryPolicy(RetryPolicy.none()).build();
    String foreign = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJl";
    server.enqueue(new MockResponse.Builder().code(502)
        .body("upstream said: Authorization: Bearer " + foreign + " password=hunter22 api_key: k-998877")
        .build());
    assertThatThrownBy(() -> client.users().get("u"))
        .satisfies(e -> assertThat(e.getMessage()).contains("upstream said")
            .doesNotContain(foreign).doesNotContain("hunter22").doesNotContain("k-998877"));
  }

  @Test
  void aRotatedTokenEchoedInAnErrorMessageIsRedacted() {
    client = clientBuilder().tokenProvider(() -> "opaque-rotated-secret-77").build();
    enqueue(400, "{\"type\":\"BAD_REQUEST\",\"message\":\"token opaque-rotated-secret-77 rejected\"}");
    assertThatThrownBy(() -> client.users().me())
        .isInstanceOfSatisfying(BrexApiException.class, e -> {
          assertThat(e.getMessage()).doesNotContain("opaque-rotated-secret-77");
          assertThat(e.brexMessage().orElse("")).doesNotContain("opaque-rotated-secret-77");
        });
  }

  @Test
  void aHostileTraceIdHeaderIsRedactedInLogsExceptionsAndListeners() {
    java.util.List<RequestListener.Attempt> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    client = clientBuilder().retryPolicy(RetryPolicy.none()).requestListener(seen::add).build();
    String logs = captureStderr(() -> {
      server.enqueue(new MockResponse.Builder().code(404).addHeader("X-Brex-Trace-Id", "Bearer " + Fixtures.TOKEN)
          .body("{}").build());
      assertThatThrownBy(() -> client.users().get("u"))
          .isInstanceOfSatisfying(BrexApiException.class, e -> {
            assertThat(e.getMessage()).doesNotContain(Fixtures.TOKEN);
            assertThat(e.traceId().orElse("")).doesNotContain(Fixtures.TOKEN);
          });
    });
    assertThat(logs).contains("GET /v2/users/u").doesNotContain(Fixtures.TOKEN);
    assertThat(seen).singleElement().satisfies(a ->
        assertThat(a.traceId().orElseThrow()).doesNotContain(Fixtures.TOKEN));
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
