package org.brexsync.oomnitza;

import java.time.Duration;
import java.util.Optional;

/** HTTP 429 that persisted after the retry policy was exhausted. */
public class OomnitzaRateLimitException extends OomnitzaApiException {
  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  /** Creates the exception; {@code retryAfter} may be null. */
  public OomnitzaRateLimitException(
      String method, String path, String errorMessage, String bodyExcerpt, String traceId, Duration retryAfter) {
    super(429, method, path, errorMessage, bodyExcerpt, traceId);
    this.retryAfter = retryAfter;
  }

  /** The server's last {@code Retry-After}, if any. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
