package org.brexsync.cli.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.brexsync.cli.Brexsync;
import org.brexsync.cli.ConfigurationException;
import org.brexsync.cli.Connections;
import org.brexsync.connector.Integration;
import org.brexsync.connector.SinkType;
import org.brexsync.connector.ValidationResult;
import org.brexsync.connector.port.RunHistory;
import org.brexsync.connector.port.RunRecord;
import org.brexsync.connector.port.SyncStateStore;
import org.brexsync.connector.port.UserSink;
import org.brexsync.connector.schedule.Schedule;
import org.brexsync.connector.schedule.SyncScheduler;
import org.brexsync.connector.state.FileRunHistory;
import org.brexsync.connector.state.FileSyncStateStore;
import org.brexsync.connector.sync.RunControl;
import org.brexsync.connector.sync.SyncEngine;
import org.brexsync.connector.sync.SyncReport;
import org.brexsync.jdbc.BrexsyncDatabase;
import org.brexsync.jdbc.BrexsyncSchema;
import org.brexsync.jdbc.ClusterScheduler;
import org.brexsync.micrometer.BrexsyncObservations;
import org.brexsync.micrometer.prometheus.PrometheusEndpoint;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code brexsync serve}: every integration document of a folder, run on its schedule until SIGTERM. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Runs every integration document (*.json) of a folder on its schedule until stopped (SIGTERM, Ctrl-C), "
          + "serves /healthz, and prints one line per run.",
      "",
      "Embedded (default): the sync state and the run history are files under --state-dir; one machine. With "
          + Database.URL + " (and " + Database.USER + ", " + Database.PASSWORD + "; optionally " + Database.SCHEMA
          + ", " + Database.MIGRATE + "=false) the state, the run history and the schedules live in PostgreSQL "
          + "(db-scheduler): the same command on several machines forms a cluster that runs each integration at most "
          + "once at a time, and a worker that dies has its run taken over by another after the heartbeat timeout.",
      "",
      "The health port also serves /metrics in Prometheus format: sync runs and outcomes, every HTTP call to Brex and "
          + "Oomnitza (by operation and status), retries, rate-limit waits, and the JVM's memory, threads and CPU."
    })
public final class ServeCommand implements Callable<Integer> {
  private final CliContext ctx;

  @Option(names = "--dir", paramLabel = "DIR", defaultValue = "integrations",
      description = "Folder of integration documents, one integration per *.json file (default: ${DEFAULT-VALUE}).")
  Path dir;

  @Option(names = "--state-dir", paramLabel = "DIR", defaultValue = "brexsync-state",
      description = "Embedded mode: where the sync state and the run history (runs.jsonl) are kept (default: ${DEFAULT-VALUE}).")
  Path stateDir;

  @Option(names = "--health-port", paramLabel = "PORT", defaultValue = "8080",
      description = "Port of /healthz and /metrics (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int healthPort;

  @Option(names = "--health-address", paramLabel = "ADDR", defaultValue = "0.0.0.0",
      description = "Address /healthz and /metrics listen on (default: ${DEFAULT-VALUE}).")
  String healthAddress;

  @Option(names = "--overdue-after", paramLabel = "DURATION", defaultValue = "PT15M",
      description = "Grace after a run's due time before /healthz reports the integration overdue (ISO-8601, default: ${DEFAULT-VALUE}).")
  Duration grace;

  @Option(names = "--on-stop", paramLabel = "cancel|finish", defaultValue = "cancel",
      description = "On SIGTERM: 'cancel' the runs in progress (they end CANCELLED after their batch in flight, bulk portions "
          + "finalized; in a cluster another worker takes them over at once) or let them 'finish' (default: ${DEFAULT-VALUE}).")
  String onStop;

  @Option(names = "--stop-timeout", paramLabel = "DURATION", defaultValue = "PT5M",
      description = "How long stopping waits for runs in progress (default: ${DEFAULT-VALUE}).")
  Duration stopTimeout;

  @Option(names = "--worker", paramLabel = "NAME", description = "This worker's name in the run history (default: host:pid).")
  String worker;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "4",
      description = "Cluster mode: integrations this worker runs at once (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--poll", paramLabel = "DURATION", defaultValue = "PT10S",
      description = "Cluster mode: how often the worker looks for due runs (default: ${DEFAULT-VALUE}).")
  Duration poll;

  @Option(names = "--heartbeat", paramLabel = "DURATION", defaultValue = "PT30S",
      description = "Cluster mode: how often a worker running an integration says it lives (default: ${DEFAULT-VALUE}).")
  Duration heartbeat;

  @Option(names = "--missed-heartbeats", paramLabel = "N", defaultValue = "4",
      description = "Cluster mode: missed heartbeats after which another worker takes a run over (default: ${DEFAULT-VALUE}).")
  int missedHeartbeats;

