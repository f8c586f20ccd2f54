package org.brexsync.connector;

/** Root of every unchecked exception thrown by connector-core. */
public class ConnectorException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message. */
  public ConnectorException(String message) {
    super(message);
  }

  /** Creates an exception with a message and a cause. */
  public ConnectorException(String message, Throwable cause) {
    super(message, cause);
  }
}
