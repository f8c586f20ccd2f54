package org.brexsync.oomnitza;

/** The request could not be completed: connect failure, timeout, reset, TLS error. */
public class OomnitzaNetworkException extends OomnitzaException {
  private static final long serialVersionUID = 1L;

  private final String method;
  private final String path;

  /** Creates the exception. */
  public OomnitzaNetworkException(String method, String path, String message, Throwable cause) {
    super("Oomnitza " + method + " " + path + ": " + message, cause);
    this.method = method;
    this.path = path;
  }

  /** HTTP method of the failed request. */
  public String method() {
    return method;
  }

  /** Path of the failed request, without query string. */
  public String path() {
    return path;
  }
}
