package org.brexsync.connector.sync;

/** How a run ended. */
public enum RunStatus {
  /** Every record was processed without failure. */
  SUCCEEDED,
  /** Every record was processed; some failed (see the report). */
  COMPLETED_WITH_FAILURES,
  /** The safety guard stopped the run (see the report's reason). */
  ABORTED,
  /** The run was cancelled. */
  CANCELLED,
  /** The run could not continue (e.g. Brex could not be read); the reason says why. */
  FAILED;

  /** {@return whether the state of the run is committed as a successful run} */
  public boolean isComplete() {
    return this == SUCCEEDED || this == COMPLETED_WITH_FAILURES;
  }
}
