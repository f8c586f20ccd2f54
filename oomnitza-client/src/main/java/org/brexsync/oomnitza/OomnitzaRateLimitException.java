package org.brexsync.oomnitza;

import java.time.Duration;
import java.util.Optional;

/** HTTP 429 that persisted after the retry policy was exhausted. */
public class OomnitzaRateLimitException extends OomnitzaApiException {
  private static final long serialVersionUID = 1L;

  /** The Retry-After Oomnitza sent, or null. */
  private final Duration retryAfter;

  /**
   * Creates the exception; {@code retryAfter} may be null.
   *
   * @param method the HTTP method of the request
   * @param path the request path, without the query
   * @param errorMessage the vendor's error message, empty when absent
   * @param bodyExcerpt the start of the response body, secrets redacted
   * @param traceId the vendor's trace id, empty when absent
   * @param retryAfter how long the vendor asked to wait, when it said
   */
  public OomnitzaRateLimitException(
      String method, String path, String errorMessage, String bodyExcerpt, String traceId, Duration retryAfter) {
    super(429, method, path, errorMessage, bodyExcerpt, traceId);
    this.retryAfter = retryAfter;
  }

  /** {@return the server's last {@code Retry-After}, if any} */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
