package org.brexsync.brex;

import java.time.Duration;

/**
 * Waits between retries and for rate-limit permits; replace it in tests so nothing really waits.
 * The core's {@link org.brexsync.http.Sleeper} under the Brex client's name.
 */
@FunctionalInterface
public interface Sleeper extends org.brexsync.http.Sleeper {
  /** {@return {@link Thread#sleep(long)}} */
  static Sleeper system() {
    org.brexsync.http.Sleeper system = org.brexsync.http.Sleeper.system();
    return system::sleep;
  }

  /** Waits {@code duration}; must throw {@link InterruptedException} when interrupted. */
  @Override
  void sleep(Duration duration) throws InterruptedException;
}
