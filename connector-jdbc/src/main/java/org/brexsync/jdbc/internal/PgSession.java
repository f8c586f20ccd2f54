package org.brexsync.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import javax.sql.DataSource;
import org.brexsync.connector.port.RecordState;
import org.brexsync.connector.port.StateSession;
import org.brexsync.jdbc.DatabaseException;

/** One integration's state session on PostgreSQL (see {@code PostgresStateStore}). Not API. */
public final class PgSession implements StateSession {
  /** Records per keyset page of the streaming passes. */
  public static final int PAGE = 500;
  /** Pending writes past which a put flushes on its own, so a caller that never flushes stays bounded. */
  static final int MAX_PENDING = 2_000;
  /** Tries to open a session when pooled connections turn out dead. */
  static final int OPEN_TRIES = 12;
  /** Seed of the hash that makes brexsync's advisory lock keys ('brxs'), from the schema and the integration's id. */
  static final int LOCK_CLASS = 0x62727873;

  private static final String TEMP_TABLES =
      "CREATE TEMP TABLE IF NOT EXISTS brexsync_seen (source_id text COLLATE \"C\" PRIMARY KEY);"
          + "CREATE TEMP TABLE IF NOT EXISTS brexsync_claim (sync_key text PRIMARY KEY, source_id text NOT NULL);"
          + "CREATE TEMP TABLE IF NOT EXISTS brexsync_target_key (sync_key text PRIMARY KEY);"
          + "TRUNCATE brexsync_seen, brexsync_claim, brexsync_target_key";

  private final Connection c;
  private final String integration;
  private final boolean readOnly;
  private final long id;
  private final Optional<Instant> lastSuccess;
  private final long size;
  /** Pending writes in order: a state to upsert, or null to delete. */
  private final LinkedHashMap<String, RecordState> pending = new LinkedHashMap<>();
  private boolean closed;

  private PgSession(Connection c, String integration, boolean readOnly, long id, Optional<Instant> lastSuccess, long size) {
    this.c = c;
    this.integration = integration;
    this.readOnly = readOnly;
    this.id = id;
    this.lastSuccess = lastSuccess;
    this.size = size;
  }

  /**
   * Opens a session: the integration's row (created when writing), its lock, its temporary run-mark
   * tables. Pooled connections the server has dropped since (a restart, a failover) are replaced: the
   * pool evicts each one that fails, so a few tries get a live one (at most {@value #OPEN_TRIES}, only
   * for connection failures).
   */
  public static PgSession open(DataSource ds, String integration, boolean readOnly) {
    for (int attempt = 1; ; attempt++) {
      try {
        return openOnce(ds, integration, readOnly);
      } catch (DatabaseException e) {
        if (attempt >= OPEN_TRIES || !(e.getCause() instanceof SQLException) || !Sql.isConnectionLoss((SQLException) e.getCause())) {
          throw e;
        }
      }
    }
  }

