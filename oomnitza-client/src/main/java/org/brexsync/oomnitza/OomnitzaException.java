package org.brexsync.oomnitza;

/**
 * Root of every exception this client throws. Unchecked; never carries tokens or passwords in its
 * message.
 */
public class OomnitzaException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message. */
  public OomnitzaException(String message) {
    super(message);
  }

  /** Creates an exception with a message and a cause. */
  public OomnitzaException(String message, Throwable cause) {
    super(message, cause);
  }
}
