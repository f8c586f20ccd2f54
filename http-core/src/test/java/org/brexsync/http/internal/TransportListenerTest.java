package org.brexsync.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.brexsync.http.RateLimiter;
import org.brexsync.http.RequestListener;
import org.brexsync.http.RequestListener.RateLimitWait.Source;
import org.brexsync.http.RetryPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a listener learns beyond the outcome of an attempt: the start of every attempt and its end
 * exactly once whatever happens, the operation and service of the call (never its raw path), and
 * every wait for a rate limit, the client's and the server's.
 */
class TransportListenerTest {
  MockWebServer server;
  HttpClient http;
  final List<String> events = new CopyOnWriteArrayList<>();
  final List<RequestListener.Attempt> attempts = new CopyOnWriteArrayList<>();
  final List<RequestListener.RateLimitWait> waits = new CopyOnWriteArrayList<>();
  final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  final RequestListener recorder = new RequestListener() {
    @Override
    public void onAttempt(Attempt a) {
      attempts.add(a);
      events.add("attempt " + a.attempt() + " " + a.status().map(String::valueOf).orElse("-"));
    }

    @Override
    public InFlight onAttemptStart(AttemptStart s) {
      events.add("start " + s.attempt() + " " + s.service() + " " + s.operation());
      return outcome -> events.add("end " + s.attempt() + " "
          + outcome.map(o -> o.status().map(String::valueOf).orElse(o.failure().orElse("?"))).orElse("none"));
    }

    @Override
    public void onRateLimitWait(RateLimitWait w) {
      waits.add(w);
      events.add("wait " + w.source() + " " + w.duration().toMillis());
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
        .sleeper(sleeps::add).listener(recorder)
        .requestTimeout(Duration.ofSeconds(5)).failures(TransportTest.FAILURES);
  }

  void enqueue(int code) {
    server.enqueue(new MockResponse.Builder().code(code).body("ok").build());
  }

  @Test
  void everyAttemptIsStartedThenToldThenEndedBeforeTheRetryWait() {
    enqueue(503);
    enqueue(200);
    transport().build().execute(Call.of("GET", "/users/u_123").operation("GET /users/{id}").build());
    assertThat(events).containsExactly(
        "start 1 Test GET /users/{id}", "attempt 1 503", "end 1 503",
        "start 2 Test GET /users/{id}", "attempt 2 200", "end 2 200");
    assertThat(attempts).extracting(RequestListener.Attempt::operation).containsOnly("GET /users/{id}");
    assertThat(attempts).extracting(RequestListener.Attempt::service).containsOnly("Test");
    // the path still says which record; the operation never does
    assertThat(attempts.get(0).path()).isEqualTo("/users/u_123");
  }

  @Test
  void aCallWithoutAnOperationIsNamedByItsMethodAloneNeverByItsPath() {
    enqueue(200);
    transport().build().execute(Call.of("delete", "/users/alice@example.com").build());
    assertThat(attempts.get(0).operation()).isEqualTo("DELETE");
    assertThat(Call.operationOf("get", "/api/v2/mappings?name=AuthTest")).isEqualTo("GET /api/v2/mappings");
  }

  @Test
  void aCallMayNameAnotherServiceThanItsTransport() {
    enqueue(200);
    transport().build().execute(Call.of("GET", "/x").service("Brex").operation("GET /x").build());
    assertThat(events.get(0)).isEqualTo("start 1 Brex GET /x");
    assertThat(attempts.get(0).service()).isEqualTo("Brex");
  }

  @Test
  void anAttemptEndedByAnExceptionIsStillEndedOnceWithoutAnOutcome() {
    enqueue(200);
    // the reader fails in a way that is not an unreadable body: the client throws at once
    assertThatThrownBy(() -> transport().build().execute(Call.of("GET", "/x").operation("GET /x").build(),
        r -> {
          throw new IllegalStateException("bug in a reader");
        })).isInstanceOf(IllegalStateException.class);
    assertThat(events).containsExactly("start 1 Test GET /x", "end 1 none");
  }

  @Test
  void anInterruptedRetryWaitHappensAfterTheAttemptEnded() {
    enqueue(503);
    Transport t = transport().sleeper(d -> {
      throw new InterruptedException();
    }).build();
    assertThatThrownBy(() -> t.execute(Call.of("GET", "/x").operation("GET /x").build()))
        .isInstanceOfSatisfying(TransportTest.Failed.class, f -> assertThat(f.kind).isEqualTo("interrupted"));
    Thread.interrupted();
    assertThat(events).containsExactly("start 1 Test GET /x", "attempt 1 503", "end 1 503");
  }

  @Test
  void aNetworkFailureEndsTheAttemptWithItsFailure() throws IOException {
    server.close(); // nothing listens: connection refused
    Transport t = transport().retry(RetryPolicy.custom().maxAttempts(1).build()).build();
    assertThatThrownBy(() -> t.execute(Call.of("GET", "/x").operation("GET /x").build()))
        .isInstanceOfSatisfying(TransportTest.Failed.class, f -> assertThat(f.kind).isEqualTo("network"));
    assertThat(events).hasSize(3);
    assertThat(events.get(0)).isEqualTo("start 1 Test GET /x");
    assertThat(events.get(1)).isEqualTo("attempt 1 -");
    assertThat(events.get(2)).startsWith("end 1 ").doesNotContain("none");
  }

  @Test
  void aWaitForAClientPermitIsToldBeforeTheWaitAndTheAttempt() {
    Clock frozen = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    RateLimiter oneASecond = RateLimiter.of(1, Duration.ofSeconds(1), frozen);
    enqueue(200);
    enqueue(200);
    Transport t = transport().rateLimiter(oneASecond).build();
    t.execute(Call.of("GET", "/x").operation("GET /x").build());
    assertThat(waits).isEmpty();
    t.execute(Call.of("GET", "/x").operation("GET /x").build());
    assertThat(waits).singleElement().satisfies(w -> {
      assertThat(w.source()).isEqualTo(Source.CLIENT);
      assertThat(w.duration()).isEqualTo(Duration.ofSeconds(1));
      assertThat(w.operation()).isEqualTo("GET /x");
      assertThat(w.service()).isEqualTo("Test");
    });
    assertThat(events.subList(3, events.size())).startsWith("wait CLIENT 1000", "start 1 Test GET /x");
    assertThat(sleeps).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void aServer429FollowedByARetryIsAServerWaitAndOtherRetriesAreNot() {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "7").build());
    enqueue(503);
    enqueue(200);
    transport().build().execute(Call.of("GET", "/x").operation("GET /x").build());
    assertThat(waits).singleElement().satisfies(w -> {
      assertThat(w.source()).isEqualTo(Source.SERVER);
      assertThat(w.duration()).isEqualTo(Duration.ofSeconds(7));
    });
    assertThat(sleeps).hasSize(2);
  }

