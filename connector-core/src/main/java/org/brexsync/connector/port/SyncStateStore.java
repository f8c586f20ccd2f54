package org.brexsync.connector.port;

/**
 * Port: remembers, per integration, each record's {@link RecordState} and the last successful run, so
 * an unchanged record costs no write, and lets a run mark what it saw, so duplicates and records gone
 * from the source are found without holding the state in the heap. Implementations:
 * {@code state.FileSyncStateStore} (the default: files on disk) and {@code state.InMemorySyncStateStore}
 * (tests). See {@link StateSession} for the contract a store keeps; it is small on purpose, so a
 * database can implement it (one namespace per integration, a transactional commit, a streamed
 * "not seen in this run" query).
 *
 * <p>Must be thread-safe; at most one writing session per integration at a time (a second one fails
 * with {@link StateStoreException}); read-only sessions may run beside it.
 */
public interface SyncStateStore {

  /**
   * Opens the state of one integration.
   *
   * @param integration the integration name (the namespace of its records)
   * @param readOnly true for dry runs: the session persists nothing and takes no lock
   * @return the session; the caller closes it
   * @throws StateStoreException when the state cannot be read, created or locked
   */
  StateSession open(String integration, boolean readOnly);
}