  private static PgSession openOnce(DataSource ds, String integration, boolean readOnly) {
    Connection c;
    try {
      c = ds.getConnection();
    } catch (SQLException e) {
      throw Sql.error("opening the state of integration '" + integration + "'", e);
    }
    try {
      c.setAutoCommit(false);
      long id = -1;
      Optional<Instant> last = Optional.empty();
      if (!readOnly) {
        try (PreparedStatement p = c.prepareStatement(
            "INSERT INTO brexsync_integration (name) VALUES (?) ON CONFLICT (name) DO NOTHING")) {
          p.setString(1, integration);
          p.executeUpdate();
        }
        c.commit();
      }
      try (PreparedStatement p = c.prepareStatement("SELECT id, last_success FROM brexsync_integration WHERE name = ?")) {
        p.setString(1, integration);
        try (ResultSet r = p.executeQuery()) {
          if (r.next()) {
            id = r.getLong(1);
            last = Optional.ofNullable(r.getTimestamp(2)).map(Timestamp::toInstant);
          }
        }
      }
      if (!readOnly) {
        // Advisory locks are database-wide and every schema numbers its integrations from 1: the key is
        // the schema and the integration, so deployments in two schemas of one database never collide.
        try (PreparedStatement p = c.prepareStatement(
            "SELECT pg_try_advisory_lock(hashtextextended(current_schema() || '/' || ?, ?))")) {
          p.setString(1, Long.toString(id));
          p.setLong(2, LOCK_CLASS);
          try (ResultSet r = p.executeQuery()) {
            r.next();
            if (!r.getBoolean(1)) {
              throw new org.brexsync.jdbc.StateLockedException("the state of integration '" + integration + "' is held by another run "
                  + "(another worker or process is syncing it); this run did not start");
            }
          }
        }
      }
      long size = 0;
      if (id >= 0) {
        try (PreparedStatement p = c.prepareStatement("SELECT count(*) FROM brexsync_record WHERE integration_id = ?")) {
          p.setLong(1, id);
          try (ResultSet r = p.executeQuery()) {
            r.next();
            size = r.getLong(1);
          }
        }
      }
      try (Statement s = c.createStatement()) {
        s.execute(TEMP_TABLES);
      }
      c.commit();
      return new PgSession(c, integration, readOnly, id, last, size);
    } catch (SQLException | RuntimeException e) {
      closeQuietly(c, !readOnly);
      if (e instanceof SQLException) {
        throw Sql.error("opening the state of integration '" + integration + "'", (SQLException) e);
      }
      throw (RuntimeException) e;
    }
  }

