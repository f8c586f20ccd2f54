package org.brexsync.cli.internal;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.brexsync.connector.Integration;
import org.brexsync.connector.ValidationResult;
import org.brexsync.connector.state.FileSyncStateStore;
import org.brexsync.connector.state.InMemorySyncStateStore;
import org.brexsync.connector.port.SyncStateStore;
import org.brexsync.connector.SinkType;
import org.brexsync.connector.sync.RecordOutcome;
import org.brexsync.connector.sync.RunStatus;
import org.brexsync.connector.sync.SyncEngine;
import org.brexsync.connector.sync.SyncListener;
import org.brexsync.connector.sync.SyncProgress;
import org.brexsync.connector.sync.SyncReport;
import org.brexsync.connector.port.UserSink;
import org.brexsync.cli.Brexsync;
import org.brexsync.cli.ConfigurationException;
import org.brexsync.cli.Connections;
import org.brexsync.testkit.Sandbox;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code brexsync sync}: one sync run, or the sandbox demonstration of two. */
@Command(
    name = "sync",
    mixinStandardHelpOptions = true,
    description = {
      "Syncs Brex users into Oomnitza people and prints the report.",
      "",
      "With no credentials set, runs in the built-in sandbox: simulated Brex and Oomnitza, a first full "
          + "sync, then a second sync that finds nothing to write."
    })
public final class SyncCommand implements java.util.concurrent.Callable<Integer> {
  private final CliContext ctx;

  @Option(names = "--config", paramLabel = "FILE", description = "Integration document (JSON). Default: the built-in integration (standard mapping, sync key email).")
  Path config;

  @Option(names = "--dry-run", description = "Classify every record and report, but write nothing (neither Oomnitza nor the sync state).")
  boolean dryRun;

  @Option(names = "--limit", paramLabel = "N", description = "Process only the first N Brex users.")
  Integer limit;

  @Option(names = "--report", paramLabel = "FILE", description = "Also write the report to FILE.json (full JSON) or FILE.csv (one row per record): every reported record, however many.")
  Path report;

  @Option(names = "--role", paramLabel = "ID", description = "Oomnitza role id for people the built-in integration creates (required without --config against real Oomnitza).")
  Integer role;

  @Option(names = "--state-dir", paramLabel = "DIR", defaultValue = "brexsync-state", description = "Where the sync state is kept between runs (default: ${DEFAULT-VALUE}).")
  Path stateDir;

  @Option(names = "--sandbox-users", paramLabel = "N", defaultValue = "500", description = "Users of the sandbox company (default: ${DEFAULT-VALUE}).")
  int sandboxUsers;

  @picocli.CommandLine.Mixin EndpointOptions endpoints;

