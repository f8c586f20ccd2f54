package org.brexsync.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The token bucket: full at the start, refilled continuously, waits instead of bursts. */
class RateLimiterTest {
  static final class TestClock extends Clock {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void theBucketStartsFullThenAsksForTheWaitOfTheNextPermit() {
    TestClock clock = new TestClock();
    RateLimiter r = RateLimiter.of(2, Duration.ofSeconds(1), clock);
    assertThat(r.reserve()).isZero();
    assertThat(r.reserve()).isZero();
    assertThat(r.reserve()).isEqualTo(Duration.ofMillis(500));
    assertThat(r.tryAcquire()).isFalse();
    clock.now = clock.now.plusSeconds(2);
    assertThat(r.tryAcquire()).isTrue();
  }

  @Test
  void unlimitedNeverWaits() {
    RateLimiter r = RateLimiter.unlimited();
    for (int i = 0; i < 10_000; i++) {
      assertThat(r.reserve()).isZero();
    }
    assertThat(r.isUnlimited()).isTrue();
  }

  @Test
  void permitsAndPeriodMustBePositive() {
    assertThatThrownBy(() -> RateLimiter.of(0, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RateLimiter.of(1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
  }
}
