package org.brexsync.brex;

/**
 * A call was made on a {@link BrexClient} after {@link BrexClient#close()}. Nothing was sent; build
 * a new client.
 */
public class BrexClientClosedException extends BrexException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message the detail message (never a secret)
   */
  public BrexClientClosedException(String message) {
    super(message);
  }
}
