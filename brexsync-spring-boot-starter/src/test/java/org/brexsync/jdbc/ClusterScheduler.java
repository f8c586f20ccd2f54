package org.brexsync.jdbc;

import java.util.Objects;
import org.brexsync.connector.sync.SyncEngine;

/**
 * Test stand-in for connector-jdbc's {@code ClusterScheduler} (see {@link BrexsyncDatabase}): the
 * members the starter calls, with connector-jdbc's signatures, recording the calls.
 */
public final class ClusterScheduler implements AutoCloseable {
  /** The database it was built on. */
  public final BrexsyncDatabase database;
  /** The engine it runs. */
  public final SyncEngine engine;
  /** Calls of start(). */
  public volatile int starts;
  /** The argument of the last stop, or null before one. */
  public volatile Boolean stoppedWithCancel;

  private ClusterScheduler(Builder b) {
    this.database = Objects.requireNonNull(b.database);
    this.engine = Objects.requireNonNull(b.engine);
  }

  /** As connector-jdbc's. */
  public static Builder builder() {
    return new Builder();
  }

  /** As connector-jdbc's. */
  public String worker() {
    return "test-worker";
  }

  /** As connector-jdbc's. */
  public synchronized void start() {
    starts++;
  }

  /** As connector-jdbc's. */
  public void stop(boolean cancelRunning) {
    stoppedWithCancel = cancelRunning;
  }

  @Override
  public void close() {
    stop(false);
  }

  /** As connector-jdbc's. */
  public static final class Builder {
    private BrexsyncDatabase database;
    private SyncEngine engine;

    /** As connector-jdbc's. */
    public Builder database(BrexsyncDatabase db) {
      this.database = db;
      return this;
    }

    /** As connector-jdbc's. */
    public Builder sync(SyncEngine engine) {
      this.engine = engine;
      return this;
    }

    /** As connector-jdbc's. */
    public ClusterScheduler build() {
      return new ClusterScheduler(this);
    }
  }
}
