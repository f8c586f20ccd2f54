package org.brexsync.jdbc;

/**
 * A {@link TestPostgres} schema with brexsync's pool on it (migrated or not): connector-jdbc's tests.
 */
final class TestDatabase implements AutoCloseable {
  private final TestPostgres pg;
  final String url;
  final String user;
  final String password;
  final String schema;
  final BrexsyncDatabase db;

  private TestDatabase(TestPostgres pg, BrexsyncDatabase db) {
    this.pg = pg;
    this.url = pg.url;
    this.user = pg.user;
    this.password = pg.password;
    this.schema = pg.schema;
    this.db = db;
  }

  /** The server's URL, or the test is skipped (with the reason). */
  static String requireUrl() {
    return TestPostgres.requireUrl();
  }

  static String user() {
    return TestPostgres.user();
  }

  static String password() {
    return TestPostgres.password();
  }

  /** A fresh schema with brexsync's tables (migrated), or the test is skipped. */
  static TestDatabase create() {
    return create(true);
  }

  /** A fresh, empty schema; {@code migrate} decides whether the tables are created. */
  static TestDatabase create(boolean migrate) {
    TestPostgres pg = TestPostgres.create();
    return new TestDatabase(pg, migrate ? database(pg.url, pg.schema, true) : null);
  }

  static BrexsyncDatabase database(String url, String schema, boolean migrate) {
    return BrexsyncDatabase.builder().url(url).user(user()).password(password()).schema(schema).poolSize(6)
        .migrate(migrate).applicationName("brexsync-test-" + schema).build();
  }

  /** Runs statements as the test user, with the search path on this schema. */
  void sql(String statements) {
    pg.exec(statements);
  }

  /** Ends the server side of every connection of this test's pool: the database "goes away" for them. */
  int terminateConnections() {
    return (int) pg.number("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
        + "WHERE application_name = 'brexsync-test-" + schema + "'");
  }

  @Override
  public void close() {
    if (db != null) {
      db.close();
    }
    pg.close();
  }
}
