package org.brexsync.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.brexsync.jdbc.internal.Sql;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The brexsync tables, versioned. Two ways to install them, both giving the same tables:
 *
 * <ul>
 *   <li>{@link #migrate}: Flyway applies the migrations shipped in this jar
 *       ({@code org/brexsync/jdbc/migration/V<n>__*.sql}), recording them in its own history table
 *       {@value #FLYWAY_TABLE} (so it never mixes with an application's Flyway history). Safe to call
 *       from several workers at once: Flyway takes a database lock.
 *   <li>Plain DDL for teams that manage schemas themselves: {@link #ddl()} (the resource
 *       {@value #DDL_RESOURCE}, the migrations in order), applied with their own tool; then
 *       {@link #verify} checks it.
 * </ul>
 *
 * <p>Either way the table {@code brexsync_schema_version} says the version; a database whose version
 * is newer than {@link #CURRENT_VERSION} (written by a newer brexsync) is refused with a
 * {@link SchemaVersionException} before anything is read or written.
 */
public final class BrexsyncSchema {
  /** The schema version this release reads and writes. */
  public static final int CURRENT_VERSION = 1;
  /** Flyway's history table for brexsync's migrations. */
  public static final String FLYWAY_TABLE = "brexsync_flyway_history";
  /** The classpath folder of the migrations. */
  public static final String MIGRATIONS = "classpath:org/brexsync/jdbc/migration";
  /** The classpath resource of the plain DDL. */
  public static final String DDL_RESOURCE = "org/brexsync/jdbc/schema.sql";

  private BrexsyncSchema() {}

  /**
   * Reads the schema version of a database.
   *
   * @param dataSource the database; the version is read in the schema its connections' search path
   *     points at
   * @return the version of the brexsync schema there, 0 when there is none
   * @throws DatabaseException when the database cannot be asked
   */
  public static int version(DataSource dataSource) {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      if (!exists(c)) {
        return 0;
      }
      try (ResultSet r = s.executeQuery("SELECT max(version) FROM brexsync_schema_version")) {
        r.next();
        return r.getInt(1);
      }
    } catch (SQLException e) {
      throw Sql.error("reading the brexsync schema version", e);
    }
  }

  private static boolean exists(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT to_regclass('brexsync_schema_version') IS NOT NULL")) {
      r.next();
      return r.getBoolean(1);
    }
  }

  /**
   * Brings the schema to {@link #CURRENT_VERSION} with the migrations shipped in the jar (nothing to
   * do when it is there already). A schema installed by hand from {@link #ddl()} is taken over at its
   * version.
   *
   * @param dataSource the database to migrate; one of its connections holds a lock for the
   *     migration's length, so a pool needs one more connection than the migration itself
   * @param schema the PostgreSQL schema to create and use, or empty for the connection's own
   * @throws SchemaVersionException when the database's schema is newer than this release
   * @throws DatabaseException when a migration fails
   */
  public static void migrate(DataSource dataSource, Optional<String> schema) {
    Objects.requireNonNull(schema, "schema");
    int found = version(dataSource);
    refuseNewer(found);
    if (found == CURRENT_VERSION) {
      return;
    }
    // Workers that start together migrate one after the other: the first applies, the others find it done.
    try (Connection lock = dataSource.getConnection()) {
      try (Statement s = lock.createStatement()) {
        s.execute("SELECT pg_advisory_lock(" + MIGRATION_LOCK + ")");
      }
      try {
        found = version(dataSource);
        refuseNewer(found);
        if (found != CURRENT_VERSION) {
          flyway(dataSource, schema, found);
        }
      } finally {
        try (Statement s = lock.createStatement()) {
          s.execute("SELECT pg_advisory_unlock(" + MIGRATION_LOCK + ")");
        }
      }
    } catch (SQLException e) {
      throw Sql.error("locking the brexsync schema for its migration", e);
    }
    verify(dataSource);
  }

  /** brexsync's advisory lock around migrations ('brxs', 0). */
  private static final String MIGRATION_LOCK = "1651669107, 0";

  private static void flyway(DataSource dataSource, Optional<String> schema, int found) {
    try {
      var config = Flyway.configure(BrexsyncSchema.class.getClassLoader())
          .dataSource(dataSource)
          .locations(MIGRATIONS)
          .table(FLYWAY_TABLE)
          .baselineOnMigrate(found > 0)
          .baselineVersion(String.valueOf(Math.max(found, 1)))
          .cleanDisabled(true);
      schema.ifPresent(s -> config.schemas(s).defaultSchema(s).createSchemas(true));
      config.load().migrate();
    } catch (FlywayException e) {
      throw new DatabaseException("migrating the brexsync schema to version " + CURRENT_VERSION + " failed: "
          + e.getMessage(), e);
    }
  }

  /**
   * Checks that the schema is at {@link #CURRENT_VERSION} (for databases whose schema is managed by hand).
   *
   * @param dataSource the database to check; nothing is written
   * @throws SchemaVersionException when it is missing, older or newer
   */
  public static void verify(DataSource dataSource) {
    int found = version(dataSource);
    refuseNewer(found);
    if (found == 0) {
      throw new SchemaVersionException("the database has no brexsync schema: let brexsync create it (migrations are on "
          + "by default; BREXSYNC_DATABASE_MIGRATE=true) or apply " + DDL_RESOURCE + " from the connector-jdbc jar", 0);
    }
    if (found < CURRENT_VERSION) {
      throw new SchemaVersionException("the brexsync schema in the database is version " + found + ", older than "
          + CURRENT_VERSION + " which this brexsync needs: run the migrations (BREXSYNC_DATABASE_MIGRATE=true) or apply "
          + "the statements of " + DDL_RESOURCE + " after version " + found, found);
    }
  }

  private static void refuseNewer(int found) {
    if (found > CURRENT_VERSION) {
      throw new SchemaVersionException("the brexsync schema in the database is version " + found
          + ", newer than version " + CURRENT_VERSION + " which this brexsync knows: a newer brexsync migrated it. "
          + "Upgrade brexsync on this worker (every worker of a cluster runs the same release); nothing was read "
          + "or written", found);
    }
  }

  /**
   * {@return the plain DDL of the current schema (PostgreSQL statements, the migrations in order), for
   * teams that manage schemas themselves}
   *
   * @throws DatabaseException when the DDL cannot be read from connector-jdbc's jar (a broken
   *     installation)
   */
  public static String ddl() {
    try (InputStream in = BrexsyncSchema.class.getClassLoader().getResourceAsStream(DDL_RESOURCE)) {
      if (in == null) {
        throw new DatabaseException(DDL_RESOURCE + " is missing from the classpath (a broken connector-jdbc jar)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new DatabaseException("cannot read " + DDL_RESOURCE + " from connector-jdbc's jar: " + e.getMessage(), e);
    }
  }
}
