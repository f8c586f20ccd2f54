package org.brexsync.connector.sync;

import org.brexsync.connector.ConnectorException;

/** Thrown when a run of an engine is started while another run of the same engine is in progress. */
public class SyncAlreadyRunningException extends ConnectorException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception.
   *
   * @param integration the name of the integration whose run is in progress
   */
  public SyncAlreadyRunningException(String integration) {
    super("a run of integration '" + integration + "' is already in progress");
  }
}
