package org.brexsync.jdbc;

import java.util.Objects;
import javax.sql.DataSource;
import org.brexsync.connector.port.StateSession;
import org.brexsync.connector.port.SyncStateStore;
import org.brexsync.jdbc.internal.PgSession;

/**
 * The sync state on PostgreSQL (the {@link SyncStateStore} port): every integration is a namespace of
 * table {@code brexsync_record}, so any number of integrations and workers share one database.
 *
 * <ul>
 *   <li><b>Memory</b>: a session holds one connection and at most a batch of pending writes; reads
 *       take a page of ids at a time ({@code = ANY(?)}), the "not seen in this run" pass streams in
 *       keyset pages of {@value PgSession#PAGE} ordered by source id ({@code COLLATE "C"}), and a run's
 *       marks (ids seen, sync keys claimed) live in temporary tables of that connection, so they
 *       vanish with it even when the worker dies.
 *   <li><b>Transactions</b>: {@code flush()} writes the pending puts and removes in one transaction
 *       (batched upserts); {@code commit()} writes the rest together with the run's start as the last
 *       successful run in one transaction. A crash leaves each record with its old or its new
 *       fingerprint and the last successful run as it was or as it is after the commit, never a mix.
 *   <li><b>One writer</b>: a writing session holds a PostgreSQL advisory lock on its integration for its
 *       whole life, so two workers never write one integration's state at once (the second gets a
 *       {@link DatabaseException}); the server releases the lock when the connection ends, also when
 *       the worker is killed. Read-only sessions (dry runs) take no lock and write nothing.
 * </ul>
 *
 * <p>The schema must be in place: {@link BrexsyncDatabase} checks or migrates it. Thread-safe.
 */
public final class PostgresStateStore implements SyncStateStore {
  private final DataSource dataSource;

  private PostgresStateStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Creates a state store; it holds no connection until a session is opened.
   *
   * @param dataSource the database, whose schema is at {@link BrexsyncSchema#CURRENT_VERSION}
   *     ({@link BrexsyncDatabase} checks or migrates it; this does not)
   * @return the store, for every integration in that database
   */
  public static PostgresStateStore create(DataSource dataSource) {
    return new PostgresStateStore(Objects.requireNonNull(dataSource, "dataSource"));
  }

  @Override
  public StateSession open(String integration, boolean readOnly) {
    Objects.requireNonNull(integration, "integration");
    return PgSession.open(dataSource, integration, readOnly);
  }

  @Override
  public String toString() {
    return "PostgresStateStore";
  }
}
