package org.brexsync.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A client-side token bucket: {@code permits} requests per {@code period}, refilled continuously.
 * Thread-safe. Share one instance between every client that spends the same server-side budget
 * (for example every client of one API token). A client's own subclass adds its vendor's
 * documented limits (e.g. {@code org.brexsync.brex.RateLimiter.brexDefault()}).
 */
public class RateLimiter {
  private final long permits;
  private final Duration period;
  private final Clock clock;
  private final double nanosPerPermit;
  private final boolean unlimited;
  private double available;
  private long lastRefillNanos;

  /**
   * A bucket of {@code permits} per {@code period} on {@code clock}, full at the start; {@code
   * unlimited} makes a limiter that never limits (the other arguments are then ignored).
   *
   * @param permits how many requests per period
   * @param period the period
   * @param clock the clock that tells the time
   * @param unlimited the unlimited
   * @throws IllegalArgumentException when permits is below 1 or the period is not positive
   */
  protected RateLimiter(long permits, Duration period, Clock clock, boolean unlimited) {
    if (permits < 1) {
      throw new IllegalArgumentException("permits must be >= 1: " + permits);
    }
    Objects.requireNonNull(period, "period");
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("period must be positive: " + period);
    }
    this.permits = permits;
    this.period = period;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.nanosPerPermit = (double) period.toNanos() / permits;
    this.unlimited = unlimited;
    this.available = permits;
    this.lastRefillNanos = nanos();
  }

  /**
   * {@return {@code permits} per {@code period} on the system clock}
   *
   * @param permits how many requests per period
   * @param period the period
   */
  public static RateLimiter of(long permits, Duration period) {
    return new RateLimiter(permits, period, Clock.systemUTC(), false);
  }

  /**
   * {@return {@code permits} per {@code period} on {@code clock} (inject a test clock)}
   *
   * @param permits how many requests per period
   * @param period the period
   * @param clock the clock that tells the time
   */
  public static RateLimiter of(long permits, Duration period, Clock clock) {
    return new RateLimiter(permits, period, clock, false);
  }

  /** {@return a limiter that never limits} */
  public static RateLimiter unlimited() {
    return new RateLimiter(1, Duration.ofSeconds(1), Clock.systemUTC(), true);
  }

  /**
   * Takes one permit and returns how long the caller must wait before using it (zero when one was
   * available). Callers that cannot wait should use {@link #tryAcquire()}.
   *
   * @return the duration
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

  /**
   * Takes a permit if one is available now; never waits.
   *
   * @return whether it did
   */
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

  /** {@return permits per period} */
  public long permits() {
    return permits;
  }

  /** {@return the refill period} */
  public Duration period() {
    return period;
  }

  /** {@return whether this limiter never limits} */
  public boolean isUnlimited() {
    return unlimited;
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
    Instant i = clock.instant();
    return i.getEpochSecond() * 1_000_000_000L + i.getNano();
  }

  @Override
  public String toString() {
    return unlimited ? "RateLimiter[unlimited]" : "RateLimiter[" + permits + " per " + period + "]";
  }
}
