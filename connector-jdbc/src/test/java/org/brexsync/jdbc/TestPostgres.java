package org.brexsync.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server of the tests, for connector-jdbc's, cli's and the starter's (this module's
 * test jar): {@code BREXSYNC_TEST_DATABASE_URL} (+ {@code _USER}, {@code _PASSWORD}), as {@code .ci/run}
 * sets them. Without it every test that needs it is reported SKIPPED with the reason (never passed).
 * Each {@link #create()} is a fresh PostgreSQL schema, dropped by {@link #close()}, so tests never see
 * each other's rows.
 */
public final class TestPostgres implements AutoCloseable {
  /** The variable that names the server. */
  public static final String URL_VARIABLE = "BREXSYNC_TEST_DATABASE_URL";
  private static final java.util.concurrent.atomic.AtomicBoolean SAID = new java.util.concurrent.atomic.AtomicBoolean();

  /** The server's JDBC URL. */
  public final String url;
  /** The test user. */
  public final String user;
  /** The test user's password. */
  public final String password;
  /** This instance's schema. */
  public final String schema;

  private TestPostgres(String url) {
    this.url = url;
    this.user = user();
    this.password = password();
    this.schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
    exec(url, "CREATE SCHEMA " + schema);
  }

  /** {@return a fresh schema, or the test is skipped (with the reason)} */
  public static TestPostgres create() {
    return new TestPostgres(requireUrl());
  }

  /** {@return the server's URL, or the test is skipped (with the reason)} */
  public static String requireUrl() {
    Optional<String> url = Optional.ofNullable(System.getenv(URL_VARIABLE)).filter(s -> !s.isBlank());
    String reason = "no PostgreSQL for the tests: " + URL_VARIABLE
        + " is not set (.ci/run starts one and sets it; see connector-jdbc/README.md)";
    if (url.isEmpty() && !SAID.getAndSet(true)) {
      System.err.println("[WARNING] PostgreSQL tests SKIPPED: " + reason); // the reason on the console, once
    }
    Assumptions.assumeTrue(url.isPresent(), reason);
    return url.get();
  }

  /** {@return the test user} */
  public static String user() {
    return Optional.ofNullable(System.getenv("BREXSYNC_TEST_DATABASE_USER")).orElse("postgres");
  }

  /** {@return the test user's password} */
  public static String password() {
    return Optional.ofNullable(System.getenv("BREXSYNC_TEST_DATABASE_PASSWORD")).orElse("");
  }

  /**
   * {@return a connection as the test user, its search path on this schema}
   *
   * @throws SQLException when the server refuses it
   */
  public Connection connect() throws SQLException {
    Connection c = DriverManager.getConnection(url, user, password);
    try (Statement s = c.createStatement()) {
      s.execute("SET search_path TO " + schema);
    }
    return c;
  }

  /**
   * Runs statements in this schema.
   *
   * @param sql the statements
   */
  public void exec(String sql) {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * {@return the first column of the first row of {@code sql}, in this schema}
   *
   * @param sql the query
   */
  public long number(String sql) {
    try (Connection c = connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Runs statements on the server as the test user, outside any test schema.
   *
   * @param url the server
   * @param statements the statements
   */
  public static void exec(String url, String statements) {
    try (Connection c = DriverManager.getConnection(url, user(), password()); Statement s = c.createStatement()) {
      s.execute(statements);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    exec(url, "DROP SCHEMA " + schema + " CASCADE");
  }

  /**
   * Polls {@code done} until it holds or {@code timeout} passes (then fails naming {@code what}).
   *
   * @param what what is awaited, for the failure
   * @param timeout how long at the most
   * @param done the condition
   */
  public static void await(String what, Duration timeout, BooleanSupplier done) {
    Instant deadline = Instant.now().plus(timeout);
    Object lock = new Object();
    while (!done.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("timed out after " + timeout + " waiting for " + what);
      }
      synchronized (lock) {
        try {
          lock.wait(50); // the poll interval on observable state, not a wait for an outcome
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError("interrupted waiting for " + what);
        }
      }
    }
  }
}
