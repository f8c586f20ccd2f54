package org.brexsync.brex;

/**
 * Thrown before sending a create-card request when the client-side card-creation budget (by
 * default Brex's documented 5,000 cards per 24 hours) is used up. Nothing was sent.
 */
public class BrexCardCreationLimitException extends BrexException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message the detail message (never a secret)
   */
  public BrexCardCreationLimitException(String message) {
    super(message);
  }
}
