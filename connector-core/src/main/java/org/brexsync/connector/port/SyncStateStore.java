package org.brexsync.connector.port;

/**
 * Port: remembers, per integration, each record's {@link RecordState} and the last successful run, so
 * an unchanged record costs no write. Implementations: {@link InMemorySyncStateStore} and
 * {@link FileSyncStateStore} (the default). Must be thread-safe; one session per integration at a time.
 */
public interface SyncStateStore {

  /**
   * Opens the state of one integration.
   *
   * @param integration the integration name
   * @param readOnly true for dry runs: the session must not persist anything
   */
  StateSession open(String integration, boolean readOnly);
}
