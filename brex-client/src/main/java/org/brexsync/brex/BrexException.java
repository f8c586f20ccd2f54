package org.brexsync.brex;

import org.brexsync.http.HttpClientException;

/**
 * Root of every exception the Brex client throws. Unchecked. Messages never contain the API
 * token, card numbers or CVVs. Extends the core's {@link HttpClientException}, so one {@code
 * catch} covers every brexsync client; its {@link #status()}, {@link #method()}, {@link #path()}
 * and {@link #traceId()} say what is known of the request (status 0: no answer was received).
 */
public class BrexException extends HttpClientException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception with a message.
   *
   * @param message the detail message (never a secret)
   */
  public BrexException(String message) {
    super(message);
  }

  /**
   * An exception with a message and a cause.
   *
   * @param message the detail message (never a secret)
   * @param cause the underlying failure, or null
   */
  public BrexException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * An exception about one request: see {@link HttpClientException}.
   *
   * @param message the detail message (never a secret)
   * @param cause the underlying failure, or null
   * @param status the HTTP status (0 when no response arrived)
   * @param method the HTTP method of the request
   * @param path the request path, without the query
   * @param traceId the vendor's trace id, empty when absent
   */
  protected BrexException(String message, Throwable cause, int status, String method, String path,
      String traceId) {
    super(message, cause, status, method, path, traceId);
  }
}
