package org.brexsync.connector.port;

import org.brexsync.connector.ConnectorException;

/** The state store could not be read, written or locked. */
public class StateStoreException extends ConnectorException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception with its cause.
   *
   * @param message what could not be done, and to which integration's state
   * @param cause the underlying failure (e.g. an {@code IOException} or {@code SQLException})
   */
  public StateStoreException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * An exception.
   *
   * @param message what could not be done, and to which integration's state
   */
  public StateStoreException(String message) {
    super(message);
  }
}
