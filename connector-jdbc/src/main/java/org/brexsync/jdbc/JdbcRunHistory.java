package org.brexsync.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.brexsync.connector.port.RunHistory;
import org.brexsync.connector.port.RunRecord;
import org.brexsync.jdbc.internal.Sql;

/**
 * The run history of every worker in table {@code brexsync_run} (the {@link RunHistory} port): one row
 * per run, inserted when it starts and updated when it ends, in one statement each. Starting a run marks
 * the integration's earlier runs still {@code RUNNING} as {@code ABANDONED} in the same transaction
 * (their worker died: the scheduler runs an integration at most once at a time). Listing is one
 * indexed query with a limit. Thread-safe.
 */
public final class JdbcRunHistory implements RunHistory {
  private static final String COLUMNS = "run_id, integration, kind, worker, started_at, finished_at, status, created, "
      + "updated, unchanged, skipped, failed, deprovisioned, reason";

  private final DataSource dataSource;

  private JdbcRunHistory(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Creates a run history; it holds no connection, each call takes one from the data source.
   *
   * @param dataSource the database, whose schema is at {@link BrexsyncSchema#CURRENT_VERSION}
   *     ({@link BrexsyncDatabase} checks or migrates it; this does not)
   * @return the history of every integration and worker in that database
   */
  public static JdbcRunHistory create(DataSource dataSource) {
    return new JdbcRunHistory(Objects.requireNonNull(dataSource, "dataSource"));
  }

  @Override
  public void record(RunRecord run) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        if (run.status() == RunRecord.Status.RUNNING) {
          try (PreparedStatement p = c.prepareStatement("UPDATE brexsync_run SET status = 'ABANDONED', finished_at = ?, "
              + "reason = ? WHERE integration = ? AND status = 'RUNNING' AND run_id <> ?")) {
            p.setTimestamp(1, ts(run.startedAt()));
            p.setString(2, "its worker stopped before the run ended; run " + run.runId() + " (" + run.worker()
                + ") took over");
            p.setString(3, run.integration());
            p.setString(4, run.runId());
            p.executeUpdate();
          }
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO brexsync_run (" + COLUMNS + ") "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (run_id) DO UPDATE SET "
            + "finished_at = EXCLUDED.finished_at, status = EXCLUDED.status, created = EXCLUDED.created, "
            + "updated = EXCLUDED.updated, unchanged = EXCLUDED.unchanged, skipped = EXCLUDED.skipped, "
            + "failed = EXCLUDED.failed, deprovisioned = EXCLUDED.deprovisioned, reason = EXCLUDED.reason")) {
          p.setString(1, run.runId());
          p.setString(2, run.integration());
          p.setString(3, run.kind().name());
          p.setString(4, run.worker());
          p.setTimestamp(5, ts(run.startedAt()));
          p.setTimestamp(6, run.finishedAt().map(JdbcRunHistory::ts).orElse(null));
          p.setString(7, run.status().name());
          p.setLong(8, run.created());
          p.setLong(9, run.updated());
          p.setLong(10, run.unchanged());
          p.setLong(11, run.skipped());
          p.setLong(12, run.failed());
          p.setLong(13, run.deprovisioned());
          p.setString(14, run.reason().orElse(null));
          p.executeUpdate();
        }
        c.commit();
      } catch (SQLException e) {
        Sql.rollbackQuietly(c);
        throw e;
      }
    } catch (SQLException e) {
      throw Sql.error("recording run " + run.runId() + " of '" + run.integration() + "'", e);
    }
  }

  @Override
  public List<RunRecord> recent(Optional<String> integration, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1");
    }
    String sql = "SELECT " + COLUMNS + " FROM brexsync_run " + (integration.isPresent() ? "WHERE integration = ? " : "")
        + "ORDER BY started_at DESC, run_id LIMIT ?";
    try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
      int i = 1;
      if (integration.isPresent()) {
        p.setString(i++, integration.get());
      }
      p.setInt(i, limit);
      List<RunRecord> out = new ArrayList<>();
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          out.add(read(r));
        }
      }
      return out;
    } catch (SQLException e) {
      throw Sql.error("reading the run history", e);
    }
  }

  /** PostgreSQL keeps microseconds and would round; truncating keeps every recorded time in order. */
  private static Timestamp ts(Instant t) {
    return Timestamp.from(t.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
  }

  private static RunRecord read(ResultSet r) throws SQLException {
    return RunRecord.builder()
        .runId(r.getString(1))
        .integration(r.getString(2))
        .kind(RunRecord.Kind.valueOf(r.getString(3)))
        .worker(r.getString(4))
        .startedAt(r.getTimestamp(5).toInstant())
        .finishedAt(Optional.ofNullable(r.getTimestamp(6)).map(Timestamp::toInstant))
        .status(RunRecord.Status.valueOf(r.getString(7)))
        .created(r.getLong(8))
        .updated(r.getLong(9))
        .unchanged(r.getLong(10))
        .skipped(r.getLong(11))
        .failed(r.getLong(12))
        .deprovisioned(r.getLong(13))
        .reason(Optional.ofNullable(r.getString(14)))
        .build();
  }

  /** One query ({@code DISTINCT ON}, on the index by integration and start) for all of them. */
  @Override
  public java.util.Map<String, RunRecord> latest(java.util.Collection<String> integrations) {
    java.util.Map<String, RunRecord> out = new java.util.LinkedHashMap<>();
    if (integrations.isEmpty()) {
      return out;
    }
    try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement("SELECT DISTINCT ON (integration) "
        + COLUMNS + " FROM brexsync_run WHERE integration = ANY(?) ORDER BY integration, started_at DESC, run_id")) {
      p.setArray(1, Sql.texts(c, integrations));
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          RunRecord run = read(r);
          out.put(run.integration(), run);
        }
      }
      return out;
    } catch (SQLException e) {
      throw Sql.error("reading the run history", e);
    }
  }

  /**
   * Deletes the runs that ended before a time (running runs are kept), in slices of 10,000 rows so a
   * large backlog never holds one long transaction.
   *
   * @param before the cut-off: a run that finished earlier is deleted
   * @return how many runs were deleted
   * @throws DatabaseException when the database fails (the slices deleted before stay deleted)
   */
  public long deleteEndedBefore(Instant before) {
    long deleted = 0;
    try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(
        "DELETE FROM brexsync_run WHERE run_id IN (SELECT run_id FROM brexsync_run WHERE finished_at < ? LIMIT 10000)")) {
      p.setTimestamp(1, ts(before));
      // Bounded: each slice deletes rows for good, and a slice smaller than 10,000 is the last.
      for (int n = p.executeUpdate(); ; n = p.executeUpdate()) {
        deleted += n;
        if (n < 10_000) {
          return deleted;
        }
      }
    } catch (SQLException e) {
      throw Sql.error("deleting old runs from the history", e);
    }
  }

  /**
   * Reads the runs that started since a time, for checks and reports.
   *
   * @param since the earliest start to include
   * @param limit the most runs to return
   * @return the runs that started at or after {@code since}, oldest first, at most {@code limit}
   * @throws DatabaseException when the database fails
   */
  public List<RunRecord> since(Instant since, int limit) {
    try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(
        "SELECT " + COLUMNS + " FROM brexsync_run WHERE started_at >= ? ORDER BY started_at, run_id LIMIT ?")) {
      p.setTimestamp(1, ts(since));
      p.setInt(2, limit);
      List<RunRecord> out = new ArrayList<>();
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          out.add(read(r));
        }
      }
      return out;
    } catch (SQLException e) {
      throw Sql.error("reading the run history", e);
    }
  }

  @Override
  public String toString() {
    return "JdbcRunHistory";
  }
}
