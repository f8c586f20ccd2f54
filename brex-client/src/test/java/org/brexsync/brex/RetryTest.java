package org.brexsync.brex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.brexsync.brex.model.InviteUserRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class RetryTest extends MockServerTestBase {

  static InviteUserRequest invite() {
    return InviteUserRequest.builder().firstName("Jim").lastName("Halpert")
        .email("jim@dundermifflin.com").build();
  }

  private List<RecordedRequest> takeAll(int n) {
    List<RecordedRequest> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(take());
    }
    return out;
  }

  private void enqueue429(String retryAfter) {
    MockResponse.Builder b = new MockResponse.Builder().code(429)
        .body("{\"type\":\"TOO_MANY_REQUESTS\",\"message\":\"Rate limit exceeded\"}");
    if (retryAfter != null) {
      b.addHeader("Retry-After", retryAfter);
    }
    server.enqueue(b.build());
  }

  @Test
  void retries429HonouringRetryAfterSeconds() {
    enqueue429("7");
    enqueue(Fixtures.USER_JIM);
    assertThat(client.users().get("cuuser_jim").id()).isEqualTo("cuuser_jim");
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(sleeps).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void retries429HonouringRetryAfterHttpDate() {
    Instant now = Instant.parse("2026-11-27T12:00:00Z");
    client = clientBuilder().clock(Clock.fixed(now, ZoneOffset.UTC)).build();
    enqueue429(DateTimeFormatter.RFC_1123_DATE_TIME.format(
        ZonedDateTime.ofInstant(now.plusSeconds(12), ZoneOffset.UTC)));
    enqueue(Fixtures.USER_JIM);
    client.users().get("cuuser_jim");
    assertThat(sleeps).containsExactly(Duration.ofSeconds(12));
  }

  @Test
  void retries429WithoutRetryAfterUsingExponentialBackoff() {
    enqueue429(null);
    enqueue429(null);
    enqueue429(null);
    enqueue(Fixtures.USER_JIM);
    client.users().get("cuuser_jim");
    // jitter fixed at 1.0: the full cap of 500 ms, 1 s, 2 s.
    assertThat(sleeps).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofSeconds(2));
  }

  @Test
  void fullJitterDrawsBelowTheCap() {
    RetryPolicy p = RetryPolicy.builder().jitter(() -> 0.25).build();
    assertThat(p.backoff(1)).isEqualTo(Duration.ofMillis(125));
    assertThat(p.backoff(3)).isEqualTo(Duration.ofMillis(500));
    assertThat(RetryPolicy.builder().jitter(() -> 1.0).build().backoff(20))
        .isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void gives429ToCallerAfterMaxAttemptsWithRetryAfter() {
    for (int i = 0; i < 4; i++) {
      enqueue429("3");
    }
    assertThatThrownBy(() -> client.users().get("cuuser_jim"))
        .isInstanceOfSatisfying(BrexRateLimitException.class, e -> {
          assertThat(e.status()).isEqualTo(429);
          assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
          assertThat(e.getMessage()).contains("4 attempts");
        });
    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  @Test
  void stopsWhenTheTimeBudgetWouldBeExceeded() {
    client = clientBuilder().retryPolicy(RetryPolicy.builder().jitter(() -> 1.0)
        .totalBudget(Duration.ofSeconds(10)).build()).build();
    enqueue429("60");
    assertThatThrownBy(() -> client.users().get("u")).isInstanceOf(BrexRateLimitException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void retries503And5xxThenSucceeds() {
    enqueue(503, "{\"type\":\"SERVICE_UNAVAILABLE\",\"message\":\"try later\"}");
    enqueue(502, "bad gateway");
    enqueue(Fixtures.USER_JIM);
    client.users().get("cuuser_jim");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void doesNotRetry400Or404() {
    enqueue(400, "{\"type\":\"BAD_REQUEST\",\"message\":\"first_name is invalid\"}");
    assertThatThrownBy(() -> client.users().invite(invite()))
        .isInstanceOf(BrexBadRequestException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void sameIdempotencyKeyOnEveryAttemptOfAWrite() {
    enqueue(503, "{}");
    enqueue429("1");
    enqueue(Fixtures.USER_JIM);
    client.users().invite(invite());
    List<String> keys = takeAll(3).stream()
        .map(r -> r.getHeaders().get("Idempotency-Key")).toList();
    assertThat(keys).doesNotContainNull().hasSize(3);
    assertThat(keys).containsOnly(keys.get(0));
  }

  @Test
  void differentCallsGetDifferentKeys() {
    enqueue(Fixtures.USER_JIM);
    enqueue(Fixtures.USER_JIM);
    client.users().invite(invite());
    client.users().invite(invite());
    assertThat(take().getHeaders().get("Idempotency-Key"))
        .isNotEqualTo(take().getHeaders().get("Idempotency-Key"));
  }

  @Test
  void connectionResetAfterServerProcessedIsRetriedWithSameKey() {
    server.enqueue(new MockResponse.Builder().code(200).body(Fixtures.CARD_VENDOR)
        .onResponseStart(new SocketEffect.CloseSocket()).build());
    enqueue(Fixtures.CARD_VENDOR);
    client.cards().create(CardsApiTest.vendorCard());
    List<RecordedRequest> both = takeAll(2);
    assertThat(both.get(0).getHeaders().get("Idempotency-Key"))
        .isNotNull()
        .isEqualTo(both.get(1).getHeaders().get("Idempotency-Key"));
    assertThat(sleeps).hasSize(1);
  }

  @Test
  void keylessWriteIsNotReplayedAfterReset() {
    server.enqueue(new MockResponse.Builder().code(200).body(Fixtures.USER_JIM)
        .onResponseStart(new SocketEffect.CloseSocket()).build());
    enqueue(Fixtures.USER_JIM);
    RequestOptions noKey = RequestOptions.builder().autoIdempotencyKey(false).build();
    assertThatThrownBy(() -> client.users().invite(invite(), noKey))
        .isInstanceOf(BrexNetworkException.class)
        .hasMessageContaining("not retried");
    RecordedRequest r = take();
    assertThat(r.getHeaders().get("Idempotency-Key")).isNull();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void keylessWriteIsNotRetriedOn503() {
    enqueue(503, "{}");
    RequestOptions noKey = RequestOptions.builder().autoIdempotencyKey(false).build();
    assertThatThrownBy(() -> client.users().invite(invite(), noKey))
        .isInstanceOf(BrexServerException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void getIsRetriedAfterConnectionReset() {
    server.enqueue(new MockResponse.Builder().code(200).body(Fixtures.USER_JIM)
        .onResponseStart(new SocketEffect.CloseSocket()).build());
    enqueue(Fixtures.USER_JIM);
    assertThat(client.users().get("cuuser_jim").id()).isEqualTo("cuuser_jim");
  }

  /**
   * A response that never comes: the server reads the request and stalls, so only the client's
   * timeout can end the attempt, however slow the machine. Timeouts are wall-clock in
   * java.net.http (no clock to inject), so the margin is the other way round: {@link #TIMEOUT} is
   * hundreds of times what a loopback answer takes, so a prompt answer never times out either.
   */
  private static MockResponse neverAnswered() {
    return new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build();
  }

  private static final Duration TIMEOUT = Duration.ofSeconds(1);

  @Test
  void timeoutIsRetriedThenReported() {
    server.enqueue(neverAnswered());
    enqueue(Fixtures.USER_JIM);
    client = clientBuilder().requestTimeout(TIMEOUT).build();
    assertThat(client.users().get("cuuser_jim").id()).isEqualTo("cuuser_jim");
    assertThat(server.getRequestCount()).isEqualTo(2);

    client = clientBuilder().requestTimeout(TIMEOUT).retryPolicy(RetryPolicy.none()).build();
    server.enqueue(neverAnswered());
    assertThatThrownBy(() -> client.users().get("cuuser_jim"))
        .isInstanceOf(BrexTimeoutException.class).hasMessageContaining("timeout");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  @Timeout(30)
  void perCallTimeoutApplies() {
    server.enqueue(neverAnswered());
    // With a ten-minute client-wide timeout only the per-call one can end the call within the
    // test's own timeout.
    client = clientBuilder().requestTimeout(Duration.ofMinutes(10)).retryPolicy(RetryPolicy.none()).build();
    assertThatThrownBy(() -> client.users().invite(invite(),
        RequestOptions.builder().timeout(TIMEOUT).build()))
        .isInstanceOf(BrexTimeoutException.class);
  }

  @Test
  void interruptDuringBackoffAbortsAndRestoresFlag() {
    client = clientBuilder().sleeper(d -> {
      throw new InterruptedException("test");
    }).build();
    enqueue(503, "{}");
    try {
      assertThatThrownBy(() -> client.users().get("u"))
          .isInstanceOf(BrexInterruptedException.class);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void connectionRefusedIsANetworkException() throws Exception {
    java.net.URI dead;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      dead = java.net.URI.create("http://127.0.0.1:" + s.getLocalPort());
    }
    BrexClient c = clientBuilder().baseUri(dead).retryPolicy(RetryPolicy.builder()
        .maxAttempts(2).jitter(() -> 0.0).build()).build();
    assertThatThrownBy(() -> c.users().get("u"))
        .isInstanceOf(BrexNetworkException.class)
        .hasMessageContaining("GET /v2/users/u")
        .hasMessageContaining("2 attempts");
  }

  @Test
  void rateLimiterMakesCallersWaitForPermits() {
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    RateLimiter limiter = RateLimiter.of(2, Duration.ofSeconds(60), Clock.fixed(t, ZoneOffset.UTC));
    client = clientBuilder().rateLimiter(limiter).build();
    for (int i = 0; i < 3; i++) {
      enqueue(Fixtures.USER_JIM);
      client.users().get("u");
    }
    assertThat(sleeps).containsExactly(Duration.ofSeconds(30));
  }

  @Test
  void rateLimiterIsSharedBetweenClients() {
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    RateLimiter shared = RateLimiter.of(1, Duration.ofSeconds(10), Clock.fixed(t, ZoneOffset.UTC));
    BrexClient a = clientBuilder().rateLimiter(shared).build();
    BrexClient b = clientBuilder().rateLimiter(shared).build();
    enqueue(Fixtures.USER_JIM);
    enqueue(Fixtures.USER_JIM);
    a.users().get("u");
    b.users().get("u");
    assertThat(sleeps).containsExactly(Duration.ofSeconds(10));
  }
}
