package org.brexsync.brex;

/** The request could not be completed: connection refused or reset, TLS failure, timeout. */
public class BrexNetworkException extends BrexException {
  private static final long serialVersionUID = 1L;

  private final String method;
  private final String path;

  /** Creates the exception. */
  public BrexNetworkException(String message, String method, String path, Throwable cause) {
    super(message, cause);
    this.method = method;
    this.path = path;
  }

  /** HTTP method of the failed request. */
  public String method() {
    return method;
  }

  /** Path of the failed request, without the query string. */
  public String path() {
    return path;
  }
}
