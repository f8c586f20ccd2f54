package org.brexsync.cli.internal;

import java.util.Locale;
import java.util.Optional;
import org.brexsync.cli.ConfigurationException;
import org.brexsync.jdbc.BrexsyncDatabase;

/**
 * The database of {@code serve} and {@code runs list}, from the environment: {@value #URL} (its
 * presence switches from the embedded mode to PostgreSQL), {@value #USER}, {@value #PASSWORD},
 * {@value #SCHEMA} and {@value #MIGRATE}. The password is never printed.
 */
public final class Database {
  /** The JDBC URL, e.g. {@code jdbc:postgresql://db.internal:5432/brexsync}. */
  public static final String URL = "BREXSYNC_DATABASE_URL";
  /** The database user. */
  public static final String USER = "BREXSYNC_DATABASE_USER";
  /** The user's password. */
  public static final String PASSWORD = "BREXSYNC_DATABASE_PASSWORD";
  /** The PostgreSQL schema of the brexsync tables (default: the user's search path). */
  public static final String SCHEMA = "BREXSYNC_DATABASE_SCHEMA";
  /** Whether to apply the schema migrations (default true); false only checks the version. */
  public static final String MIGRATE = "BREXSYNC_DATABASE_MIGRATE";

  private Database() {}

  /** Whether a database is configured. */
  public static boolean configured(CliContext ctx) {
    return ctx.isSet(URL);
  }

  /** Opens the configured database ({@code migrate} only when asked and allowed). */
  public static BrexsyncDatabase open(CliContext ctx, boolean migrate, int poolSize, String applicationName) {
    BrexsyncDatabase.Builder b = BrexsyncDatabase.builder().url(ctx.env().get(URL)).poolSize(poolSize)
        .applicationName(applicationName).migrate(migrate && flag(ctx, MIGRATE, true));
    get(ctx, USER).ifPresent(b::user);
    get(ctx, PASSWORD).ifPresent(b::password);
    get(ctx, SCHEMA).ifPresent(s -> {
      try {
        b.schema(s);
      } catch (IllegalArgumentException e) {
        throw new ConfigurationException(SCHEMA + ": " + e.getMessage());
      }
    });
    return b.build();
  }

  private static Optional<String> get(CliContext ctx, String name) {
    return Optional.ofNullable(ctx.env().get(name)).filter(s -> !s.isBlank());
  }

  private static boolean flag(CliContext ctx, String name, boolean dflt) {
    Optional<String> v = get(ctx, name).map(s -> s.trim().toLowerCase(Locale.ROOT));
    if (v.isEmpty()) {
      return dflt;
    }
    switch (v.get()) {
      case "true": case "1": return true;
      case "false": case "0": return false;
      default: throw new ConfigurationException(name + " must be true or false, got '" + v.get() + "'");
    }
  }
}
