package org.brexsync.oomnitza;

/**
 * The client's configuration cannot work: a missing base URI, a missing, blank or malformed API
 * token or credentials, a base URI that is not https (plain http only to loopback or with {@code
 * allowPlainHttp}), or a request that cannot be built from the configuration and the call's
 * options. Thrown when the client is built, or before anything is sent. The message says what is
 * wrong and where the value usually comes from; it never contains a token or password.
 */
public class OomnitzaConfigurationException extends OomnitzaException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message the detail message (never a secret)
   */
  public OomnitzaConfigurationException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause (whose message must already be free of secrets).
   *
   * @param message the detail message (never a secret)
   * @param cause the underlying failure, or null
   */
  public OomnitzaConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
