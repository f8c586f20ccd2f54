package org.brexsync.brex;

/**
 * The client's configuration cannot work: a missing, blank or malformed token, a base URI that is
 * not https (or plain http to a loopback host), or a request that cannot be built from the
 * configuration and the call's options. Thrown when the client is built, or before anything is
 * sent. The message says what is wrong and where the value usually comes from; it never contains
 * the token.
 */
public class BrexConfigurationException extends BrexException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message the detail message (never a secret)
   */
  public BrexConfigurationException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause (whose message must already be free of secrets).
   *
   * @param message the detail message (never a secret)
   * @param cause the underlying failure, or null
   */
  public BrexConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
