package org.brexsync.connector.sync;

/**
 * Observes a run: progress after every batch and every record outcome as it is decided (so callers can
 * stream outcomes of huge runs elsewhere). Called on the run's thread; keep it fast; exceptions are logged
 * and ignored.
 */
public interface SyncListener {
  /** A listener that ignores everything. */
  SyncListener NONE = new SyncListener() {};

  /** After each batch. */
  default void onProgress(SyncProgress progress) {}

  /** After each record is decided (and written, unless dry run). */
  default void onRecord(RecordOutcome outcome) {}
}
