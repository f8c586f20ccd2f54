package org.brexsync.http;

import java.time.Duration;
import java.util.Optional;

/**
 * Observes every HTTP attempt, for metrics and auditing (called on the calling thread, after the
 * attempt; must be fast and must not throw: an exception is logged and ignored). Never sees
 * bodies, tokens or card data.
 */
@FunctionalInterface
public interface RequestListener {
  /**
   * Called once per attempt.
   *
   * @param attempt the attempt
   */
  void onAttempt(Attempt attempt);

  /** {@return a listener that does nothing} */
  static RequestListener none() {
    return a -> { };
  }

  /**
   * One HTTP attempt.
   *
   * @param method HTTP method
   * @param path request path without query (redacted like every excerpt of a URL)
   * @param attempt 1 for the first attempt
   * @param status HTTP status; empty when no response arrived (network failure)
   * @param duration time from sending to the response or failure
   * @param traceId the server's trace id (e.g. {@code X-Brex-Trace-Id}), when present
   * @param failure the network failure's class name when no response arrived, or the client's
   *     response exception's class name (e.g. {@code BrexResponseException}) when a 2xx body
   *     could not be read
   * @param willRetry whether the client retries after this attempt
   */
  record Attempt(String method, String path, int attempt, Optional<Integer> status,
      Duration duration, Optional<String> traceId, Optional<String> failure, boolean willRetry) {}
}
