package org.brexsync.spring.boot.autoconfigure;

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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Assumptions;

/**
 * The tests' PostgreSQL, as connector-jdbc's and cli's tests use it: {@code BREXSYNC_TEST_DATABASE_URL}
 * (+ {@code _USER}, {@code _PASSWORD}), which {@code .ci/run} sets; without it the test is SKIPPED with
 * the reason, never passed. Each instance is a fresh PostgreSQL schema, dropped by {@link #close()}.
 */
final class Postgres implements AutoCloseable {
  private static final AtomicBoolean SAID = new AtomicBoolean();
  final String url = Optional.ofNullable(System.getenv("BREXSYNC_TEST_DATABASE_URL")).orElse("");
  final String user = Optional.ofNullable(System.getenv("BREXSYNC_TEST_DATABASE_USER")).orElse("postgres");
  final String password = Optional.ofNullable(System.getenv("BREXSYNC_TEST_DATABASE_PASSWORD")).orElse("");
  final String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);

  private Postgres() {
    exec("CREATE SCHEMA " + schema);
  }

  /** A fresh schema, or the test is skipped (with the reason). */
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

  /** Spring Boot's {@code spring.datasource.*} for this schema (the first on the connections' search path). */
  String[] datasourceProperties() {
    return new String[] {
        "spring.datasource.url=" + url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
        "spring.datasource.username=" + user,
        "spring.datasource.password=" + password,
        "spring.datasource.hikari.maximum-pool-size=6"};
  }

  void exec(String sql) {
    try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The first column of the first row, in this schema. */
  long number(String sql) {
    try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
      s.execute("SET search_path TO " + schema);
      try (ResultSet r = s.executeQuery(sql)) {
        r.next();
        return r.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
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
          lock.wait(50); // the poll interval on observable state, not a wait for an outcome
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError("interrupted waiting for " + what);
        }
      }
    }
  }
}
