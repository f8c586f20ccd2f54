package org.brexsync.brex;

/**
 * Root of every exception the Brex client throws. Unchecked. Messages never contain the API
 * token, card numbers or CVVs.
 */
public class BrexException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message. */
  public BrexException(String message) {
    super(message);
  }

  /** An exception with a message and a cause. */
  public BrexException(String message, Throwable cause) {
    super(message, cause);
  }
}
