package org.brexsync.brex;

import java.time.Clock;
import java.time.Duration;

/**
 * A client-side token bucket: {@code permits} requests per {@code period}, refilled continuously.
 * Thread-safe. Share one instance between every client that uses the same token, because Brex
 * counts per client id and account. The default is Brex's documented 1,000 requests per 60 s.
 * The core's {@link org.brexsync.http.RateLimiter} with Brex's documented limits.
 */
public final class RateLimiter extends org.brexsync.http.RateLimiter {
  private RateLimiter(long permits, Duration period, Clock clock, boolean unlimited) {
    super(permits, period, clock, unlimited);
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

  /** {@return Brex's documented request limit: 1,000 per 60 seconds} */
  public static RateLimiter brexDefault() {
    return of(1000, Duration.ofSeconds(60));
  }

  /** {@return Brex's documented card-creation limit: 5,000 per 24 hours} */
  public static RateLimiter brexCardCreationDefault() {
    return of(5000, Duration.ofHours(24));
  }

  /** {@return a limiter that never limits} */
  public static RateLimiter unlimited() {
    return new RateLimiter(1, Duration.ofSeconds(1), Clock.systemUTC(), true);
  }
}
