package org.brexsync.spring.boot.autoconfigure.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;
import org.brexsync.connector.port.SyncStateStore;
import org.brexsync.connector.sync.SyncEngine;
import org.brexsync.spring.boot.autoconfigure.BrexsyncConfigurationException;
import org.brexsync.spring.boot.autoconfigure.SyncRunTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * connector-jdbc's public API ({@code BrexsyncDatabase}, {@code ClusterScheduler}), called by name:
 * the starter is built without that optional module, and this code only runs when the
 * auto-configuration found {@value #SCHEDULER} on the class path. The calls are the ones of
 * connector-jdbc's README: {@code BrexsyncDatabase.builder().dataSource(ds).migrate(m).build()},
 * {@code db.stateStore()}, {@code ClusterScheduler.builder().database(db).sync(engine).build()},
 * {@code start()}, {@code stop(true)}. Not API.
 */
public final class ClusterModule {
  /** The class whose presence turns clustered scheduling on. */
  public static final String SCHEDULER = "org.brexsync.jdbc.ClusterScheduler";
  /** connector-jdbc's handle on the database. */
  public static final String DATABASE = "org.brexsync.jdbc.BrexsyncDatabase";

  private static final Logger LOG = LoggerFactory.getLogger("org.brexsync.spring.boot");

  private ClusterModule() {}

  /**
   * Opens connector-jdbc's database over the application's {@code DataSource} (it is not closed by
   * brexsync), creating or checking brexsync's tables.
   */
  public static Database open(DataSource dataSource, boolean migrate, ClassLoader loader) {
    Objects.requireNonNull(dataSource, "dataSource");
    Object builder = call(null, type(DATABASE, loader), "builder", new Class<?>[0]);
    call(builder, builder.getClass(), "dataSource", new Class<?>[] {DataSource.class}, dataSource);
    call(builder, builder.getClass(), "migrate", new Class<?>[] {boolean.class}, migrate);
    return new Database(call(builder, builder.getClass(), "build", new Class<?>[0]), loader);
  }

  private static Class<?> type(String name, ClassLoader loader) {
    try {
      return Class.forName(name, true, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw mismatch(name + " cannot be loaded", e);
    }
  }

  private static Object call(Object target, Class<?> type, String name, Class<?>[] params, Object... args) {
    Method m;
    try {
      m = type.getMethod(name, params);
    } catch (NoSuchMethodException e) {
      throw mismatch(type.getName() + "." + name + " is missing", e);
    }
    try {
      return m.invoke(target, args);
    } catch (InvocationTargetException e) {
      // connector-jdbc's own typed exceptions (DatabaseException, SchemaVersionException) go through
      // as they are: their messages name the database without its password.
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw mismatch(type.getName() + "." + name + " failed", e.getCause());
    } catch (IllegalAccessException e) {
      throw mismatch(type.getName() + "." + name + " is not accessible", e);
    }
  }

  private static BrexsyncConfigurationException mismatch(String what, Throwable cause) {
    return new BrexsyncConfigurationException("connector-jdbc on the class path is not the one this starter"
        + " was built for: " + what + ".", "Use connector-jdbc of the same brexsync version as the starter"
        + " (import brexsync-bom), or set brexsync.cluster.enabled=false.", cause);
  }

  /** connector-jdbc's {@code BrexsyncDatabase}. */
  public static final class Database {
    private final Object database;
    private final ClassLoader loader;

    private Database(Object database, ClassLoader loader) {
      this.database = database;
      this.loader = loader;
    }

    /** The {@code BrexsyncDatabase} itself. */
    public Object unwrap() {
      return database;
    }

    /** Its {@code PostgresStateStore}, shared by every instance. */
    public SyncStateStore stateStore() {
      return (SyncStateStore) call(database, database.getClass(), "stateStore", new Class<?>[0]);
    }

    /** A {@code ClusterScheduler} (not started) running {@code engine} on its integration's schedule. */
    public Workers workers(SyncEngine engine, SyncRunTracker tracker, Duration shutdownTimeout) {
      Class<?> type = type(SCHEDULER, loader);
      Object builder = call(null, type, "builder", new Class<?>[0]);
      call(builder, builder.getClass(), "database", new Class<?>[] {database.getClass()}, database);
      call(builder, builder.getClass(), "sync", new Class<?>[] {SyncEngine.class}, engine);
      return new Workers(call(builder, builder.getClass(), "build", new Class<?>[0]), tracker, shutdownTimeout);
    }

    @Override
    public String toString() {
      return String.valueOf(database); // connector-jdbc's toString names the database without a password
    }
  }

  /**
   * The {@code ClusterScheduler}, started when the application context has started and stopped first
   * on shutdown: its runs in progress are cancelled (each ends after its batch in flight) and handed
   * over to another instance; shutdown waits for them at most {@code shutdownTimeout}.
   */
  public static final class Workers implements SmartLifecycle {
    private final Object scheduler;
    private final SyncRunTracker tracker;
    private final Duration shutdownTimeout;
    private volatile boolean running;

    private Workers(Object scheduler, SyncRunTracker tracker, Duration shutdownTimeout) {
      this.scheduler = scheduler;
      this.tracker = tracker;
      this.shutdownTimeout = Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
    }

    /** The {@code ClusterScheduler} itself. */
    public Object unwrap() {
      return scheduler;
    }

    @Override
    public void start() {
      call(scheduler, scheduler.getClass(), "start", new Class<?>[0]);
      running = true;
      LOG.info("brexsync: clustered scheduling on PostgreSQL started (worker {})",
          call(scheduler, scheduler.getClass(), "worker", new Class<?>[0]));
    }

    @Override
    public void stop() {
      running = false;
      call(scheduler, scheduler.getClass(), "stop", new Class<?>[] {boolean.class}, true);
      if (tracker == null) {
        return;
      }
      try {
        if (!tracker.awaitIdle(shutdownTimeout)) {
          LOG.warn("brexsync: a cancelled sync run did not end within {} (brexsync.scheduler.shutdown-timeout)",
              shutdownTimeout);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public boolean isRunning() {
      return running;
    }
  }
}
