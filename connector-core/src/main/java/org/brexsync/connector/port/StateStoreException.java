package org.brexsync.connector.port;

import org.brexsync.connector.ConnectorException;

/** The state store could not be read, written or locked. */
public class StateStoreException extends ConnectorException {
  private static final long serialVersionUID = 1L;

  /** An exception. */
  public StateStoreException(String message, Throwable cause) {
    super(message, cause);
  }

  /** An exception. */
  public StateStoreException(String message) {
    super(message);
  }
}
