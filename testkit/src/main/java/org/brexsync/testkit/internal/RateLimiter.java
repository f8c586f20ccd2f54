package org.brexsync.testkit.internal;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/** Fixed-window request counting per key (a token), driven by an injectable clock. */
public final class RateLimiter {
  private final Clock clock;
  private volatile int limit;
  private volatile long windowMillis;
  private final ConcurrentHashMap<String, long[]> windows = new ConcurrentHashMap<>();

  public RateLimiter(Clock clock, int limit, long windowMillis) {
    this.clock = clock;
    this.limit = limit;
    this.windowMillis = windowMillis;
  }

  public void configure(int limit, long windowMillis) {
    this.limit = limit;
    this.windowMillis = windowMillis;
    windows.clear();
  }

  /**
   * Counts one request; returns 0 when allowed, else the milliseconds until the window resets.
   * A limit of 0 or less disables limiting.
   */
  public long acquire(String key) {
    if (limit <= 0) {
      return 0;
    }
    long now = clock.millis();
    long[] w = windows.computeIfAbsent(key, k -> new long[] {now, 0});
    synchronized (w) {
      if (now - w[0] >= windowMillis || now < w[0]) {
        w[0] = now;
        w[1] = 0;
      }
      if (w[1] >= limit) {
        return Math.max(1, w[0] + windowMillis - now);
      }
      w[1]++;
      return 0;
    }
  }

  public void reset() {
    windows.clear();
  }
}
