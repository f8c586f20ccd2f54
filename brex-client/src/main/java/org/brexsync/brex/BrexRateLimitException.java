package org.brexsync.brex;

import java.time.Duration;
import java.util.Optional;

/** HTTP 429 from Brex after the retries allowed by the {@link RetryPolicy}. */
public class BrexRateLimitException extends BrexApiException {
  private static final long serialVersionUID = 1L;

  /** The Retry-After Brex sent, or null. */
  private final Duration retryAfter;

  /**
   * Creates the exception; {@code retryAfter} may be null when Brex sent no Retry-After.
   *
   * @param message the detail message (never a secret)
   * @param status the HTTP status (0 when no response arrived)
   * @param type Brex's error type, empty when absent
   * @param code the vendor's error code, empty when absent
   * @param brexMessage Brex's error message, empty when absent
   * @param traceId the vendor's trace id, empty when absent
   * @param method the HTTP method of the request
   * @param path the request path, without the query
   * @param retryAfter how long the vendor asked to wait, when it said
   */
  public BrexRateLimitException(
      String message, int status, String type, String code, String brexMessage, String traceId,
      String method, String path, Duration retryAfter) {
    super(message, status, type, code, brexMessage, traceId, method, path);
    this.retryAfter = retryAfter;
  }

  /** {@return the wait the last 429 response asked for in its {@code Retry-After} header, if any} */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
