package org.brexsync.spring.boot.autoconfigure;

import org.brexsync.jdbc.TestPostgres;

/** What a Spring Boot application needs to use a {@link TestPostgres} schema. */
final class Postgres {
  private Postgres() {}

  /** Spring Boot's {@code spring.datasource.*} for {@code pg}'s schema (the first on the connections' search path). */
  static String[] datasourceProperties(TestPostgres pg) {
    return new String[] {
        "spring.datasource.url=" + pg.url + (pg.url.contains("?") ? "&" : "?") + "currentSchema=" + pg.schema,
        "spring.datasource.username=" + pg.user,
        "spring.datasource.password=" + pg.password,
        "spring.datasource.hikari.maximum-pool-size=6"};
  }
}
