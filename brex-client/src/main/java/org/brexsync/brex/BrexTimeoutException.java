package org.brexsync.brex;

/** The connect or request timeout elapsed (after the retries allowed by the policy). */
public class BrexTimeoutException extends BrexNetworkException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message the detail message (never a secret)
   * @param method the HTTP method of the request
   * @param path the request path, without the query
   * @param cause the underlying failure, or null
   */
  public BrexTimeoutException(String message, String method, String path, Throwable cause) {
    super(message, method, path, cause);
  }
}
