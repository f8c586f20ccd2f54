package org.brexsync.brex;

/** The connect or request timeout elapsed (after the retries allowed by the policy). */
public class BrexTimeoutException extends BrexNetworkException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public BrexTimeoutException(String message, String method, String path, Throwable cause) {
    super(message, method, path, cause);
  }
}
