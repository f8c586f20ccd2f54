package org.brexsync.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The back-off arithmetic and validation every client's retry policy inherits. */
class RetryPolicyTest {
  @Test
  void theCoreDefaultsAreFourAttemptsFullJitterAndATwoMinuteBudget() {
    RetryPolicy p = RetryPolicy.defaults();
    assertThat(p.maxAttempts()).isEqualTo(4);
    assertThat(p.jitter()).isEqualTo(1.0);
    assertThat(p.totalBudget()).isEqualTo(Duration.ofMinutes(2));
    assertThat(p.retryStatuses()).containsExactly(429, 500, 502, 503, 504);
    assertThat(p.retryNetworkErrors()).isTrue();
  }

  @Test
  void fullJitterDrawsBetweenZeroAndTheDoublingCap() {
    RetryPolicy p = RetryPolicy.custom().build();
    assertThat(p.backoff(1, 0.0)).isEqualTo(Duration.ZERO);
    assertThat(p.backoff(1, 0.25)).isEqualTo(Duration.ofMillis(125));
    assertThat(p.backoff(3, 1.0)).isEqualTo(Duration.ofSeconds(2));
    assertThat(p.backoff(20, 1.0)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void partialJitterKeepsTheFixedShareAndRoundsToTheMillisecond() {
    RetryPolicy p = RetryPolicy.custom().jitter(0.5).initialBackoff(Duration.ofSeconds(1))
        .maxBackoff(Duration.ofSeconds(5)).build();
    assertThat(p.backoff(1, 0.0)).isEqualTo(Duration.ofMillis(500));
    assertThat(p.backoff(1, 0.999999)).isEqualTo(Duration.ofMillis(1000));
    assertThat(p.backoff(10, 0.999999)).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void theRandomSourceIsClampedAndUsedByBackoffWithoutAnArgument() {
    RetryPolicy p = RetryPolicy.custom().random(() -> 7.0).multiplier(3).build();
    assertThat(p.backoff(2)).isEqualTo(Duration.ofMillis(1500));
  }

  @Test
  void settingsAreValidatedWhenSet() {
    assertThatThrownBy(() -> RetryPolicy.custom().maxAttempts(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RetryPolicy.custom().jitter(1.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RetryPolicy.custom().multiplier(0.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RetryPolicy.custom().initialBackoff(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RetryPolicy.custom().retryStatuses(Set.of(200)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RetryPolicy.custom().initialBackoff(Duration.ofSeconds(40)).build())
        .hasMessageContaining("maxBackoff");
  }
}
