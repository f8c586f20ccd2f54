package org.brexsync.brex;

/**
 * The calling thread was interrupted while waiting for a response, a retry back-off or the rate
 * limiter. The thread's interrupt flag is set again before this is thrown.
 */
public class BrexInterruptedException extends BrexException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message the detail message (never a secret)
   * @param cause the underlying failure, or null
   */
  public BrexInterruptedException(String message, Throwable cause) {
    super(message, cause);
  }
}
