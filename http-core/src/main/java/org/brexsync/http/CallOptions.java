package org.brexsync.http;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * What every client's per-call options have in common (each client's {@code RequestOptions}
 * implements it and adds its vendor's own): a timeout for each attempt of this call, further
 * headers, and for writes an Idempotency-Key sent on every attempt.
 */
public interface CallOptions {
  /** {@return the timeout of each attempt of this call, overriding the client's} */
  Optional<Duration> timeout();

  /** {@return further headers sent on every attempt (never those the client sets itself)} */
  Map<String, String> extraHeaders();

  /**
   * {@return the Idempotency-Key sent on every attempt of a write, which makes the write safe to retry;
   * empty by default (and always for a vendor without idempotency keys)}
   */
  default Optional<String> idempotencyKey() {
    return Optional.empty();
  }
}
