package org.brexsync.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.brexsync.connector.insight.ShipmentTracker;
import org.brexsync.connector.port.RunHistory;
import org.brexsync.connector.port.SyncStateStore;
import org.brexsync.jdbc.internal.Sql;

/**
 * One PostgreSQL database for brexsync: a connection pool (HikariCP), the schema checked (and by
 * default migrated) before first use, and the stores on it: {@link #stateStore()},
 * {@link #runHistory()}, {@link #shipmentTracker(String)}. Many integrations and workers share one
 * database: every integration is its own namespace.
 *
 * <pre>{@code
 * try (BrexsyncDatabase db = BrexsyncDatabase.builder()
 *     .url("jdbc:postgresql://db.internal:5432/brexsync").user("brexsync").password(System.getenv("PGPASSWORD"))
 *     .build()) {
 *   SyncEngine engine = SyncEngine.builder()...stateStore(db.stateStore()).build();
 * }
 * }</pre>
 *
 * <p>{@link Builder#build()} fails fast, with a {@link DatabaseException} that names the URL (never the password)
 * and the cause, when the URL is not a PostgreSQL JDBC URL, the server cannot be reached or refuses the
 * credentials, or the schema is newer than this release ({@link SchemaVersionException}).
 */
public final class BrexsyncDatabase implements AutoCloseable {
  private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)(password=)[^&]*");

  private final DataSource dataSource;
  private final Optional<HikariDataSource> owned;
  private final String description;
  private final PostgresStateStore stateStore;
  private final JdbcRunHistory runHistory;

  private BrexsyncDatabase(DataSource dataSource, Optional<HikariDataSource> owned, String description) {
    this.dataSource = dataSource;
    this.owned = owned;
    this.description = description;
    this.stateStore = PostgresStateStore.create(dataSource);
    this.runHistory = JdbcRunHistory.create(dataSource);
  }

  /** {@return a builder of a database connection: give it a URL (and credentials) or a data source} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the pool (or the data source given), for db-scheduler and a team's own queries} */
  public DataSource dataSource() {
    return dataSource;
  }

  /** {@return the store of the sync state of every integration, in this database} */
  public SyncStateStore stateStore() {
    return stateStore;
  }

  /** {@return the run history of every worker, in this database} */
  public RunHistory runHistory() {
    return runHistory;
  }

  /**
   * A shipment tracker kept in the database under {@code namespace}.
   *
   * @param namespace whose shipments these are, usually the integration's name: two namespaces never
   *     see each other's shipments
   * @return a tracker that reads and writes this database on every call (it holds no connection)
   */
  public ShipmentTracker shipmentTracker(String namespace) {
    return JdbcShipmentTracker.create(dataSource, namespace);
  }

  /** {@return the URL and user, for logs: never the password ({@code "a given DataSource"} for one)} */
  public String describe() {
    return description;
  }

  /** Closes the pool this object opened (a data source given to the builder is left open). */
  @Override
  public void close() {
    owned.ifPresent(HikariDataSource::close);
  }

  @Override
  public String toString() {
    return "BrexsyncDatabase{" + description + "}";
  }

  /**
   * Masks the password in a JDBC URL, for messages and logs.
   *
   * @param url a JDBC URL, which may hold a {@code password=} query parameter
   * @return {@code url} with the value of every {@code password=} parameter replaced by {@code ****}
   */
  public static String redact(String url) {
    return PASSWORD_PARAM.matcher(url).replaceAll("$1****");
  }

  /** Builds {@link BrexsyncDatabase}s. */
  public static final class Builder {
    private String url;
    private String user;
    private String password;
    private DataSource dataSource;
    private Optional<String> schema = Optional.empty();
    private int poolSize = 10;
    private boolean migrate = true;
    private String applicationName = "brexsync";
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration socketTimeout = Duration.ofMinutes(2);

    private Builder() {}

    /**
     * Sets the database to connect to (required unless a {@link #dataSource data source} is given).
     *
     * @param url the JDBC URL, {@code jdbc:postgresql://host:port/database} (a
     *     {@code postgresql://host/db} URL is accepted too and read the same); without a user or
     *     password in it ({@link #build()} rejects {@code user:password@host})
     * @return this builder
     */
    public Builder url(String url) {
      this.url = Objects.requireNonNull(url, "url").trim();
      return this;
    }

    /**
     * Sets the database user.
     *
     * @param user the role to log in as; {@code null} (the default) leaves it to the URL and the
     *     driver
     * @return this builder
     */
    public Builder user(String user) {
      this.user = user;
      return this;
    }

    /**
     * Sets the user's password, kept only by the pool and never printed.
     *
     * @param password the password; {@code null} (the default) sends none
     * @return this builder
     */
    public Builder password(String password) {
      this.password = password;
      return this;
    }

    /**
     * Uses a data source of the application's instead of a pool of brexsync's own; the URL, user,
     * password and pool settings are then ignored.
     *
     * @param dataSource the data source to use; it stays the caller's: {@link BrexsyncDatabase#close()}
     *     does not close it
     * @return this builder
     */
    public Builder dataSource(DataSource dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
      return this;
    }

    /**
     * Sets the PostgreSQL schema of the brexsync tables (default: the user's search path, usually
     * {@code public}).
     *
     * @param schema a plain SQL identifier (letters, digits and {@code _}, at most 63 characters)
     * @return this builder
     * @throws IllegalArgumentException when {@code schema} is not a plain identifier
     */
    public Builder schema(String schema) {
      if (!schema.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
        throw new IllegalArgumentException("schema must be a plain identifier, got '" + schema + "'");
      }
      this.schema = Optional.of(schema);
      return this;
    }

    /**
     * Sets the size of the pool (default 10): a worker needs one connection per concurrent run plus
     * the scheduler's few.
     *
     * @param size the most connections the pool opens, at least 2
     * @return this builder
     * @throws IllegalArgumentException when {@code size} is less than 2
     */
    public Builder poolSize(int size) {
      if (size < 2) {
        throw new IllegalArgumentException("poolSize must be at least 2");
      }
      this.poolSize = size;
      return this;
    }

    /**
     * Chooses whether {@link #build()} migrates the schema.
     *
     * @param migrate true (the default) to apply the schema migrations this release needs; false only
     *     checks the schema's version, for a database whose schema a DBA migrates
     * @return this builder
     */
    public Builder migrate(boolean migrate) {
      this.migrate = migrate;
      return this;
    }

    /**
     * Names the connections to the server.
     *
     * @param name what {@code pg_stat_activity.application_name} shows for them (default
     *     {@code brexsync})
     * @return this builder
     */
    public Builder applicationName(String name) {
      this.applicationName = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * Sets how long to wait for a connection, from the pool or from the server (default 10 s).
     *
     * @param timeout the longest wait, at least 250 ms (the driver's connect timeout counts whole
     *     seconds, at least 1)
     * @return this builder
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /**
     * How long one statement may wait for the server's answer (default 2 minutes): a database that
     * vanishes without closing the connection (a network partition) fails the run then instead of
     * holding it. brexsync's statements are short (a page, a batch); an idle connection is not affected.
     *
     * @param timeout the longest wait for an answer, counted in whole seconds (at least 1)
     * @return this builder
     */
    public Builder socketTimeout(Duration timeout) {
      this.socketTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /**
     * Connects, checks (or migrates) the schema.
     *
     * @return the database, ready to use; close it to close the pool it opened
     * @throws DatabaseException when the URL is bad, the server unreachable or the credentials refused
     * @throws SchemaVersionException when the schema is newer than this release, or absent without migration
     */
    public BrexsyncDatabase build() {
      if (dataSource != null) {
        prepare(dataSource);
        return new BrexsyncDatabase(dataSource, Optional.empty(), "a given DataSource");
      }
      Objects.requireNonNull(url, "url is required (or a dataSource)");
      String jdbcUrl = jdbcUrl(url);
      String shown = redact(jdbcUrl) + (user == null ? "" : " as " + user);
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(jdbcUrl);
      config.setUsername(user);
      config.setPassword(password);
      config.setMaximumPoolSize(poolSize);
      config.setMinimumIdle(Math.min(2, poolSize));
      config.setPoolName("brexsync-db");
      config.setConnectionTimeout(Math.max(250, connectTimeout.toMillis()));
      config.setInitializationFailTimeout(1);
      config.addDataSourceProperty("ApplicationName", applicationName);
      config.addDataSourceProperty("reWriteBatchedInserts", "true");
      config.addDataSourceProperty("connectTimeout", String.valueOf(Math.max(1, connectTimeout.toSeconds())));
      // A run's connection is held for its whole run; keepalives find a dead server without waiting for a query.
      config.addDataSourceProperty("tcpKeepAlive", "true");
      config.addDataSourceProperty("socketTimeout", String.valueOf(Math.max(1, socketTimeout.toSeconds())));
      // The server's side: a worker whose machine vanished (no FIN, no RST) is dropped within about a
      // minute, and with it the advisory lock of the run it held, instead of after the OS default of hours.
      config.setConnectionInitSql("SET tcp_keepalives_idle = 30; SET tcp_keepalives_interval = 10; "
          + "SET tcp_keepalives_count = 3");
      schema.ifPresent(config::setSchema);
      HikariDataSource pool;
      try {
        pool = new HikariDataSource(config);
      } catch (HikariPool.PoolInitializationException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String why = cause instanceof SQLException
            ? Sql.error("connecting", (SQLException) cause).getMessage().replaceFirst("^connecting: ", "")
            : cause.getMessage();
        throw new DatabaseException("cannot connect to the database " + shown + ": " + why, null);
      } catch (RuntimeException e) {
        throw new DatabaseException("bad database configuration for " + shown + ": " + e.getMessage(), null);
      }
      try {
        prepare(pool);
      } catch (RuntimeException e) {
        pool.close();
        throw e;
      }
      return new BrexsyncDatabase(pool, Optional.of(pool), shown);
    }

    private void prepare(DataSource ds) {
      if (migrate) {
        BrexsyncSchema.migrate(ds, schema);
      } else {
        BrexsyncSchema.verify(ds);
      }
    }

    /** A PostgreSQL JDBC URL from {@code jdbc:postgresql:} or {@code postgresql:}/{@code postgres:} forms. */
    static String jdbcUrl(String url) {
      String lower = url.toLowerCase(Locale.ROOT);
      String jdbc;
      if (lower.startsWith("jdbc:postgresql:")) {
        jdbc = url;
      } else if (lower.startsWith("postgresql://") || lower.startsWith("postgres://")) {
        jdbc = "jdbc:postgresql://" + url.substring(url.indexOf("://") + 3);
      } else {
        throw new DatabaseException("the database URL must be a PostgreSQL URL (jdbc:postgresql://host:port/database), got '"
            + shownUrl(url) + "'");
      }
      String rest = jdbc.substring("jdbc:postgresql:".length());
      int at = rest.indexOf('@');
      int slash = rest.indexOf('/', rest.startsWith("//") ? 2 : 0);
      if (at >= 0 && (slash < 0 || at < slash)) {
        throw new DatabaseException("the database URL must not hold a user or password ('user:password@host'): "
            + "give them as BREXSYNC_DATABASE_USER and BREXSYNC_DATABASE_PASSWORD; got '" + shownUrl(url) + "'");
      }
      return jdbc;
    }

    /** A URL for a message: user info and query masked. */
    private static String shownUrl(String url) {
      String v = redact(url);
      int q = v.indexOf('?');
      if (q >= 0) {
        v = v.substring(0, q) + "?****";
      }
      int start = v.indexOf("//");
      int at = v.lastIndexOf('@');
      if (start >= 0 && at > start) {
        v = v.substring(0, start + 2) + "****@" + v.substring(at + 1);
      }
      return v;
    }
  }
}
