package org.brexsync.micrometer.internal;

import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A delegate's failure to start its scope must not cost the observation its own. */
final class Safely {
  private static final Logger LOG = LoggerFactory.getLogger("org.brexsync.micrometer");

  private Safely() {}

  /** What {@code start} returns, or null (logged) when it throws. */
  static <T> T call(Supplier<T> start) {
    try {
      return start.get();
    } catch (RuntimeException e) {
      LOG.warn("listener failed: {}", e.getClass().getName());
      return null;
    }
  }
}
