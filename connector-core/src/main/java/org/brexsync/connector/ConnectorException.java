package org.brexsync.connector;

/** Root of every unchecked exception thrown by connector-core. */
public class ConnectorException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message.
   *
   * @param message the detail message (never a secret)
   */
  public ConnectorException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and a cause.
   *
   * @param message the detail message (never a secret)
   * @param cause the underlying failure, or null
   */
  public ConnectorException(String message, Throwable cause) {
    super(message, cause);
  }
}
