package org.brexsync.oomnitza;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import org.brexsync.http.HttpClientException;
import org.brexsync.http.RateLimiter;
import org.brexsync.http.RequestListener;
import org.junit.jupiter.api.Test;

/** What the shared core gives the Oomnitza client too: a listener, a rate limiter, one exception root. */
class ListenerAndRateLimitTest extends WireTestSupport {
  @Test
  void theListenerSeesEveryAttemptWithItsTraceIdAndNeverTheToken() {
    List<RequestListener.Attempt> seen = new CopyOnWriteArrayList<>();
    enqueueJson(503, "{}");
    server.enqueue(new MockResponse.Builder().addHeader("X-Request-Id", "req-9").body("{}").build());
    clientBuilder().requestListener(seen::add).build().verifyCredentials();
    assertThat(seen).hasSize(2);
    assertThat(seen.get(0).status()).contains(503);
    assertThat(seen.get(0).willRetry()).isTrue();
    assertThat(seen.get(1).status()).contains(200);
    assertThat(seen.get(1).attempt()).isEqualTo(2);
    assertThat(seen.get(1).traceId()).contains("req-9");
    assertThat(seen.toString()).doesNotContain(TOKEN);
  }

  @Test
  void aSharedRateLimiterIsAskedForAPermitBeforeEveryAttempt() {
    RateLimiter onePerMinute = RateLimiter.of(1, Duration.ofMinutes(1),
        Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
    enqueueJson("{}");
    enqueueJson("{}");
    OomnitzaClient c = clientBuilder().rateLimiter(onePerMinute).build();
    c.verifyCredentials();
    assertThat(sleeps).isEmpty();
    c.verifyCredentials();
    // the bucket is empty and the clock frozen: the second call waits a full period first
    assertThat(sleeps).containsExactly(Duration.ofMinutes(1));
  }

  @Test
  void oneCatchOfTheCoreRootCoversTheClientsExceptionsWithRequestDetails() {
    enqueueJson(400, "{\"error\":\"email: must be unique\"}");
    assertThatThrownBy(() -> client().users().create(OomnitzaUser.builder().username("j").build()))
        .isInstanceOf(HttpClientException.class)
        .isInstanceOf(OomnitzaBadRequestException.class)
        .satisfies(e -> {
          HttpClientException h = (HttpClientException) e;
          assertThat(h.status()).isEqualTo(400);
          assertThat(h.method()).isEqualTo("POST");
          assertThat(h.path()).isEqualTo("/api/v3/users");
        });
    assertThatThrownBy(() -> client().users().get("a/b"))
        .isInstanceOfSatisfying(OomnitzaArgumentException.class, e -> assertThat(e.status()).isZero());
  }
}
