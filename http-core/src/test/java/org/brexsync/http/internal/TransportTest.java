package org.brexsync.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.brexsync.http.CallOptions;
import org.brexsync.http.RateLimiter;
import org.brexsync.http.RequestListener;
import org.brexsync.http.RetryPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The core transport: retries and their budget, the idempotency rule, Retry-After, auth refresh, listener. */
class TransportTest {
  static final String TOKEN = "tok-core-7f3a9b2c";

  MockWebServer server;
  HttpClient http;
  final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  final List<RequestListener.Attempt> attempts = new CopyOnWriteArrayList<>();

  /** The exceptions of a test vendor: each says which outcome it is. */
  static final class Failed extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String kind;
    final int status;
    final int attempts;

    Failed(String kind, String message, int status, int attempts, Throwable cause) {
      super(kind + ": " + message, cause);
      this.kind = kind;
      this.status = status;
      this.attempts = attempts;
    }
  }

  static final class Garbled extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Garbled() {
      super("unreadable");
    }
  }

  static final Transport.Failures FAILURES = new Transport.Failures() {
    @Override
    public RuntimeException closed(Call call, String path) {
      return new Failed("closed", call.method() + " " + path, 0, 0, null);
    }

    @Override
    public RuntimeException interrupted(Call call, String path, boolean waiting, InterruptedException e) {
      return new Failed("interrupted", path, 0, 0, e);
    }

    @Override
    public RuntimeException cannotBuild(Call call, String path, String reason) {
      return new Failed("cannotBuild", reason, 0, 0, null);
    }

    @Override
    public RuntimeException network(Transport.NetworkFailure f) {
      return new Failed("network", f.description(), 0, f.attempts(), f.cause());
    }

    @Override
    public RuntimeException status(Response r, int attempts) {
      return new Failed("status", r.path(), r.status(), attempts, null);
    }

    @Override
    public boolean isGarbled(RuntimeException e) {
      return e instanceof Garbled;
    }
  };

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
    http = HttpClient.newHttpClient();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  Transport.Builder transport() {
    return Transport.builder()
        .http(HttpResources.borrow(http)).baseUri(server.url("/").uri()).service("Test")
        .retry(RetryPolicy.custom().random(() -> 1.0).build())
        .sleeper(sleeps::add).listener(attempts::add)
        .requestTimeout(Duration.ofSeconds(5)).failures(FAILURES);
  }

  void enqueue(int code, String body) {
    server.enqueue(new MockResponse.Builder().code(code).body(body).build());
  }

  RecordedRequest take() throws InterruptedException {
    return server.takeRequest(5, TimeUnit.SECONDS);
  }

  static String text(Response r) {
    return r.text();
  }

  @Test
  void aReadIsRetriedOnRetryableStatusesWithExponentialFullJitterBackoff() {
    enqueue(503, "");
    enqueue(500, "");
    enqueue(502, "");
    enqueue(200, "ok");
    assertThat(transport().build().execute(Call.of("GET", "/x").build(), TransportTest::text)).isEqualTo("ok");
    assertThat(server.getRequestCount()).isEqualTo(4);
    // random 1.0 with full jitter: the whole cap, 500 ms doubling
    assertThat(sleeps).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  @Test
  void afterMaxAttemptsTheLastAnswerIsTheClientsStatusFailure() {
    for (int i = 0; i < 4; i++) {
      enqueue(503, "");
    }
    assertThatThrownBy(() -> transport().build().execute(Call.of("GET", "/x").build()))
        .isInstanceOfSatisfying(Failed.class, f -> {
          assertThat(f.kind).isEqualTo("status");
          assertThat(f.status).isEqualTo(503);
          assertThat(f.attempts).isEqualTo(4);
        });
    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  @Test
  void aNonRetryableStatusIsNotRetried() {
    enqueue(400, "");
    assertThatThrownBy(() -> transport().build().execute(Call.of("GET", "/x").build()))
        .isInstanceOfSatisfying(Failed.class, f -> assertThat(f.status).isEqualTo(400));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aWriteWithoutIdempotencyKeyIsNeverRepeated() {
    enqueue(503, "");
    enqueue(200, "ok");
    assertThatThrownBy(() -> transport().build().execute(Call.of("POST", "/x").json(new byte[] {'{', '}'}).build()))
        .isInstanceOfSatisfying(Failed.class, f -> assertThat(f.status).isEqualTo(503));
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(Call.of("PUT", "/x").build().idempotency()).isEqualTo(Call.Idempotency.NOT_REPEATABLE);
    assertThat(Call.of("PATCH", "/x").build().idempotency()).isEqualTo(Call.Idempotency.NOT_REPEATABLE);
    assertThat(Call.of("DELETE", "/x").build().idempotency()).isEqualTo(Call.Idempotency.IDEMPOTENT);
  }

  @Test
  void aWriteWithAnIdempotencyKeyIsRetriedWithTheSameKeyOnEveryAttempt() throws Exception {
    enqueue(500, "");
    server.enqueue(new MockResponse.Builder().code(200).body("ok")
        .onResponseStart(new SocketEffect.CloseSocket()).build());
    enqueue(200, "ok");
    Call call = Call.of("POST", "/x").json(new byte[] {'{', '}'}).idempotencyKey("key-1").build();
    assertThat(call.idempotency()).isEqualTo(Call.Idempotency.IDEMPOTENT);
    assertThat(transport().build().execute(call, TransportTest::text)).isEqualTo("ok");
    assertThat(List.of(take(), take(), take())).extracting(r -> r.getHeaders().get("Idempotency-Key"))
        .containsExactly("key-1", "key-1", "key-1");
  }

  @Test
  void theOptionsKeyIsSentAndMakesTheWriteRepeatable() throws Exception {
    CallOptions withKey = new CallOptions() {
      @Override
      public Optional<Duration> timeout() {
        return Optional.of(Duration.ofSeconds(3));
      }

      @Override
      public Map<String, String> extraHeaders() {
        return Map.of("X-Extra", "1");
      }

      @Override
      public Optional<String> idempotencyKey() {
        return Optional.of("opt-key");
      }
    };
    enqueue(503, "");
    enqueue(200, "ok");
    transport().build().execute(Call.of("PUT", "/x").json(new byte[] {'{', '}'}).options(withKey).build());
    RecordedRequest first = take();
    assertThat(first.getHeaders().get("Idempotency-Key")).isEqualTo("opt-key");
    assertThat(first.getHeaders().get("X-Extra")).isEqualTo("1");
    assertThat(take().getHeaders().get("Idempotency-Key")).isEqualTo("opt-key");
  }

  @Test
  void aNonIdempotentWriteIsRepeatedOnlyWhenItCannotHaveBeenProcessed() {
    enqueue(429, "");
    enqueue(503, "");
    enqueue(500, "");
    Call call = Call.of("POST", "/x").json(new byte[] {'{', '}'}).idempotency(Call.Idempotency.NON_IDEMPOTENT).build();
    assertThatThrownBy(() -> transport().build().execute(call))
        .isInstanceOfSatisfying(Failed.class, f -> assertThat(f.status).isEqualTo(500));
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void aNonIdempotentWriteIsNotRepeatedAfterAResetThatMayHaveBeenProcessed() {
    server.enqueue(new MockResponse.Builder().code(200).body("ok")
        .onResponseStart(new SocketEffect.CloseSocket()).build());
    enqueue(200, "ok");
    Call call = Call.of("POST", "/x").json(new byte[] {'{', '}'}).idempotency(Call.Idempotency.NON_IDEMPOTENT).build();
    assertThatThrownBy(() -> transport().build().execute(call))
        .isInstanceOfSatisfying(Failed.class, f -> {
          assertThat(f.kind).isEqualTo("network");
          assertThat(f.getMessage()).contains("I/O error");
        });
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void retryAfterSecondsWinsOverTheBackoffAndALongerOneThanTheCapIsNotWaitedFor() {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "7").build());
    enqueue(200, "ok");
    transport().build().execute(Call.of("GET", "/x").build());
    assertThat(sleeps).containsExactly(Duration.ofSeconds(7));

    sleeps.clear();
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "121").build());
    assertThatThrownBy(() -> transport().build().execute(Call.of("GET", "/x").build()))
        .isInstanceOfSatisfying(Failed.class, f -> assertThat(f.status).isEqualTo(429));
    assertThat(sleeps).isEmpty();
  }

  @Test
  void retryAfterAsAnHttpDateIsMeasuredAgainstTheClock() {
    Instant now = Instant.parse("2026-01-01T10:00:00Z");
    server.enqueue(new MockResponse.Builder().code(503)
        .addHeader("Retry-After", "Thu, 01 Jan 2026 10:00:03 GMT").build());
    enqueue(200, "ok");
    transport().clock(Clock.fixed(now, ZoneOffset.UTC)).build().execute(Call.of("GET", "/x").build());
    assertThat(sleeps).containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void noRetryStartsThatWouldEndAfterTheTotalBudget() {
    // every wait moves the clock on by what was waited
    MutableClock clock = new MutableClock();
    for (int i = 0; i < 4; i++) {
      enqueue(503, "");
    }
    Transport t = transport().clock(clock).sleeper(d -> {
      sleeps.add(d);
      clock.advance(d);
    }).retry(RetryPolicy.custom().random(() -> 1.0).totalBudget(Duration.ofMillis(1600)).build()).build();
    assertThatThrownBy(() -> t.execute(Call.of("GET", "/x").build()))
        .isInstanceOfSatisfying(Failed.class, f -> assertThat(f.attempts).isEqualTo(3));
    // 500 ms fits; 500 + 1000 fits; 1500 + 2000 would not
    assertThat(sleeps).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void aGarbledAnswerToAReadIsRetriedLikeA5xxButNotToAWrite() {
    enqueue(200, "garbled");
    enqueue(200, "ok");
    AtomicInteger reads = new AtomicInteger();
    String v = transport().build().execute(Call.of("GET", "/x").build(), r -> {
      reads.incrementAndGet();
      if (r.text().equals("garbled")) {
        throw new Garbled();
      }
      return r.text();
    });
    assertThat(v).isEqualTo("ok");
    assertThat(reads).hasValue(2);
    assertThat(attempts.get(0).failure()).contains("Garbled");
    assertThat(attempts.get(0).willRetry()).isTrue();

    enqueue(200, "garbled");
    Call post = Call.of("POST", "/x").json(new byte[] {'{', '}'}).idempotencyKey("k").build();
    assertThatThrownBy(() -> transport().build().execute(post, r -> {
      throw new Garbled();
    })).isInstanceOf(Garbled.class);
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void aRejectedCredentialIsRefreshedOnceAndTheAttemptRepeated() throws Exception {
    AtomicInteger refreshes = new AtomicInteger();
    Transport t = transport().auth(new Transport.Auth() {
      @Override
      public Object apply(Call call, String path, HttpRequest.Builder b) {
        String token = refreshes.get() == 0 ? "stale" : "fresh";
        b.header("Authorization", token);
        return token;
      }

      @Override
      public boolean refresh(Call call, Object used) {
        refreshes.incrementAndGet();
        return true;
      }
    }).build();
    enqueue(401, "");
    enqueue(401, "");
    assertThatThrownBy(() -> t.execute(Call.of("GET", "/x").build()))
        .isInstanceOfSatisfying(Failed.class, f -> assertThat(f.status).isEqualTo(401));
    assertThat(refreshes).hasValue(1);
    assertThat(take().getHeaders().get("Authorization")).isEqualTo("stale");
    assertThat(take().getHeaders().get("Authorization")).isEqualTo("fresh");
    assertThat(sleeps).isEmpty();
  }

  @Test
  void aPermitOfTheRateLimiterIsTakenBeforeEveryAttempt() {
    Clock frozen = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    RateLimiter oneASecond = RateLimiter.of(1, Duration.ofSeconds(1), frozen);
    enqueue(503, "");
    enqueue(200, "ok");
    transport().rateLimiter(oneASecond).retry(RetryPolicy.custom().random(() -> 0.0).build()).build()
        .execute(Call.of("GET", "/x").build());
    // the second attempt waits for the bucket (the clock is frozen): one second
    assertThat(sleeps).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void theListenerSeesEveryAttemptWithRedactedPathAndTraceId() {
    server.enqueue(new MockResponse.Builder().code(503).addHeader("X-Trace", "t-1").build());
    enqueue(200, "ok");
    transport().traceHeaders(List.of("X-Trace")).redactor(new Redactor(() -> List.of(TOKEN))).build()
        .execute(Call.of("GET", "/users/" + TOKEN).build());
    assertThat(attempts).hasSize(2);
    assertThat(attempts.get(0).status()).contains(503);
    assertThat(attempts.get(0).traceId()).contains("t-1");
    assertThat(attempts.get(0).willRetry()).isTrue();
    assertThat(attempts.get(1).attempt()).isEqualTo(2);
    assertThat(attempts.get(1).path()).isEqualTo("/users/****").doesNotContain(TOKEN);
  }

  @Test
  void aClosedClientSendsNothing() {
    HttpResources owned = HttpResources.own(HttpClient.newBuilder(), "core-test-");
    owned.close();
    assertThatThrownBy(() -> transport().http(owned).build().execute(Call.of("GET", "/x").build()))
        .isInstanceOfSatisfying(Failed.class, f -> assertThat(f.kind).isEqualTo("closed"));
    assertThat(server.getRequestCount()).isEqualTo(0);
  }

  @Test
  void aHeaderTheJdkRefusesIsTypedAndRedactedAndNothingIsSent() {
    Call call = Call.of("GET", "/x").header("X-Token", TOKEN + "\nX-Injected: 1").secrets(List.of(TOKEN)).build();
    assertThatThrownBy(() -> transport().build().execute(call))
        .isInstanceOfSatisfying(Failed.class, f -> {
          assertThat(f.kind).isEqualTo("cannotBuild");
          assertThat(f.getMessage()).doesNotContain(TOKEN);
        });
    assertThat(server.getRequestCount()).isEqualTo(0);
  }

  @Test
  void exchangeReturnsTheLastAnswerWhateverItsStatus() {
    enqueue(503, "busy");
    enqueue(404, "gone");
    Response r = transport().build().exchange(Call.of("GET", "/x").build());
    assertThat(r.status()).isEqualTo(404);
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("gone");
    assertThat(r.attempt()).isEqualTo(2);
  }

  @Test
  void aRequestTimeoutIsDescribedAsSuchAfterTheRetries() {
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
    Transport t = transport().requestTimeout(Duration.ofMillis(200)).retry(RetryPolicy.custom().maxAttempts(1).build()).build();
    assertThatThrownBy(() -> t.execute(Call.of("GET", "/x").build()))
        .isInstanceOfSatisfying(Failed.class, f -> {
          assertThat(f.kind).isEqualTo("network");
          assertThat(f.getMessage()).contains("timed out").contains("timeout 200 ms");
        });
  }

  /** A clock the test moves. */
  static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
