package org.brexsync.oomnitza;

/**
 * The operation stopped because it was cancelled: the calling thread was interrupted, the caller's
 * cancellation token fired, or the connector run was cancelled in the Oomnitza UI.
 */
public class OomnitzaCancelledException extends OomnitzaException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message the detail message (never a secret)
   */
  public OomnitzaCancelledException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause (e.g. {@link InterruptedException}).
   *
   * @param message the detail message (never a secret)
   * @param cause the underlying failure, or null
   */
  public OomnitzaCancelledException(String message, Throwable cause) {
    super(message, cause);
  }
}
