package org.brexsync.jdbc;

import org.brexsync.connector.port.StateStoreException;

/**
 * The database could not be reached, refused the credentials, lost the connection or answered with an
 * error. The message says what and where (the URL without its password), never a credential.
 */
public class DatabaseException extends StateStoreException {
  private static final long serialVersionUID = 1L;

  /** An exception. */
  public DatabaseException(String message, Throwable cause) {
    super(message, cause);
  }

  /** An exception. */
  public DatabaseException(String message) {
    super(message);
  }
}
