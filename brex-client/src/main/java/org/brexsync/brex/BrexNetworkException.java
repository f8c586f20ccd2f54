package org.brexsync.brex;

/** The request could not be completed: connection refused or reset, TLS failure, timeout. */
public class BrexNetworkException extends BrexException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message the detail message (never a secret)
   * @param method the HTTP method of the request
   * @param path the request path, without the query
   * @param cause the underlying failure, or null
   */
  public BrexNetworkException(String message, String method, String path, Throwable cause) {
    super(message, cause, 0, method, path, null);
  }
}