  @Override
  public Optional<Instant> lastSuccessfulRun() {
    return lastSuccess;
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  public Map<String, RecordState> get(Collection<String> sourceIds) {
    Map<String, RecordState> out = new LinkedHashMap<>();
    if (sourceIds.isEmpty() || id < 0) {
      return out;
    }
    try (PreparedStatement p = c.prepareStatement("SELECT source_id, fingerprint, sync_key, target_id FROM brexsync_record "
        + "WHERE integration_id = ? AND source_id = ANY(?)")) {
      p.setLong(1, id);
      p.setArray(2, Sql.texts(c, sourceIds));
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          out.put(r.getString(1), state(r));
        }
      }
      c.commit();
      return out;
    } catch (SQLException e) {
      throw fail("reading", e);
    }
  }

  @Override
  public Set<String> markSeen(Collection<String> sourceIds) {
    Set<String> before = new LinkedHashSet<>();
    if (sourceIds.isEmpty()) {
      return before;
    }
    try (PreparedStatement p = c.prepareStatement("WITH input AS (SELECT DISTINCT unnest(?::text[]) AS id), "
        + "ins AS (INSERT INTO brexsync_seen (source_id) SELECT id FROM input ON CONFLICT DO NOTHING RETURNING source_id) "
        + "SELECT id FROM input WHERE id NOT IN (SELECT source_id FROM ins)")) {
      p.setArray(1, Sql.texts(c, sourceIds));
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          before.add(r.getString(1));
        }
      }
      c.commit();
      return before;
    } catch (SQLException e) {
      throw fail("marking records seen", e);
    }
  }

  @Override
  public Map<String, String> claimKeys(Map<String, String> claims) {
    Map<String, String> taken = new LinkedHashMap<>();
    if (claims.isEmpty()) {
      return taken;
    }
    List<String> keys = new ArrayList<>(claims.keySet());
    List<String> ids = new ArrayList<>(claims.values());
    try (PreparedStatement p = c.prepareStatement("WITH input AS (SELECT * FROM unnest(?::text[], ?::text[]) AS t(k, id)), "
        + "ins AS (INSERT INTO brexsync_claim (sync_key, source_id) SELECT k, id FROM input ON CONFLICT DO NOTHING "
        + "RETURNING sync_key) "
        + "SELECT c.sync_key, c.source_id FROM brexsync_claim c JOIN input i ON c.sync_key = i.k "
        + "WHERE c.source_id <> i.id AND i.k NOT IN (SELECT sync_key FROM ins)")) {
      p.setArray(1, Sql.texts(c, keys));
      p.setArray(2, Sql.texts(c, ids));
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          taken.put(r.getString(1), r.getString(2));
        }
      }
      c.commit();
      return taken;
    } catch (SQLException e) {
      throw fail("claiming sync keys", e);
    }
  }

  /**
   * Remembers sync-key values the target system holds (a run mark): the contract of the state port's
   * {@code markTargetKeys} (issue 14's pipeline; an override once the port declares it).
   */
  public void markTargetKeys(Collection<String> keys) {
    if (keys.isEmpty()) {
      return;
    }
    try (PreparedStatement p = c.prepareStatement(
        "INSERT INTO brexsync_target_key (sync_key) SELECT DISTINCT unnest(?::text[]) ON CONFLICT DO NOTHING")) {
      p.setArray(1, Sql.texts(c, keys));
      p.executeUpdate();
      c.commit();
    } catch (SQLException e) {
      throw fail("remembering Oomnitza's sync keys", e);
    }
  }

  /** Those of {@code keys} that {@link #markTargetKeys} recorded in this session. */
  public Set<String> targetKeys(Collection<String> keys) {
    Set<String> out = new LinkedHashSet<>();
    if (keys.isEmpty()) {
      return out;
    }
    try (PreparedStatement p = c.prepareStatement("SELECT sync_key FROM brexsync_target_key WHERE sync_key = ANY(?)")) {
      p.setArray(1, Sql.texts(c, keys));
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          out.add(r.getString(1));
        }
      }
      c.commit();
      return out;
    } catch (SQLException e) {
      throw fail("reading Oomnitza's sync keys", e);
    }
  }

  @Override
  public void put(String sourceId, RecordState state) {
    if (readOnly) {
      return;
    }
    pending.remove(sourceId);
    pending.put(sourceId, state);
    if (pending.size() >= MAX_PENDING) {
      flush();
    }
  }

  @Override
  public void remove(String sourceId) {
    if (readOnly) {
      return;
    }
    pending.remove(sourceId);
    pending.put(sourceId, null);
    if (pending.size() >= MAX_PENDING) {
      flush();
    }
  }

  @Override
  public void flush() {
    if (readOnly || pending.isEmpty()) {
      return;
    }
    try {
      writePending();
      c.commit();
      pending.clear();
    } catch (SQLException e) {
      Sql.rollbackQuietly(c);
      throw fail("saving the state", e);
    }
  }

  /** Upserts and deletes the pending writes in this transaction (two batched statements). */
  private void writePending() throws SQLException {
    List<String> deletes = new ArrayList<>();
    try (PreparedStatement up = c.prepareStatement("INSERT INTO brexsync_record "
        + "(integration_id, source_id, fingerprint, sync_key, target_id) VALUES (?, ?, ?, ?, ?) "
        + "ON CONFLICT (integration_id, source_id) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, "
        + "sync_key = EXCLUDED.sync_key, target_id = EXCLUDED.target_id")) {
      int batched = 0;
      for (Map.Entry<String, RecordState> e : pending.entrySet()) {
        RecordState s = e.getValue();
        if (s == null) {
          deletes.add(e.getKey());
          continue;
        }
        up.setLong(1, id);
        up.setString(2, e.getKey());
        up.setString(3, s.fingerprint());
        up.setString(4, s.syncKey());
        up.setString(5, s.targetId().orElse(null));
        up.addBatch();
        batched++;
      }
      if (batched > 0) {
        up.executeBatch();
      }
    }
    if (!deletes.isEmpty()) {
      try (PreparedStatement del = c.prepareStatement(
          "DELETE FROM brexsync_record WHERE integration_id = ? AND source_id = ANY(?)")) {
        del.setLong(1, id);
        del.setArray(2, Sql.texts(c, deletes));
        del.executeUpdate();
      }
    }
  }

  @Override
  public void forEach(BiConsumer<String, RecordState> visitor) {
    stream(false, visitor);
  }

  @Override
  public void forEachUnseen(BiConsumer<String, RecordState> visitor) {
    stream(true, visitor);
  }

  /**
   * Keyset pages ordered by source id: each page is one short query, so the visitor may flush (commit)
   * between records and memory holds one page.
   */
  private void stream(boolean unseenOnly, BiConsumer<String, RecordState> visitor) {
    if (id < 0) {
      return;
    }
    String sql = "SELECT r.source_id, r.fingerprint, r.sync_key, r.target_id FROM brexsync_record r "
        + "WHERE r.integration_id = ? AND r.source_id > ? "
        + (unseenOnly ? "AND NOT EXISTS (SELECT 1 FROM brexsync_seen s WHERE s.source_id = r.source_id) " : "")
        + "ORDER BY r.source_id LIMIT " + PAGE;
    String after = "";
    // Bounded: every page moves `after` forward past at least one id, and ids are finite.
    while (true) {
      List<Map.Entry<String, RecordState>> page = new ArrayList<>(PAGE);
      try (PreparedStatement p = c.prepareStatement(sql)) {
        p.setLong(1, id);
        p.setString(2, after);
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            page.add(Map.entry(r.getString(1), state(r)));
          }
        }
        c.commit();
      } catch (SQLException e) {
        throw fail("reading the state", e);
      }
      for (Map.Entry<String, RecordState> e : page) {
        visitor.accept(e.getKey(), e.getValue());
      }
      if (page.size() < PAGE) {
        return;
      }
      after = page.get(page.size() - 1).getKey();
    }
  }

  @Override
  public void commit(Instant runStart) {
    if (readOnly) {
      return;
    }
    try {
      writePending();
      try (PreparedStatement p = c.prepareStatement("UPDATE brexsync_integration SET last_success = ? WHERE id = ?")) {
        // PostgreSQL keeps microseconds and would round: truncate, so the stored start is never later than the run's.
        p.setTimestamp(1, Timestamp.from(runStart.truncatedTo(java.time.temporal.ChronoUnit.MICROS)));
        p.setLong(2, id);
        p.executeUpdate();
      }
      c.commit();
      pending.clear();
    } catch (SQLException e) {
      Sql.rollbackQuietly(c);
      throw fail("committing the run", e);
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    closeQuietly(c, !readOnly);
  }

  /** Drops the run marks, releases the lock and returns the connection (quietly: a dead connection took both along). */
  private static void closeQuietly(Connection c, boolean unlock) {
    try {
      Sql.rollbackQuietly(c);
      try (Statement s = c.createStatement()) {
        s.execute("DROP TABLE IF EXISTS pg_temp.brexsync_seen, pg_temp.brexsync_claim, pg_temp.brexsync_target_key");
        if (unlock) {
          s.execute("SELECT pg_advisory_unlock_all()");
        }
      }
      c.commit();
    } catch (SQLException | RuntimeException ignored) {
      // the connection is gone: the server dropped the temporary tables and the lock with it
    } finally {
      try {
        c.close();
      } catch (SQLException ignored) {
        // nothing left to release
      }
    }
  }

  private DatabaseException fail(String what, SQLException e) {
    return Sql.error(what + " of integration '" + integration + "'", e);
  }

  private static RecordState state(ResultSet r) throws SQLException {
    return RecordState.of(r.getString(2), r.getString(3), Optional.ofNullable(r.getString(4)));
  }

  @Override
  public String toString() {
    return "PgSession{" + integration + (readOnly ? ", read-only" : "") + "}";
  }
}
