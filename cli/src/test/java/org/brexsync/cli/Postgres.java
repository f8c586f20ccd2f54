package org.brexsync.cli;

import java.util.HashMap;
import java.util.Map;
import org.brexsync.jdbc.TestPostgres;

/** What 'brexsync serve' needs to use a {@link TestPostgres} schema. */
final class Postgres {
  private Postgres() {}

  /** The variables of 'brexsync serve' for {@code pg}'s schema. */
  static Map<String, String> env(TestPostgres pg) {
    Map<String, String> env = new HashMap<>();
    env.put("BREXSYNC_DATABASE_URL", pg.url);
    env.put("BREXSYNC_DATABASE_USER", pg.user);
    env.put("BREXSYNC_DATABASE_PASSWORD", pg.password);
    env.put("BREXSYNC_DATABASE_SCHEMA", pg.schema);
    return env;
  }
}
