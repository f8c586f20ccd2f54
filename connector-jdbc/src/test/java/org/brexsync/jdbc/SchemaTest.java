package org.brexsync.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Migrations, the plain DDL, version checks and connection errors, on a real PostgreSQL where needed. */
class SchemaTest {

  @Test
  void thePlainDdlIsTheMigrationsInOrder() throws IOException {
    Path dir = Path.of("src/main/resources/org/brexsync/jdbc/migration");
    List<Path> migrations;
    try (Stream<Path> files = Files.list(dir)) {
      migrations = files.sorted((a, b) -> Integer.compare(version(a), version(b))).collect(Collectors.toList());
    }
    assertThat(migrations).hasSize(BrexsyncSchema.CURRENT_VERSION);
    StringBuilder all = new StringBuilder();
    for (Path m : migrations) {
      all.append(Files.readString(m, StandardCharsets.UTF_8));
    }
    assertThat(BrexsyncSchema.ddl()).isEqualTo(all.toString());
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("org/brexsync/jdbc/migration/V1__brexsync_schema.sql")) {
      assertThat(in).as("migrations ship in the jar").isNotNull();
    }
  }

  private static int version(Path p) {
    String n = p.getFileName().toString();
    return Integer.parseInt(n.substring(1, n.indexOf("__")));
  }

  @Test
  void migrationsCreateTheSchemaOnceAndAnyNumberOfWorkersMayRunThem() {
    try (TestDatabase t = TestDatabase.create()) {
      assertThat(BrexsyncSchema.version(t.db.dataSource())).isEqualTo(BrexsyncSchema.CURRENT_VERSION);
      try (BrexsyncDatabase again = TestDatabase.database(t.url, t.schema, true)) {
        assertThat(BrexsyncSchema.version(again.dataSource())).isEqualTo(BrexsyncSchema.CURRENT_VERSION);
      }
      t.sql("SELECT count(*) FROM brexsync_flyway_history");
    }
  }

  @Test
  void aSchemaInstalledFromThePlainDdlIsVerifiedAndTakenOverByMigrations() {
    try (TestDatabase t = TestDatabase.create(false)) {
      assertThatThrownBy(() -> TestDatabase.database(t.url, t.schema, false))
          .isInstanceOf(SchemaVersionException.class).hasMessageContaining("has no brexsync schema")
          .hasMessageContaining(BrexsyncSchema.DDL_RESOURCE);
      t.sql(BrexsyncSchema.ddl());
      try (BrexsyncDatabase verified = TestDatabase.database(t.url, t.schema, false)) {
        assertThat(BrexsyncSchema.version(verified.dataSource())).isEqualTo(1);
      }
      try (BrexsyncDatabase migrated = TestDatabase.database(t.url, t.schema, true)) {
        migrated.stateStore().open("acme", false).close();
      }
    }
  }

  @Test
  void aSchemaFromANewerReleaseIsRefusedBeforeAnythingIsWritten() {
    try (TestDatabase t = TestDatabase.create()) {
      t.sql("UPDATE brexsync_schema_version SET version = " + (BrexsyncSchema.CURRENT_VERSION + 1));
      for (boolean migrate : new boolean[] {true, false}) {
        assertThatThrownBy(() -> TestDatabase.database(t.url, t.schema, migrate))
            .isInstanceOf(SchemaVersionException.class)
            .hasMessageContaining("version " + (BrexsyncSchema.CURRENT_VERSION + 1) + ", newer than version "
                + BrexsyncSchema.CURRENT_VERSION)
            .hasMessageContaining("Upgrade brexsync")
            .satisfies(e -> assertThat(((SchemaVersionException) e).found()).isEqualTo(BrexsyncSchema.CURRENT_VERSION + 1));
      }
    }
  }

  @Test
  void aUrlThatIsNotPostgresqlIsRefusedWithoutShowingCredentials() {
    assertThatThrownBy(() -> BrexsyncDatabase.builder().url("mysql://db/x?password=hunter2").build())
        .isInstanceOf(DatabaseException.class).hasMessageContaining("must be a PostgreSQL URL")
        .hasMessageNotContaining("hunter2");
    assertThatThrownBy(() -> BrexsyncDatabase.builder().url("postgresql://bob:hunter2@db/x").build())
        .isInstanceOf(DatabaseException.class).hasMessageContaining("BREXSYNC_DATABASE_PASSWORD")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void anUnreachableServerIsAClearErrorNamingTheUrlNotThePassword() {
    assertThatThrownBy(() -> BrexsyncDatabase.builder().url("jdbc:postgresql://127.0.0.1:1/brexsync?password=hunter2")
        .user("bob").password("hunter2").connectTimeout(java.time.Duration.ofSeconds(2)).build())
        .isInstanceOf(DatabaseException.class)
        .hasMessageStartingWith("cannot connect to the database jdbc:postgresql://127.0.0.1:1/brexsync?password=**** as bob")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void aServerThatStopsAnsweringFailsTheStatementAfterTheSocketTimeout() throws Exception {
    try (TestDatabase t = TestDatabase.create(); BrexsyncDatabase db = BrexsyncDatabase.builder().url(t.url)
        .user(TestDatabase.user()).password(TestDatabase.password()).schema(t.schema)
        .socketTimeout(java.time.Duration.ofSeconds(1)).build();
        java.sql.Connection c = db.dataSource().getConnection(); java.sql.Statement s = c.createStatement()) {
      // pg_sleep stands in for a server that went silent (a partition): no answer within the timeout.
      assertThatThrownBy(() -> s.execute("SELECT pg_sleep(5)")).isInstanceOf(java.sql.SQLException.class)
          .satisfies(e -> assertThat(((java.sql.SQLException) e).getSQLState()).startsWith("08"));
    }
  }

  @Test
  void wrongCredentialsAreAClearErrorWithoutThePassword() {
    String url = TestDatabase.requireUrl();
    assertThatThrownBy(() -> BrexsyncDatabase.builder().url(url).user(TestDatabase.user()).password("not-the-password-42")
        .build())
        .isInstanceOf(DatabaseException.class)
        .hasMessageContaining("cannot connect to the database")
        .hasMessageContaining("refused the credentials")
        .hasMessageNotContaining("not-the-password-42");
  }
}
