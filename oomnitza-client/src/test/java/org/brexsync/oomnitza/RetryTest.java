package org.brexsync.oomnitza;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;

class RetryTest extends WireTestSupport {

  private static MockResponse status(int code) {
    return new MockResponse.Builder().code(code).body("{\"error\":\"busy\"}").build();
  }

  private static MockResponse dropConnection() {
    return new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build();
  }

  @Test
  void retriesServerErrorsOnReadsWithExponentialBackoff() {
    server.enqueue(status(503));
    server.enqueue(status(500));
    server.enqueue(status(502));
    enqueueJson("[]");
    assertThat(client().users().list().toList()).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(4);
    // jitter source 0 ⇒ half of each delay: 500 ms · 2^n · 0.5
    assertThat(sleeps).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofMillis(1000));
  }

  @Test
  void theRetryPolicysJitterSourceIsUsedWhenTheClientSetsNone() {
    server.enqueue(status(503));
    enqueueJson("{}");
    OomnitzaClient c = OomnitzaClient.builder().baseUri(server.url("/").uri()).apiToken(TOKEN).sleeper(sleeps::add)
        .retryPolicy(RetryPolicy.builder().random(() -> 0.999999).build()).build();
    c.verifyCredentials();
    // the policy's source near 1 ⇒ the whole first delay (500 ms), not a random share of it
    assertThat(sleeps).containsExactly(Duration.ofMillis(500));
  }

  @Test
  void fullJitterRangeStaysWithinTheCap() {
    RetryPolicy p = RetryPolicy.builder().initialBackoff(Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(5)).build();
    assertThat(p.backoff(1, 0.0)).isEqualTo(Duration.ofMillis(500));
    assertThat(p.backoff(1, 0.999999)).isEqualTo(Duration.ofMillis(1000));
    assertThat(p.backoff(10, 0.999999)).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void retryAfterSecondsWinsOverBackoff() {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "7").build());
    enqueueJson("{}");
    client().verifyCredentials();
    assertThat(sleeps).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void retryAfterHttpDateIsMeasuredAgainstTheClock() {
    Instant now = Instant.parse("2026-01-01T10:00:00Z");
    server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "Thu, 01 Jan 2026 10:00:03 GMT").build());
    enqueueJson("{}");
    clientBuilder().clock(Clock.fixed(now, ZoneOffset.UTC)).build().verifyCredentials();
    assertThat(sleeps).containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void aRetryAfterBeyondTheCapEndsRetryingWithARateLimitError() {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "3600").build());
    assertThatThrownBy(() -> client().verifyCredentials())
        .isInstanceOfSatisfying(OomnitzaRateLimitException.class,
            e -> assertThat(e.retryAfter()).contains(Duration.ofHours(1)));
    assertThat(sleeps).isEmpty();
  }

  @Test
  void persistent429BecomesARateLimitErrorAfterMaxAttempts() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(status(429));
    }
    assertThatThrownBy(() -> client().users().get("x")).isInstanceOf(OomnitzaRateLimitException.class);
    assertThat(server.getRequestCount()).isEqualTo(RetryPolicy.DEFAULT_MAX_ATTEMPTS);
    assertThat(sleeps).hasSize(3);
  }

  @Test
  void createIsNotRetriedAfterA500BecauseItMayHaveBeenProcessed() {
    server.enqueue(status(500));
    assertThatThrownBy(() -> client().users().create(OomnitzaUser.builder().username("j").build()))
        .isInstanceOf(OomnitzaServerException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void createIsRetriedAfter503And429WhichMeanNotProcessed() {
    server.enqueue(status(503));
    server.enqueue(status(429));
    enqueueJson("{\"username\":\"j\"}");
    client().users().create(OomnitzaUser.builder().username("j").build());
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void createIsNotRetriedWhenTheConnectionDropsAfterSending() {
    server.enqueue(dropConnection());
    enqueueJson("{}");
    assertThatThrownBy(() -> client().users().create(OomnitzaUser.builder().username("j").build()))
        .isInstanceOf(OomnitzaNetworkException.class)
        .hasMessageContaining("POST /api/v3/users");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void readsAreRetriedWhenTheConnectionDrops() {
    // The JDK client itself repeats a GET once on a dropped connection; three drops need our retry too.
    server.enqueue(dropConnection());
    server.enqueue(dropConnection());
    server.enqueue(dropConnection());
    enqueueJson("[]");
    assertThat(client().users().list().toList()).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(4);
    assertThat(sleeps).isNotEmpty();
  }

  @Test
  void connectFailuresAreRetriedEvenForCreateThenReportedAsNetworkErrors() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    OomnitzaClient c = clientBuilder().baseUri("http://127.0.0.1:" + port).build();
    assertThatThrownBy(() -> c.users().create(OomnitzaUser.builder().username("j").build()))
        .isInstanceOfSatisfying(OomnitzaNetworkException.class, e -> {
          assertThat(e.method()).isEqualTo("POST");
          assertThat(e.path()).isEqualTo("/api/v3/users");
          assertThat(e.getMessage()).doesNotContain(TOKEN);
        });
    assertThat(sleeps).hasSize(RetryPolicy.DEFAULT_MAX_ATTEMPTS - 1);
  }

  @Test
  void aTimedOutCreateIsNotRetriedAndIsANetworkError() throws InterruptedException {
    server.enqueue(new MockResponse.Builder().headersDelay(1, java.util.concurrent.TimeUnit.SECONDS).body("{}").build());
    assertThatThrownBy(() -> client().users().create(OomnitzaUser.builder().username("j").build(),
            RequestOptions.builder().timeout(Duration.ofMillis(100)).build()))
        .isInstanceOf(OomnitzaNetworkException.class)
        .hasMessageContaining("timed out");
    // The client may give up before the server has recorded the request: wait for it (bounded).
    assertThat(server.takeRequest(10, java.util.concurrent.TimeUnit.SECONDS)).isNotNull();
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void noRetriesWithPolicyNone() {
    server.enqueue(status(503));
    assertThatThrownBy(() -> clientBuilder().retryPolicy(RetryPolicy.none()).build().users().list().toList())
        .isInstanceOf(OomnitzaServerException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void retryStatusesAreConfigurable() {
    server.enqueue(status(500));
    assertThatThrownBy(() -> clientBuilder()
        .retryPolicy(RetryPolicy.builder().retryStatuses(Set.of(503)).build()).build().verifyCredentials())
        .isInstanceOf(OomnitzaServerException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void anInterruptedSleepStopsWithCancellation() {
    server.enqueue(status(503));
    OomnitzaClient c = clientBuilder().sleeper(d -> {
      throw new InterruptedException();
    }).build();
    try {
      assertThatThrownBy(c::verifyCredentials).isInstanceOf(OomnitzaCancelledException.class);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void retryPolicyValidatesItsSettings() {
    assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RetryPolicy.builder().jitter(1.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RetryPolicy.builder().retryStatuses(Set.of(200))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RetryPolicy.builder().initialBackoff(Duration.ofSeconds(10)).maxBackoff(Duration.ofSeconds(1)).build())
        .isInstanceOf(IllegalArgumentException.class);
  }
}