  public SyncCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    if (limit != null && limit < 1) {
      throw new ConfigurationException("--limit must be at least 1, got " + limit);
    }
    Optional<Path> reportFile = Optional.ofNullable(report);
    // Every output path is checked before the first request, so a typo costs nothing in Oomnitza.
    reportFile.ifPresent(f -> {
      Reports.format(f);
      OutputFile.check(f, "--report");
    });
    Optional<Integration> configured = Integrations.read(Optional.ofNullable(config));
    if (config != null && Integrations.declaresSchedule(config)) {
      ctx.notice("Note: " + Integrations.scheduleNote(configured.orElseThrow()));
    }
    // Brex's credential check (a read-only GET) goes out as soon as the Brex client exists, so its
    // round trip overlaps the rest of the set-up and the local checks; its answer is looked at only
    // after them, so a bad integration or state is still the error reported.
    java.util.concurrent.atomic.AtomicReference<CredentialCheck> brexCheck = new java.util.concurrent.atomic.AtomicReference<>();
    try (Connections c = ctx.connect(configured, true, sandboxUsers, endpoints,
        brex -> brexCheck.set(CredentialCheck.start(brex)))) {
      Integration integration = configured.orElseGet(() -> {
        if (role == null && !c.isSandbox()) {
          throw new ConfigurationException("choose the Oomnitza role of synced people: --role ID, or give an integration with --config FILE");
        }
        return Integrations.defaultIntegration(role == null ? Integrations.SANDBOX_ROLE : role);
      });
      if (limit != null) {
        integration = integration.withRecordLimit(limit);
      }
      ValidationResult validation = integration.validate();
      if (!validation.isLaunchable()) {
        throw new ConfigurationException("the integration '" + integration.name() + "' is not launchable (DRAFT):"
            + System.lineSeparator() + "  - " + String.join(System.lineSeparator() + "  - ", validation.missing()));
      }
      return c.isSandbox() ? sandbox(c, integration, reportFile) : real(c, integration, reportFile, brexCheck.get());
    }
  }

  private int real(Connections c, Integration integration, Optional<Path> reportFile, CredentialCheck brexCheck) {
    FileSyncStateStore store = FileSyncStateStore.at(stateDir);
    if (!dryRun) {
      OutputFile.checkDirectory(stateDir, "--state-dir");
    }
    // Read the state once before any request: a corrupt file stops the command here (exit 2, the file
    // named and the way out), never in the middle of a run. Read-only: no lock taken, nothing created.
    store.open(integration.name(), true).close();
    // Fail fast, with exit code 3, when a system cannot be reached or refuses the credentials.
    brexCheck.awaitWarming();
    c.oomnitza().verifyCredentials();
    UserSink sink = sink(c, integration);
    ctx.notice(String.format(Locale.ROOT, "Syncing Brex (%s) into Oomnitza (%s)%s...", c.brex().baseUri(),
        c.oomnitza().baseUri(), dryRun ? " as a dry run" : ""));
    Run r = run(c, integration, sink, store, Optional.empty(), reportFile);
    r.print(ctx);
    return exitCode(r.report);
  }

  private int sandbox(Connections c, Integration integration, Optional<Path> reportFile) {
    Sandbox s = c.sandbox().orElseThrow();
    var out = ctx.out();
    out.println("SANDBOX: no credentials are set (" + Connections.BREX_API_TOKEN + ", " + Connections.OOMNITZA_URL + ", "
        + Connections.OOMNITZA_API_TOKEN + "),");
    out.println("so this runs against the built-in simulators of Brex (" + s.brexUri() + ") and Oomnitza (" + s.oomnitzaUri() + "),");
    out.printf(Locale.ROOT, "seeded with a synthetic company of %d users and %d cards; Oomnitza already holds %d of the people.%n",
        s.company().size(), s.cardCount(), s.oomnitza().userCount());
    out.println();
    long expected = Math.min(s.company().size(), integration.recordLimit().orElse(Integer.MAX_VALUE));
    UserSink sink = sink(c, integration);
    SyncStateStore state = InMemorySyncStateStore.create();
    out.println(dryRun ? "== Dry run (nothing is written) ==" : "== First sync: a full run ==");
    out.flush();
    Run first = run(c, integration, sink, state, Optional.of(expected), reportFile);
    first.print(ctx);
    int code = exitCode(first.report);
    if (!dryRun && first.report.status() == RunStatus.SUCCEEDED) {
      out.println();
      out.println("== Second sync: nothing changed in Brex, so nothing is written ==");
      out.flush();
      SyncReport second = run(c, integration, sink, state, Optional.of(expected), Optional.empty()).report;
      out.print(Reports.table(second, Optional.empty()));
      code = Math.max(code, exitCode(second));
    }
    out.println();
    out.println("That was the SANDBOX. To sync real data, set BREX_API_TOKEN, OOMNITZA_URL and OOMNITZA_API_TOKEN "
        + "(and BREX_BASE_URL for a proxy) and run 'brexsync sync --role ID' or 'brexsync sync --config FILE'.");
    return code;
  }

  /** The Oomnitza port: with the BULK sink, one whose field catalog knows every field the run writes. */
  private UserSink sink(Connections c, Integration integration) {
    if (integration.sink() != SinkType.BULK) {
      return c.userSink();
    }
    return c.userSink(BulkCatalog.resolve(ctx, c.oomnitza(), integration));
  }

  /**
   * {@code GET /v2/users/me} on its own daemon thread: the check that Brex can be reached and takes the
   * token. {@link #await()} gives its outcome: nothing, or the Brex client's own exception.
   */
  private static final class CredentialCheck {
    private final java.util.concurrent.FutureTask<Void> task;

    private CredentialCheck(java.util.concurrent.FutureTask<Void> task) {
      this.task = task;
    }

    static CredentialCheck start(org.brexsync.brex.BrexClient brex) {
      java.util.concurrent.FutureTask<Void> task = new java.util.concurrent.FutureTask<>(() -> {
        brex.users().me();
        return null;
      });
      Thread t = new Thread(task, "brexsync-credential-check");
      t.setDaemon(true);
      t.start();
      return new CredentialCheck(task);
    }

    /**
     * {@link #await()}, making the Brex client's Jackson mapper first when the answer is not in yet:
     * the answer is read with it, and this thread has nothing else to do meanwhile.
     */
    void awaitWarming() {
      if (!task.isDone()) {
        Warmup.brexJson();
      }
      await();
    }

    void await() {
      try {
        task.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new org.brexsync.brex.BrexInterruptedException("interrupted while checking the Brex credentials", e);
      } catch (java.util.concurrent.ExecutionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        if (e.getCause() instanceof Error err) {
          throw err;
        }
        throw new IllegalStateException(e.getCause());
      }
    }
  }

  /** A finished run: its report, and the report file when one was written. */
  private static final class Run {
    final SyncReport report;
    final Optional<ReportFile> file;
    final Optional<RuntimeException> fileFailure;

    Run(SyncReport report, Optional<ReportFile> file, Optional<RuntimeException> fileFailure) {
      this.report = report;
      this.file = file;
      this.fileFailure = fileFailure;
    }

    /** Prints the report and says where the file is; a file that could not be written fails the command after. */
    void print(CliContext ctx) {
      ctx.out().print(Reports.table(report, file));
      file.ifPresent(f -> ctx.out().printf(Locale.ROOT, "Report written to %s (%s, every reported record: %d)%n", f.target(),
          Reports.format(f.target()).toUpperCase(Locale.ROOT), f.rows()));
      ctx.out().flush();
      fileFailure.ifPresent(e -> {
        throw e;
      });
    }
  }

  private Run run(Connections c, Integration integration, UserSink sink, SyncStateStore state, Optional<Long> expected,
      Optional<Path> reportFile) {
    Progress progress = new Progress(ctx.err(), ctx.terminal(), expected);
    Optional<ReportFile> file = reportFile.map(f -> ReportFile.start(f, Reports.format(f)));
    try {
      SyncEngine engine = SyncEngine.builder()
          .integration(integration)
          .source(c.userSource())
          .sink(sink)
          .stateStore(state)
          .listener(file.isPresent() ? both(progress, file.get()) : progress)
          .dryRun(dryRun)
          .maxReportedOutcomes(ctx.maxReportedOutcomes())
          .build();
      SyncReport r;
      try {
        r = engine.run();
      } finally {
        progress.finish();
      }
      try {
        file.ifPresent(f -> f.complete(r));
      } catch (RuntimeException e) {
        return new Run(r, Optional.empty(), Optional.of(e));
      }
      return new Run(r, file, Optional.empty());
    } finally {
      file.ifPresent(ReportFile::close);
    }
  }

  private static SyncListener both(SyncListener a, SyncListener b) {
    return new SyncListener() {
      @Override
      public void onProgress(SyncProgress p) {
        a.onProgress(p);
        b.onProgress(p);
      }

      @Override
      public void onRecord(RecordOutcome o) {
        a.onRecord(o);
        b.onRecord(o);
      }
    };
  }

  private static int exitCode(SyncReport r) {
    if (r.status() == RunStatus.SUCCEEDED) {
      return Brexsync.OK;
    }
    if (r.status() == RunStatus.FAILED && r.reason().map(SyncCommand::looksUnreachable).orElse(false)) {
      return Brexsync.UNREACHABLE;
    }
    return Brexsync.FAILED_RECORDS;
  }

  private static boolean looksUnreachable(String reason) {
    String r = reason.toLowerCase(Locale.ROOT);
    return r.contains("401") || r.contains("403") || r.contains("unauthorized") || r.contains("connect") || r.contains("timed out");
  }
}
