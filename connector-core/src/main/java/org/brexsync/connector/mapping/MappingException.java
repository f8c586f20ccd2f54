package org.brexsync.connector.mapping;

import org.brexsync.connector.ConnectorException;

/** A mapping could not be compiled, or a record could not be mapped (the message names the rule). */
public class MappingException extends ConnectorException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception.
   *
   * @param message the detail message (never a secret)
   * @param cause the underlying failure, or null
   */
  public MappingException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * An exception.
   *
   * @param message the detail message (never a secret)
   */
  public MappingException(String message) {
    super(message);
  }
}
