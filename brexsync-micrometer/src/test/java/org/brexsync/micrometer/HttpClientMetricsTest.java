package org.brexsync.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.brexsync.brex.BrexClient;
import org.brexsync.brex.BrexException;
import org.brexsync.brex.RateLimiter;
import org.brexsync.brex.model.User;
import org.brexsync.oomnitza.OomnitzaClient;
import org.brexsync.oomnitza.OomnitzaException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every HTTP attempt of both clients is timed and observed; retries and rate-limit waits are counted. */
class HttpClientMetricsTest {
  final Rig rig = new Rig(12);

  @AfterEach
  void close() {
    rig.close();
  }

  String firstUserId() {
    return rig.brex.users().list().iterator().next().id();
  }

  @Test
  void everyAttemptIsTimedBySystemMethodOperationStatusAndOutcome() {
    String id = firstUserId();
    User u = rig.brex.users().get(id);
    rig.oomnitza.users().findByEmail(u.email());

    assertThat(rig.timer(BrexsyncMeters.HTTP_CLIENT_REQUESTS, "system", "brex", "method", "GET",
        "operation", "GET /v2/users/{id}", "status", "200", "outcome", "SUCCESS", "exception", "none",
        "error", "none").count()).isEqualTo(1);
    assertThat(rig.timer(BrexsyncMeters.HTTP_CLIENT_REQUESTS, "system", "brex", "operation", "GET /v2/users")
        .count()).isEqualTo(1);
    assertThat(rig.timer(BrexsyncMeters.HTTP_CLIENT_REQUESTS, "system", "oomnitza", "operation", "GET /api/v3/users",
        "status", "200").count()).isEqualTo(1);
    assertThat(rig.timed(BrexsyncMeters.HTTP_CLIENT_REQUESTS)).isEqualTo(3);

    TestObservationRegistryAssert.assertThat(rig.observations)
        .hasNumberOfObservationsWithNameEqualTo(BrexsyncMeters.HTTP_CLIENT_REQUESTS, 3)
        .hasAnObservation(o -> o.hasNameEqualTo(BrexsyncMeters.HTTP_CLIENT_REQUESTS)
            .hasContextualNameEqualTo("GET /v2/users/{id}")
            .hasLowCardinalityKeyValue("operation", "GET /v2/users/{id}")
            .hasHighCardinalityKeyValue("attempt", "1")
            .doesNotHaveParentObservation())
        .hasObservationWithNameEqualTo(BrexsyncMeters.HTTP_CLIENT_REQUESTS).that().hasBeenStarted().hasBeenStopped()
        .backToTestObservationRegistry()
        .doesNotHaveAnyRemainingCurrentObservation();
  }

  @Test
  void aRetriedCallIsOneTimedAttemptPerTryAndOneRetryByReason() {
    String id = firstUserId();
    rig.sandbox.brex().faults().on("GET", "/v2/users/{id}").failNext(2, 503);
    rig.brex.users().get(id);

    assertThat(rig.timer(BrexsyncMeters.HTTP_CLIENT_REQUESTS, "operation", "GET /v2/users/{id}", "status", "503",
        "outcome", "SERVER_ERROR").count()).isEqualTo(2);
    assertThat(rig.timer(BrexsyncMeters.HTTP_CLIENT_REQUESTS, "operation", "GET /v2/users/{id}", "status", "200")
        .count()).isEqualTo(1);
    assertThat(rig.counter(BrexsyncMeters.HTTP_CLIENT_RETRIES, "system", "brex", "operation", "GET /v2/users/{id}",
        "reason", "503").count()).isEqualTo(2);
    TestObservationRegistryAssert.assertThat(rig.observations)
        .hasAnObservation(o -> o.hasContextualNameEqualTo("GET /v2/users/{id}").hasHighCardinalityKeyValue("attempt", "3"));
  }

  @Test
  void aServer429FollowedByARetryIsAServerRateLimitWait() {
    String id = firstUserId();
    rig.sandbox.brex().faults().on("GET", "/v2/users/{id}").burst429(1);
    rig.brex.users().get(id);

    assertThat(rig.counter(BrexsyncMeters.HTTP_CLIENT_RATE_LIMIT_WAITS, "system", "brex",
        "operation", "GET /v2/users/{id}", "source", "SERVER").count()).isEqualTo(1);
    assertThat(rig.counter(BrexsyncMeters.HTTP_CLIENT_RETRIES, "reason", "429").count()).isEqualTo(1);
    assertThat(rig.counter(BrexsyncMeters.HTTP_CLIENT_RATE_LIMIT_WAITED, "source", "SERVER").count()).isPositive();
  }

  @Test
  void aWaitForTheClientsOwnRateLimiterIsCountedWithTheTimeWaited() {
    Clock frozen = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    // one request an hour on a frozen clock: the second call waits the whole hour (on a no-op sleeper)
    try (BrexClient limited = rig.brexClient().rateLimiter(RateLimiter.of(1, Duration.ofHours(1), frozen)).build()) {
      String id = limited.users().list().iterator().next().id();
      limited.users().get(id);
    }
    assertThat(rig.counter(BrexsyncMeters.HTTP_CLIENT_RATE_LIMIT_WAITS, "system", "brex",
        "operation", "GET /v2/users/{id}", "source", "CLIENT").count()).isEqualTo(1);
    assertThat(rig.counter(BrexsyncMeters.HTTP_CLIENT_RATE_LIMIT_WAITED, "source", "CLIENT").count())
        .isEqualTo(3600.0);
    assertThat(rig.meters.find(BrexsyncMeters.HTTP_CLIENT_RATE_LIMIT_WAITS).tags("source", "SERVER").counter())
        .isNull();
  }

  @Test
  void anAttemptWithoutAnAnswerIsTimedWithItsExceptionAndRetriedAsAnIoError() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort(); // closed again: nothing listens there
    }
    try (OomnitzaClient down = OomnitzaClient.builder().baseUri(URI.create("http://127.0.0.1:" + port))
        .apiToken("tok-metrics-test").sleeper(d -> { }).requestListener(rig.obs.requestListener()).build()) {
      assertThatThrownBy(() -> down.users().findByEmail("x@y.example")).isInstanceOf(OomnitzaException.class);
    }
    assertThat(rig.timer(BrexsyncMeters.HTTP_CLIENT_REQUESTS, "system", "oomnitza", "status", "NONE",
        "outcome", "UNKNOWN", "exception", "ConnectException").count()).isGreaterThan(1);
    assertThat(rig.counter(BrexsyncMeters.HTTP_CLIENT_RETRIES, "system", "oomnitza", "reason", "IO_ERROR").count())
        .isPositive();
  }

  @Test
  void anErrorAnswerIsTimedAsAClientError() {
    assertThatThrownBy(() -> rig.brex.users().get("cuuser_doesnotexist")).isInstanceOf(BrexException.class);
    assertThat(rig.timer(BrexsyncMeters.HTTP_CLIENT_REQUESTS, "operation", "GET /v2/users/{id}", "status", "404",
        "outcome", "CLIENT_ERROR").count()).isEqualTo(1);
    assertThat(rig.meters.find(BrexsyncMeters.HTTP_CLIENT_RETRIES).counters()).isEmpty();
  }
}
