package org.brexsync.brex;

/**
 * Observes every HTTP attempt, for metrics and auditing (called on the calling thread, after the
 * attempt; must be fast and must not throw). Never sees bodies, tokens or card data. The core's
 * {@link org.brexsync.http.RequestListener} under the Brex client's name; its {@link Attempt}
 * carries the {@code X-Brex-Trace-Id}.
 */
@FunctionalInterface
public interface RequestListener extends org.brexsync.http.RequestListener {
  /** {@return a listener that does nothing} */
  static RequestListener none() {
    return a -> { };
  }
}
