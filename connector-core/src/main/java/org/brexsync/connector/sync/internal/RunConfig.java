package org.brexsync.connector.sync.internal;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.brexsync.connector.Integration;
import org.brexsync.connector.mapping.CompiledMapping;
import org.brexsync.connector.port.SyncStateStore;
import org.brexsync.connector.port.UserSink;
import org.brexsync.connector.port.UserSource;
import org.brexsync.connector.sync.SyncListener;

/** What a {@code SyncEngine} hands each run: the integration, the ports and the run options. Not API. */
public final class RunConfig {
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

  /** The configuration of one run. */
  public RunConfig(Integration integration, UserSource source, UserSink sink, SyncStateStore stateStore,
      CompiledMapping mapping, Clock clock, Optional<Executor> executor, SyncListener listener, boolean dryRun,
      int maxReportedOutcomes) {
    this.integration = Objects.requireNonNull(integration);
    this.source = Objects.requireNonNull(source);
    this.sink = Objects.requireNonNull(sink);
    this.stateStore = Objects.requireNonNull(stateStore);
    this.mapping = Objects.requireNonNull(mapping);
    this.clock = Objects.requireNonNull(clock);
    this.executor = Objects.requireNonNull(executor);
    this.listener = Objects.requireNonNull(listener);
    this.dryRun = dryRun;
    this.maxReportedOutcomes = maxReportedOutcomes;
  }
}
