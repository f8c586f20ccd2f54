package org.brexsync.cli;

/**
 * Bad usage or configuration: missing or incomplete credentials, an unreadable or invalid integration
 * document, a bad option value. The CLI reports its message (never a secret) and exits with code 2.
 */
public class ConfigurationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message meant for the operator. */
  public ConfigurationException(String message) {
    super(message);
  }

  /** An exception with a message meant for the operator and its cause. */
  public ConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
