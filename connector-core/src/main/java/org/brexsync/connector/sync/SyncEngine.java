package org.brexsync.connector.sync;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;
import org.brexsync.connector.Integration;
import org.brexsync.connector.mapping.CompiledMapping;
import org.brexsync.connector.mapping.TransformerRegistry;
import org.brexsync.connector.port.UserSource;
import org.brexsync.connector.state.FileSyncStateStore;
import org.brexsync.connector.sync.internal.RunConfig;
import org.brexsync.connector.sync.internal.SyncPipeline;
import org.brexsync.connector.port.SyncStateStore;
import org.brexsync.connector.port.UserSink;

/**
 * Runs an {@link Integration}: Brex pages → filter → map → correlate with Oomnitza by the sync key (one
 * list call per batch, overlapping the writes of earlier batches) → classify (CREATE / UPDATE /
 * UNCHANGED / SKIPPED / FAILED) → write → report. Memory holds a page and the few batches in flight;
 * per-record state lives in the {@link SyncStateStore} (on disk with the default store).
 *
 * <pre>{@code
 * SyncEngine engine = SyncEngine.builder()
 *     .integration(integration)
 *     .source(brexSource)          // e.g. BrexUserSource.of(brexClient)
 *     .sink(oomnitzaSink)          // e.g. OomnitzaUserSink.of(oomnitzaClient)
 *     .build();
 * SyncReport report = engine.run();
 * System.out.println(report.summary());
 * }</pre>
 *
 * <p>Immutable and thread-safe; runs of one engine never overlap ({@link SyncAlreadyRunningException}).
 */
