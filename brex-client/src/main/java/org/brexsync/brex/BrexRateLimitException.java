package org.brexsync.brex;

import java.time.Duration;
import java.util.Optional;

/** HTTP 429 from Brex after the retries allowed by the {@link RetryPolicy}. */
public class BrexRateLimitException extends BrexApiException {
  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  /** Creates the exception; {@code retryAfter} may be null when Brex sent no Retry-After. */
  public BrexRateLimitException(
      String message, int status, String type, String code, String brexMessage, String traceId,
      String method, String path, Duration retryAfter) {
    super(message, status, type, code, brexMessage, traceId, method, path);
    this.retryAfter = retryAfter;
  }

  /** The wait the last 429 response asked for in its {@code Retry-After} header, if any. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
