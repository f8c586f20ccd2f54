package org.brexsync.brex;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * A client-side token bucket: {@code permits} requests per {@code period}, refilled continuously.
 * Thread-safe. Share one instance between every client that uses the same token, because Brex
 * counts per client id and account. The default is Brex's documented 1,000 requests per 60 s.
 */
public final class RateLimiter {
  private final long permits;
  private final Duration period;
  private final Clock clock;
  private final double nanosPerPermit;
  private double available;
  private long lastRefillNanos;
  private final boolean unlimited;

  private RateLimiter(long permits, Duration period, Clock clock, boolean unlimited) {
    if (permits < 1) {
      throw new IllegalArgumentException("permits must be >= 1: " + permits);
    }
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("period must be positive: " + period);
    }
    this.permits = permits;
    this.period = period;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.nanosPerPermit = (double) period.toNanos() / permits;
    this.available = permits;
    this.lastRefillNanos = nanos();
    this.unlimited = unlimited;
  }

  /** {@code permits} per {@code period} on the system clock. */
  public static RateLimiter of(long permits, Duration period) {
    return new RateLimiter(permits, period, Clock.systemUTC(), false);
  }

  /** {@code permits} per {@code period} on {@code clock} (inject a test clock). */
  public static RateLimiter of(long permits, Duration period, Clock clock) {
    return new RateLimiter(permits, period, clock, false);
  }

  /** Brex's documented request limit: 1,000 per 60 seconds. */
  public static RateLimiter brexDefault() {
    return of(1000, Duration.ofSeconds(60));
  }

  /** Brex's documented card-creation limit: 5,000 per 24 hours. */
  public static RateLimiter brexCardCreationDefault() {
    return of(5000, Duration.ofHours(24));
  }

  /** A limiter that never limits. */
  public static RateLimiter unlimited() {
    return new RateLimiter(1, Duration.ofSeconds(1), Clock.systemUTC(), true);
  }

  /**
   * Takes one permit and returns how long the caller must wait before using it (zero when one was
   * available). Callers that cannot wait should use {@link #tryAcquire()}.
   */
  public synchronized Duration reserve() {
    if (unlimited) {
      return Duration.ZERO;
    }
    refill();
    available -= 1;
    if (available >= 0) {
      return Duration.ZERO;
    }
    return Duration.ofNanos((long) Math.ceil(-available * nanosPerPermit));
  }

  /** Takes a permit if one is available now; never waits. */
  public synchronized boolean tryAcquire() {
    if (unlimited) {
      return true;
    }
    refill();
    if (available >= 1) {
      available -= 1;
      return true;
    }
    return false;
  }

  /** Permits per period. */
  public long permits() {
    return permits;
  }

  /** The refill period. */
  public Duration period() {
    return period;
  }

  private void refill() {
    long now = nanos();
    long elapsed = now - lastRefillNanos;
    if (elapsed > 0) {
      available = Math.min(permits, available + elapsed / nanosPerPermit);
      lastRefillNanos = now;
    }
  }

  private long nanos() {
    java.time.Instant i = clock.instant();
    return i.getEpochSecond() * 1_000_000_000L + i.getNano();
  }

  @Override
  public String toString() {
    return unlimited ? "RateLimiter[unlimited]" : "RateLimiter[" + permits + " per " + period + "]";
  }
}
