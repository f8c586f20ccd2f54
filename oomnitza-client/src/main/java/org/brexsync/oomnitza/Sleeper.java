package org.brexsync.oomnitza;

import java.time.Duration;

/**
 * Waits between retries. Injectable so tests run retries instantly and can record the delays.
 * The core's {@link org.brexsync.http.Sleeper} under the Oomnitza client's name.
 */
@FunctionalInterface
public interface Sleeper extends org.brexsync.http.Sleeper {
  /** The real thing: {@link Thread#sleep(long)}. */
  Sleeper SYSTEM = org.brexsync.http.Sleeper.system()::sleep;

  /** {@return the real thing, {@link #SYSTEM}} */
  static Sleeper system() {
    return SYSTEM;
  }

  /** Waits {@code duration}. */
  @Override
  void sleep(Duration duration) throws InterruptedException;
}
