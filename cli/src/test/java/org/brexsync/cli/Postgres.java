package org.brexsync.cli;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Assumptions;

/**
 * The tests' PostgreSQL ({@code BREXSYNC_TEST_DATABASE_URL}, {@code _USER}, {@code _PASSWORD}, as
 * {@code .ci/run} sets them), one fresh schema per use; without it the test is SKIPPED with the reason.
 */
final class Postgres implements AutoCloseable {
  private static final java.util.concurrent.atomic.AtomicBoolean SAID = new java.util.concurrent.atomic.AtomicBoolean();
  final String url = Optional.ofNullable(System.getenv("BREXSYNC_TEST_DATABASE_URL")).orElse("");
  final String user = Optional.ofNullable(System.getenv("BREXSYNC_TEST_DATABASE_USER")).orElse("postgres");
  final String password = Optional.ofNullable(System.getenv("BREXSYNC_TEST_DATABASE_PASSWORD")).orElse("");
  final String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);

  private Postgres() {
    exec("CREATE SCHEMA " + schema);
  }

  static Postgres create() {
    String url = System.getenv("BREXSYNC_TEST_DATABASE_URL");
    String reason = "no PostgreSQL for the tests: BREXSYNC_TEST_DATABASE_URL is not set (.ci/run starts one and sets it; "
        + "see connector-jdbc/README.md)";
    boolean present = url != null && !url.isBlank();
    if (!present && !SAID.getAndSet(true)) {
      System.err.println("[WARNING] PostgreSQL tests SKIPPED: " + reason); // the reason on the console, once
    }
    Assumptions.assumeTrue(present, reason);
    return new Postgres();
  }

  /** The variables of 'brexsync serve' for this schema. */
  Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("BREXSYNC_DATABASE_URL", url);
    env.put("BREXSYNC_DATABASE_USER", user);
    env.put("BREXSYNC_DATABASE_PASSWORD", password);
    env.put("BREXSYNC_DATABASE_SCHEMA", schema);
    return env;
  }

  void exec(String sql) {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The first column of the first row. */
  long number(String sql) {
    try (Connection c = connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  Connection connect() throws SQLException {
    Connection c = DriverManager.getConnection(url, user, password);
    try (Statement s = c.createStatement()) {
      s.execute("SET search_path TO " + schema);
    }
    return c;
  }

  @Override
  public void close() {
    exec("DROP SCHEMA " + schema + " CASCADE");
  }

  /** Polls {@code done} until it holds or {@code timeout} passes (then fails naming {@code what}). */
  static void await(String what, Duration timeout, BooleanSupplier done) {
    Instant deadline = Instant.now().plus(timeout);
    Object lock = new Object();
    while (!done.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("timed out after " + timeout + " waiting for " + what);
      }
      synchronized (lock) {
        try {
          lock.wait(50); // the poll interval on observable state
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError("interrupted waiting for " + what);
        }
      }
    }
  }
}
