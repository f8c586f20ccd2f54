package org.brexsync.jdbc;

import java.util.Objects;
import javax.sql.DataSource;
import org.brexsync.connector.port.SyncStateStore;
import org.brexsync.connector.state.InMemorySyncStateStore;

/**
 * Test stand-in for connector-jdbc's {@code BrexsyncDatabase} (not on this branch yet): the members
 * the starter calls, with connector-jdbc's signatures, recording what it was given. Delete it and
 * its sibling, and depend on connector-jdbc (test scope, PostgreSQL from .ci/run), once the module is
 * merged.
 */
public final class BrexsyncDatabase {
  /** The data source it was built over. */
  public final DataSource dataSource;
  /** Whether it was asked to migrate. */
  public final boolean migrate;
  /** The store it hands out (connector-jdbc: a PostgresStateStore). */
  public final SyncStateStore store = InMemorySyncStateStore.create();

  private BrexsyncDatabase(Builder b) {
    this.dataSource = Objects.requireNonNull(b.dataSource);
    this.migrate = b.migrate;
  }

  /** As connector-jdbc's. */
  public static Builder builder() {
    return new Builder();
  }

  /** As connector-jdbc's. */
  public SyncStateStore stateStore() {
    return store;
  }

  @Override
  public String toString() {
    return "BrexsyncDatabase[a given DataSource]";
  }

  /** As connector-jdbc's. */
  public static final class Builder {
    private DataSource dataSource;
    private boolean migrate = true;

    /** As connector-jdbc's. */
    public Builder dataSource(DataSource dataSource) {
      this.dataSource = dataSource;
      return this;
    }

    /** As connector-jdbc's. */
    public Builder migrate(boolean migrate) {
      this.migrate = migrate;
      return this;
    }

    /** As connector-jdbc's. */
    public BrexsyncDatabase build() {
      return new BrexsyncDatabase(this);
    }
  }
}
