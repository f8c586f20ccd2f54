package org.brexsync.brex.webhook;

import org.brexsync.brex.BrexException;

/** A webhook request failed verification: missing header, stale timestamp or bad signature. */
public class WebhookVerificationException extends BrexException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message the detail message (never a secret)
   */
  public WebhookVerificationException(String message) {
    super(message);
  }
}
