package org.brexsync.jdbc;

/**
 * A writing session could not open an integration's state: another session holds it (another worker
 * runs the integration, or a worker that died is still connected as far as the server knows).
 * {@link ClusterScheduler} tries such a run again after the heartbeat timeout instead of waiting for
 * the next scheduled time.
 */
public final class StateLockedException extends DatabaseException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message which integration's state is held (never a credential)
   */
  public StateLockedException(String message) {
    super(message);
  }
}
