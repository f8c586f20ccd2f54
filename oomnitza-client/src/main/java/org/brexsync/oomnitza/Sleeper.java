package org.brexsync.oomnitza;

import java.time.Duration;

/**
 * Waits between retries. Injectable so tests run retries instantly and can record the delays.
 */
@FunctionalInterface
public interface Sleeper {
  /** The real thing: {@link Thread#sleep(long)}. */
  Sleeper SYSTEM = d -> Thread.sleep(d.toMillis());

  /** The real thing, {@link #SYSTEM}. */
  static Sleeper system() {
    return SYSTEM;
  }

  /** Waits {@code duration}. */
  void sleep(Duration duration) throws InterruptedException;
}
