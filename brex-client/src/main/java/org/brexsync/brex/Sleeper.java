package org.brexsync.brex;

import java.time.Duration;

/** Waits between retries and for rate-limit permits; replace it in tests so nothing really waits. */
@FunctionalInterface
public interface Sleeper {
  /** Waits {@code duration}; must throw {@link InterruptedException} when interrupted. */
  void sleep(Duration duration) throws InterruptedException;

  /** {@link Thread#sleep(long)}. */
  static Sleeper system() {
    return d -> {
      if (!d.isNegative() && !d.isZero()) {
        Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
      }
    };
  }
}
