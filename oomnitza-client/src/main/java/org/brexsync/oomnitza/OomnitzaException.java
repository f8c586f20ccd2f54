package org.brexsync.oomnitza;

import org.brexsync.http.HttpClientException;

/**
 * Root of every exception this client throws. Unchecked; never carries tokens or passwords in its
 * message. Extends the core's {@link HttpClientException}, so one {@code catch} covers every
 * brexsync client; its {@link #status()}, {@link #method()}, {@link #path()} and {@link
 * #traceId()} say what is known of the request (status 0: no answer was received).
 */
public class OomnitzaException extends HttpClientException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message. */
  public OomnitzaException(String message) {
    super(message);
  }

  /** Creates an exception with a message and a cause. */
  public OomnitzaException(String message, Throwable cause) {
    super(message, cause);
  }

  /** An exception about one request: see {@link HttpClientException}. */
  protected OomnitzaException(String message, Throwable cause, int status, String method,
      String path, String traceId) {
    super(message, cause, status, method, path, traceId);
  }
}