  @Option(names = "--keep-runs", paramLabel = "DURATION", defaultValue = "P90D",
      description = "Cluster mode: how long the run history keeps ended runs (an hourly clean-up on one worker; default: ${DEFAULT-VALUE}).")
  Duration keepRuns;

  @Option(names = "--sandbox-users", paramLabel = "N", defaultValue = "500",
      description = "Users of each integration's sandbox when no credentials are set (default: ${DEFAULT-VALUE}).")
  int sandboxUsers;

  @picocli.CommandLine.Mixin EndpointOptions endpoints;

  /**
   * What /metrics serves: every run and HTTP call of this worker, and the JVM's own meters. Made when
   * the service starts, not with the command (help builds every command).
   */
  private BrexsyncObservations observations;

  public ServeCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    boolean cancel = switch (onStop.toLowerCase(Locale.ROOT)) {
      case "cancel" -> true;
      case "finish" -> false;
      default -> throw new ConfigurationException("--on-stop must be cancel or finish, got '" + onStop + "'");
    };
    String me = worker != null && !worker.isBlank() ? worker : defaultWorker();
    List<Integration> integrations = load(dir);
    boolean cluster = Database.configured(ctx);
    List<Connections> connections = new ArrayList<>();
    BrexsyncDatabase db = null;
    HealthServer health = null;
    Stoppable scheduling = null;
    PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(prometheus);
    new JvmThreadMetrics().bindTo(prometheus);
    new ProcessorMetrics().bindTo(prometheus);
    new UptimeMetrics().bindTo(prometheus);
    observations = BrexsyncObservations.of(prometheus);
    try {
      RunHistory history;
      SyncStateStore state;
      if (cluster) {
        db = Database.open(ctx, true, threads + 4, "brexsync serve " + me);
        ctx.notice("Database: " + db.describe() + " (brexsync schema version " + BrexsyncSchema.CURRENT_VERSION
            + "); cluster worker " + me);
        history = db.runHistory();
        state = db.stateStore();
      } else {
        OutputFile.checkDirectory(stateDir, "--state-dir");
        history = FileRunHistory.inStateDirectory(stateDir);
        state = FileSyncStateStore.at(stateDir);
        ctx.notice("Embedded: state and run history in " + stateDir.toAbsolutePath() + " (set " + Database.URL
            + " to run several workers on PostgreSQL); worker " + me);
      }
      Map<String, SyncEngine> engines = new LinkedHashMap<>();
      Map<String, java.util.function.Function<RunControl, SyncReport>> jobs = new LinkedHashMap<>();
      for (Integration in : integrations) {
        Connections c = open(in);
        connections.add(c);
        if (c.isSandbox() && (in.brex().flatMap(org.brexsync.connector.Connection::baseUrl).isPresent()
            || in.oomnitza().flatMap(org.brexsync.connector.Connection::baseUrl).isPresent())) {
          // A service must not quietly sync a sandbox because a token variable is missing.
          throw new ConfigurationException("the integration '" + in.name() + "' names its endpoints, but its credentials "
              + "are not set: set " + in.brex().map(org.brexsync.connector.Connection::tokenEnv).orElse(Connections.BREX_API_TOKEN)
              + " and " + in.oomnitza().map(org.brexsync.connector.Connection::tokenEnv).orElse(Connections.OOMNITZA_API_TOKEN));
        }
        ctx.notice("Integration '" + in.name() + "': " + in.schedule().describe() + "; " + c.describeEndpoints());
        if (cluster && !c.isSandbox()) {
          // A worker of a cluster opens an integration's clients for its run only: what it holds grows with
          // the runs in progress (--threads), not with the number of integrations.
          connections.remove(c);
          c.close();
          SyncStateStore shared = state;
          jobs.put(in.name(), control -> {
            try (Connections run = open(in)) {
              return engine(run, in, shared).run(control);
            }
          });
        } else {
          SyncEngine engine = engine(c, in, state);
          engines.put(in.name(), engine);
          jobs.put(in.name(), engine::run);
        }
      }
      java.util.function.Consumer<RunRecord> log = r -> {
        ctx.out().println(Instant.now() + " " + r.line());
        ctx.out().flush();
      };
      Map<String, Schedule> schedules = new LinkedHashMap<>();
      integrations.forEach(in -> schedules.put(in.name(), in.schedule()));
      health = HealthServer.start(healthAddress, healthPort, schedules, history, Clock.systemUTC(), grace,
          cluster ? "cluster" : "embedded", me);
      health.serve("/metrics", PrometheusEndpoint.of(prometheus));
      ctx.notice("Health: http://" + healthAddress + ":" + health.port() + "/healthz; metrics: http://" + healthAddress
          + ":" + health.port() + "/metrics");
      scheduling = cluster ? cluster(db, integrations, jobs, me, log) : embedded(engines, history, me, log);
      ctx.notice("Serving " + integrations.size() + " integration(s); stop with SIGTERM or Ctrl-C.");
      ctx.awaitInterrupt();
      ctx.notice("Stopping: " + (cancel ? "cancelling" : "finishing") + " the runs in progress...");
      scheduling.stop(cancel);
      Stoppable done = scheduling;
      scheduling = null;
      ctx.notice("Stopped" + (done.stillRunning() ? " (runs still in progress after --stop-timeout were abandoned)" : "") + ".");
      return Brexsync.OK;
    } finally {
      if (scheduling != null) {
        scheduling.stop(true);
      }
      if (health != null) {
        health.close();
      }
      prometheus.close();
      connections.forEach(Connections::close);
      if (db != null) {
        db.close();
      }
    }
  }

  /** A running scheduler, stoppable. */
  private interface Stoppable {
    void stop(boolean cancel);

    boolean stillRunning();
  }

  private Connections open(Integration in) {
    return Connections.builder().environment(ctx.env()).integration(java.util.Optional.of(in))
        .requireOomnitza(true).sandboxUsers(sandboxUsers).brexUrl(endpoints.brexUrl())
        .oomnitzaUrl(endpoints.oomnitzaUrl()).allowPlainHttp(endpoints.allowPlainHttp())
        .requestListener(observations.requestListener()).open();
  }

  private SyncEngine engine(Connections c, Integration in, SyncStateStore state) {
    UserSink sink = in.sink() == SinkType.BULK ? c.userSink(BulkCatalog.resolve(ctx, c.oomnitza(), in)) : c.userSink();
    return SyncEngine.builder().integration(in).source(c.userSource()).sink(sink).stateStore(state)
        .maxReportedOutcomes(0).listener(observations.syncListener()).build();
  }

  private Stoppable cluster(BrexsyncDatabase db, List<Integration> integrations,
      Map<String, java.util.function.Function<RunControl, SyncReport>> jobs, String me,
      java.util.function.Consumer<RunRecord> log) {
    if (threads < 1 || missedHeartbeats < 1) {
      throw new ConfigurationException("--threads and --missed-heartbeats must be at least 1");
    }
    ClusterScheduler.Builder b = ClusterScheduler.builder().database(db).worker(me).threads(threads).pollingInterval(poll)
        .heartbeat(heartbeat, missedHeartbeats).shutdownMaxWait(stopTimeout).keepRuns(keepRuns).onRun(log);
    integrations.forEach(in -> b.sync(in.name(), in.schedule(), jobs.get(in.name())));
    ClusterScheduler s = b.build();
    s.start();
    return new Stoppable() {
      @Override
      public void stop(boolean cancel) {
        s.stop(cancel);
      }

      @Override
      public boolean stillRunning() {
        return !s.runningNow().isEmpty();
      }
    };
  }

  private Stoppable embedded(Map<String, SyncEngine> engines, RunHistory history, String me,
      java.util.function.Consumer<RunRecord> log) {
    List<SyncScheduler> schedulers = new ArrayList<>();
    for (SyncEngine engine : engines.values()) {
      SyncScheduler s = SyncScheduler.builder().engine(engine).runHistory(history, me).onRun(log)
          .onError(e -> { }) // recorded FAILED in the history and printed by the log line
          .build();
      s.start();
      schedulers.add(s);
    }
    return new Stoppable() {
      @Override
      public void stop(boolean cancel) {
        schedulers.forEach(s -> s.stop(cancel));
        // Wait, bounded, for the runs in progress: their reports and bookkeeping end before the JVM does.
        Instant deadline = Instant.now().plus(stopTimeout);
        Object lock = new Object();
        while (stillRunning() && Instant.now().isBefore(deadline)) {
          synchronized (lock) {
            try {
              lock.wait(100);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              return;
            }
          }
        }
      }

      @Override
      public boolean stillRunning() {
        return schedulers.stream().anyMatch(SyncScheduler::isRunning);
      }
    };
  }

  /** Every integration document of the folder, validated, names unique. */
  static List<Integration> load(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new ConfigurationException("integration folder not found: " + dir + " (give one with --dir DIR)");
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p)).sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new ConfigurationException("cannot list " + dir + ": " + e.getMessage(), e);
    }
    if (files.isEmpty()) {
      throw new ConfigurationException("no integration documents (*.json) in " + dir);
    }
    Map<String, Path> names = new LinkedHashMap<>();
    List<Integration> out = new ArrayList<>();
    for (Path f : files) {
      Integration in = Integrations.read(f);
      Path other = names.putIfAbsent(in.name(), f);
      if (other != null) {
        throw new ConfigurationException("two integration documents are named '" + in.name() + "': " + other + " and " + f);
      }
      ValidationResult v = in.validate();
      if (!v.isLaunchable()) {
        throw new ConfigurationException("the integration '" + in.name() + "' (" + f + ") is not launchable (DRAFT): "
            + String.join("; ", v.missing()));
      }
      out.add(in);
    }
    return out;
  }

  private static String defaultWorker() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      host = "localhost";
    }
    return host + ":" + ManagementFactory.getRuntimeMXBean().getPid();
  }
}
