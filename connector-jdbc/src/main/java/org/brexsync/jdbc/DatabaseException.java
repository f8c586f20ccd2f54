package org.brexsync.jdbc;

import org.brexsync.connector.port.StateStoreException;

/**
 * The database could not be reached, refused the credentials, lost the connection or answered with an
 * error. The message says what and where (the URL without its password), never a credential.
 */
public class DatabaseException extends StateStoreException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed and where (the URL without its password), never a credential
   * @param cause the driver's or Flyway's exception, or {@code null} when the message says it all
   */
  public DatabaseException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Creates the exception, with no cause.
   *
   * @param message what failed and where (the URL without its password), never a credential
   */
  public DatabaseException(String message) {
    super(message);
  }
}