public final class SyncEngine {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SyncEngine.class);

  /** Default number of outcomes kept in a report. */
  public static final int DEFAULT_MAX_REPORTED_OUTCOMES = 10_000;

  final Integration integration;
  final UserSource source;
  final UserSink sink;
  final SyncStateStore stateStore;
  final CompiledMapping mapping;
  final Clock clock;
  final Optional<Executor> executor;
  final SyncListener listener;
  final boolean dryRun;
  final int maxReportedOutcomes;
  private final ReentrantLock running;

  private SyncEngine(Builder b, ReentrantLock running) {
    this.integration = b.integration;
    this.source = b.source;
    this.sink = b.sink;
    this.stateStore = b.stateStore;
    this.mapping = b.integration.mapping().compile(b.transformers);
    this.clock = b.clock;
    this.executor = Optional.ofNullable(b.executor);
    this.listener = b.listener;
    this.dryRun = b.dryRun;
    this.maxReportedOutcomes = b.maxReportedOutcomes;
    this.running = running;
    this.transformers = b.transformers;
  }

  private final TransformerRegistry transformers;

  /** {@return a new builder; {@link Builder#integration} is required} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the integration this engine runs} */
  public Integration integration() {
    return integration;
  }

  /** {@return whether runs of this engine write nothing} */
  public boolean isDryRun() {
    return dryRun;
  }

  /**
   * An engine identical to this one but dry-running (or not). The copy shares this engine's
   * non-overlap lock.
   *
   * @param dry true for an engine whose runs write nothing
   * @return the copy
   */
  public SyncEngine withDryRun(boolean dry) {
    Builder b = toBuilder();
    b.dryRun = dry;
    return new SyncEngine(b, running);
  }

  /** {@return a builder initialised from this engine} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.integration = integration;
    b.source = source;
    b.sink = sink;
    b.stateStore = stateStore;
    b.transformers = transformers;
    b.clock = clock;
    b.executor = executor.orElse(null);
    b.listener = listener;
    b.dryRun = dryRun;
    b.maxReportedOutcomes = maxReportedOutcomes;
    return b;
  }

  /**
   * Runs once.
   *
   * @return the run's report, whatever its {@link SyncReport#status() status}
   * @throws SyncAlreadyRunningException if a run of this engine is in progress
   */
  public SyncReport run() {
    return run(RunControl.create());
  }

  /**
   * Runs once; {@code control} can cancel the run from another thread.
   *
   * @param control lets another thread cancel the run (it then ends {@link RunStatus#CANCELLED})
   * @return the run's report, whatever its {@link SyncReport#status() status}
   * @throws SyncAlreadyRunningException if a run of this engine is in progress
   */
  public SyncReport run(RunControl control) {
    if (!running.tryLock()) {
      throw new SyncAlreadyRunningException(integration.name());
    }
    try {
      SyncListener.RunScope scope = started(new SyncListener.RunStart(integration.name(), dryRun, clock.instant()));
      SyncReport report;
      try {
        report = SyncPipeline.run(
            new RunConfig(integration, source, sink, stateStore, mapping, clock, executor, listener, dryRun, maxReportedOutcomes),
            control);
      } catch (RuntimeException | Error e) {
        tell(() -> scope.failed(e));
        throw e;
      }
      tell(() -> scope.ended(report));
      return report;
    } finally {
      running.unlock();
    }
  }

  /** The listener's scope of a starting run; a listener that fails is logged and ignored. */
  private SyncListener.RunScope started(SyncListener.RunStart start) {
    try {
      SyncListener.RunScope scope = listener.onRunStart(start);
      return scope != null ? scope : SyncListener.RunScope.NONE;
    } catch (RuntimeException e) {
      LOG.warn("sync listener failed: {}", e.toString());
      return SyncListener.RunScope.NONE;
    }
  }

  private static void tell(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      LOG.warn("sync listener failed: {}", e.toString());
    }
  }

  /** {@return whether a run is in progress} */
  public boolean isRunning() {
    return running.isLocked();
  }

  /** Builds engines; validates the integration (it must be LAUNCHABLE) and compiles the mapping. */
  public static final class Builder {
    private Integration integration;
    private UserSource source;
    private UserSink sink;
    private SyncStateStore stateStore;
    private TransformerRegistry transformers = TransformerRegistry.defaults();
    private Clock clock = Clock.systemUTC();
    private Executor executor;
    private SyncListener listener = SyncListener.NONE;
    private boolean dryRun;
    private int maxReportedOutcomes = DEFAULT_MAX_REPORTED_OUTCOMES;

    private Builder() {}

    /**
     * The integration (required).
     *
     * @param integration the integration to run; it must be LAUNCHABLE
     * @return this builder
     */
    public Builder integration(Integration integration) {
      this.integration = Objects.requireNonNull(integration, "integration");
      return this;
    }

    /**
     * The Brex side; default a brex-client built from the integration's {@code brex} connection.
     *
     * @param source where users are read
     * @return this builder
     */
    public Builder source(UserSource source) {
      this.source = Objects.requireNonNull(source, "source");
      return this;
    }

    /**
     * The Oomnitza side; default an oomnitza-client built from the integration's {@code oomnitza}
     * connection. Replaces an earlier {@link #oomnitzaClient}.
     *
     * @param sink where users are written
     * @return this builder
     */
    public Builder sink(UserSink sink) {
      this.sink = Objects.requireNonNull(sink, "sink");
      this.oomnitzaClient = null;
      return this;
    }

    /**
     * The Brex side from a brex-client (wrapped in {@link org.brexsync.connector.brex.BrexUserSource}).
     *
     * @param client the Brex client; the caller closes it
     * @return this builder
     */
    public Builder brexClient(org.brexsync.brex.BrexClient client) {
      return source(org.brexsync.connector.brex.BrexUserSource.of(client));
    }

    /**
     * The Oomnitza side from an oomnitza-client (wrapped in {@link org.brexsync.connector.oomnitza.OomnitzaUserSink}).
     * A BULK sink keys records by Field ID: standard ids, the tenant's served data model and the
     * integration's {@code fieldIds} ({@link org.brexsync.connector.oomnitza.BulkFieldCatalog}), so
     * custom fields such as {@code brex_user_id} are sent. Replaces an earlier {@link #sink}.
     *
     * @param client the Oomnitza client; the caller closes it
     * @return this builder
     */
    public Builder oomnitzaClient(org.brexsync.oomnitza.OomnitzaClient client) {
      this.oomnitzaClient = Objects.requireNonNull(client, "client");
      this.sink = null;
      return this;
    }

    private org.brexsync.oomnitza.OomnitzaClient oomnitzaClient;

    /**
     * Where tokens named by the integration's connections ({@code tokenEnv}) are looked up when no
     * source or sink is given; default {@code System::getenv}.
     *
     * @param environment variable name → value, or null when unset
     * @return this builder
     */
    public Builder environment(java.util.function.Function<String, String> environment) {
      this.environment = Objects.requireNonNull(environment, "environment");
      return this;
    }

    private java.util.function.Function<String, String> environment = System::getenv;

    /**
     * Where fingerprints are kept; default {@link FileSyncStateStore#defaults()}.
     *
     * @param stateStore the store of per-record state
     * @return this builder
     */
    public Builder stateStore(SyncStateStore stateStore) {
      this.stateStore = Objects.requireNonNull(stateStore, "stateStore");
      return this;
    }

    /**
     * Transformers available to the mapping; default the built-ins.
     *
     * @param transformers the registry the mapping is compiled with
     * @return this builder
     */
    public Builder transformers(TransformerRegistry transformers) {
      this.transformers = Objects.requireNonNull(transformers, "transformers");
      return this;
    }

    /**
     * Clock for the sync time and timings; default UTC system clock.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Executor for concurrent REST writes (bounded by the integration's concurrency) and page
     * prefetch; default a pool of daemon threads per run.
     *
     * @param executor runs the writes and prefetches; the caller shuts it down
     * @return this builder
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Progress and outcome listener; default {@link SyncListener#NONE}.
     *
     * @param listener told of each run's start, progress, record outcomes and end
     * @return this builder
     */
    public Builder listener(SyncListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Dry run: same report, nothing written (neither Oomnitza nor the state store).
     *
     * @param dryRun true to write nothing; default false
     * @return this builder
     */
    public Builder dryRun(boolean dryRun) {
      this.dryRun = dryRun;
      return this;
    }

    /**
     * Cap on outcomes kept in the report (all are streamed to the listener); default
     * {@link SyncEngine#DEFAULT_MAX_REPORTED_OUTCOMES}.
     *
     * @param max at most this many outcomes in a report (not negative)
     * @return this builder
     * @throws IllegalArgumentException when {@code max} is negative
     */
    public Builder maxReportedOutcomes(int max) {
      if (max < 0) {
        throw new IllegalArgumentException("maxReportedOutcomes must be >= 0");
      }
      this.maxReportedOutcomes = max;
      return this;
    }

    /**
     * Builds the engine.
     *
     * @return the engine
     * @throws org.brexsync.connector.IntegrationNotLaunchableException if the integration is DRAFT
     * @throws org.brexsync.connector.mapping.MappingException if a transformer is unknown or misconfigured
     * @throws org.brexsync.connector.ConnectorException if no source or sink is given and the
     *     integration's connection or its token environment variable is missing
     */
    public SyncEngine build() {
      Objects.requireNonNull(integration, "integration is required");
      if (source == null) {
        source = org.brexsync.connector.sync.internal.ClientFactory.brexSource(integration, environment);
      }
      if (sink == null && oomnitzaClient != null) {
        sink = org.brexsync.connector.oomnitza.OomnitzaUserSink.of(oomnitzaClient, integration);
      }
      if (sink == null) {
        sink = org.brexsync.connector.sync.internal.ClientFactory.oomnitzaSink(integration, environment);
      }
      integration.validate(transformers).requireLaunchable();
      if (stateStore == null) {
        stateStore = FileSyncStateStore.defaults();
      }
      return new SyncEngine(this, new ReentrantLock());
    }
  }
}
