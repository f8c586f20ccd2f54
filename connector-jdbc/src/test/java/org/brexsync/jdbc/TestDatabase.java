package org.brexsync.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server of the tests: {@code BREXSYNC_TEST_DATABASE_URL} (+ {@code _USER},
 * {@code _PASSWORD}), as {@code .ci/run} sets them. Without it every test that needs it is reported
 * SKIPPED with the reason (never passed). Each {@link #create()} is a fresh PostgreSQL schema, dropped by
 * {@link #close()}, so tests never see each other's rows.
 */
final class TestDatabase implements AutoCloseable {
  static final String URL_VARIABLE = "BREXSYNC_TEST_DATABASE_URL";
  private static final java.util.concurrent.atomic.AtomicBoolean SAID = new java.util.concurrent.atomic.AtomicBoolean();

  final String url;
  final String user;
  final String password;
  final String schema;
  final BrexsyncDatabase db;

  private TestDatabase(String url, String user, String password, String schema, BrexsyncDatabase db) {
    this.url = url;
    this.user = user;
    this.password = password;
    this.schema = schema;
    this.db = db;
  }

  /** The server's URL, or the test is skipped (with the reason). */
  static String requireUrl() {
    Optional<String> url = Optional.ofNullable(System.getenv(URL_VARIABLE)).filter(s -> !s.isBlank());
    String reason = "no PostgreSQL for the tests: " + URL_VARIABLE
        + " is not set (.ci/run starts one and sets it; see connector-jdbc/README.md)";
    if (url.isEmpty() && !SAID.getAndSet(true)) {
      System.err.println("[WARNING] PostgreSQL tests SKIPPED: " + reason); // the reason on the console, once
    }
    Assumptions.assumeTrue(url.isPresent(), reason);
    return url.get();
  }

  static String user() {
    return Optional.ofNullable(System.getenv("BREXSYNC_TEST_DATABASE_USER")).orElse("postgres");
  }

  static String password() {
    return Optional.ofNullable(System.getenv("BREXSYNC_TEST_DATABASE_PASSWORD")).orElse("");
  }

  /** A fresh schema with brexsync's tables (migrated), or the test is skipped. */
  static TestDatabase create() {
    return create(true);
  }

  /** A fresh, empty schema; {@code migrate} decides whether the tables are created. */
  static TestDatabase create(boolean migrate) {
    String url = requireUrl();
    String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
    exec(url, "CREATE SCHEMA " + schema);
    BrexsyncDatabase db = migrate ? database(url, schema, true) : null;
    return new TestDatabase(url, user(), password(), schema, db);
  }

  static BrexsyncDatabase database(String url, String schema, boolean migrate) {
    return BrexsyncDatabase.builder().url(url).user(user()).password(password()).schema(schema).poolSize(6)
        .migrate(migrate).applicationName("brexsync-test-" + schema).build();
  }

  /** Runs statements as the test user, with the search path on this schema. */
  void sql(String statements) {
    exec(url, "SET search_path TO " + schema + "; " + statements);
  }

  static void exec(String url, String statements) {
    try (Connection c = DriverManager.getConnection(url, user(), password()); Statement s = c.createStatement()) {
      s.execute(statements);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Ends the server side of every connection of this test's pool: the database "goes away" for them. */
  int terminateConnections() {
    try (Connection c = DriverManager.getConnection(url, user(), password()); Statement s = c.createStatement();
        var r = s.executeQuery("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            + "WHERE application_name = 'brexsync-test-" + schema + "'")) {
      r.next();
      return r.getInt(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    if (db != null) {
      db.close();
    }
    exec(url, "DROP SCHEMA " + schema + " CASCADE");
  }
}
