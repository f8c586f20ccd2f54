package org.brexsync.connector.workflow;

/** The root of the workflow package's unchecked exceptions. Messages never contain secrets. */
public class WorkflowException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception with a message.
   *
   * @param message the detail message (never a secret)
   */
  public WorkflowException(String message) {
    super(message);
  }

  /**
   * An exception with a message and cause.
   *
   * @param message the detail message (never a secret)
   * @param cause the underlying failure, or null
   */
  public WorkflowException(String message, Throwable cause) {
    super(message, cause);
  }
}
