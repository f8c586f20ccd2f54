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

  /** An exception with a message. */
  public BrexException(String message) {
    super(message);
  }

  /** An exception with a message and a cause. */
  public BrexException(String message, Throwable cause) {
    super(message, cause);
  }

  /** An exception about one request: see {@link HttpClientException}. */
  protected BrexException(String message, Throwable cause, int status, String method, String path,
      String traceId) {
    super(message, cause, status, method, path, traceId);
  }
}