  @Test
  void a429ThatIsNotRetriedIsNoWait() {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "600").build());
    assertThatThrownBy(() -> transport().build().execute(Call.of("GET", "/x").build()))
        .isInstanceOf(TransportTest.Failed.class);
    assertThat(waits).isEmpty();
  }

  @Test
  void aListenerThatThrowsFromAnyHookNeverBreaksTheCall() {
    RequestListener broken = new RequestListener() {
      @Override
      public void onAttempt(Attempt a) {
        throw new IllegalStateException("listener bug");
      }

      @Override
      public InFlight onAttemptStart(AttemptStart s) {
        return outcome -> {
          throw new IllegalStateException("listener bug");
        };
      }

      @Override
      public void onRateLimitWait(RateLimitWait w) {
        throw new IllegalStateException("listener bug");
      }
    };
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "1").build());
    enqueue(200);
    Response r = transport().listener(broken).build().execute(Call.of("GET", "/x").build());
    assertThat(r.status()).isEqualTo(200);

    RequestListener nullScope = new RequestListener() {
      @Override
      public void onAttempt(Attempt a) {}

      @Override
      public InFlight onAttemptStart(AttemptStart s) {
        return null;
      }
    };
    enqueue(200);
    assertThat(transport().listener(nullScope).build().execute(Call.of("GET", "/x").build()).status())
        .isEqualTo(200);
  }

  @Test
  void theFirstReleasesAttemptConstructorStillWorks() {
    RequestListener.Attempt a = new RequestListener.Attempt("GET", "/x", 1, Optional.of(200),
        Duration.ZERO, Optional.empty(), Optional.empty(), false);
    assertThat(a.operation()).isEqualTo("GET");
    assertThat(a.service()).isEmpty();
  }
}
