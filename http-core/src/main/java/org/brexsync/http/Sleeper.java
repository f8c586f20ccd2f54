package org.brexsync.http;

import java.time.Duration;

/**
 * Waits between retries and for rate-limit permits. Replace it in tests so nothing really waits
 * (and the waits can be recorded).
 */
@FunctionalInterface
public interface Sleeper {
  /**
   * Waits {@code duration}; must throw {@link InterruptedException} when interrupted.
   *
   * @param duration how long to wait
   * @throws InterruptedException when the thread is interrupted while waiting
   */
  void sleep(Duration duration) throws InterruptedException;

  /** {@return {@link Thread#sleep(long, int)}; a zero or negative duration returns at once} */
  static Sleeper system() {
    return d -> {
      if (!d.isNegative() && !d.isZero()) {
        Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
      }
    };
  }
}
