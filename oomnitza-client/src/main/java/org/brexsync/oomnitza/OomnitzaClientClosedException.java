package org.brexsync.oomnitza;

/**
 * A call was made on an {@link OomnitzaClient} after {@link OomnitzaClient#close()}. Nothing was
 * sent; build a new client.
 */
public class OomnitzaClientClosedException extends OomnitzaException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message the detail message (never a secret)
   */
  public OomnitzaClientClosedException(String message) {
    super(message);
  }
}
