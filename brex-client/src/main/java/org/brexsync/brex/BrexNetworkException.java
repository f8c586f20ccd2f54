package org.brexsync.brex;

/** The request could not be completed: connection refused or reset, TLS failure, timeout. */
public class BrexNetworkException extends BrexException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public BrexNetworkException(String message, String method, String path, Throwable cause) {
    super(message, cause, 0, method, path, null);
  }
}
