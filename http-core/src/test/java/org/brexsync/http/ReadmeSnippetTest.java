package org.brexsync.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

/** The core part of the README's example, run, so the README cannot drift from the API. */
class ReadmeSnippetTest {
  @Test
  void theReadmeExamplesCoreTypesBehaveAsDescribed() {
    RetryPolicy patient = RetryPolicy.custom()
        .maxAttempts(6).initialBackoff(Duration.ofSeconds(1)).totalBudget(Duration.ofMinutes(5)).build();
    Duration firstWaitAtMost = patient.backoff(1, 1.0);
    RateLimiter shared = RateLimiter.of(1000, Duration.ofSeconds(60));
    LongAdder retries = new LongAdder();
    RequestListener metrics = a -> {
      if (a.willRetry()) {
        retries.increment();
      }
    };

    assertThat(firstWaitAtMost).isEqualTo(Duration.ofSeconds(1));
    assertThat(patient.backoff(2, 1.0)).isEqualTo(Duration.ofSeconds(2));
    assertThat(patient.backoff(9, 1.0)).isEqualTo(Duration.ofSeconds(30));
    assertThat(shared.reserve()).isZero();
    metrics.onAttempt(new RequestListener.Attempt("GET", "/v2/users/me", 1, Optional.of(503),
        Duration.ofMillis(40), Optional.empty(), Optional.empty(), true));
    assertThat(retries.sum()).isEqualTo(1);

    HttpClientException e = new HttpClientException("GET /v2/users/me failed", null, 503, "GET",
        "/v2/users/me", "t-1");
    assertThat(e.method() + " " + e.path() + " -> " + e.status()
        + e.traceId().map(t -> " (trace id " + t + ")").orElse(""))
        .isEqualTo("GET /v2/users/me -> 503 (trace id t-1)");
  }
}
