package org.brexsync.oomnitza;

/** The request could not be completed: connect failure, timeout, reset, TLS error. */
public class OomnitzaNetworkException extends OomnitzaException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param method the HTTP method of the request
   * @param path the request path, without the query
   * @param message the detail message (never a secret)
   * @param cause the underlying failure, or null
   */
  public OomnitzaNetworkException(String method, String path, String message, Throwable cause) {
    super("Oomnitza " + method + " " + path + ": " + message, cause, 0, method, path, null);
  }
}
