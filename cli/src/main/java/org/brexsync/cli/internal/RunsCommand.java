package org.brexsync.cli.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.brexsync.cli.Brexsync;
import org.brexsync.cli.ConfigurationException;
import org.brexsync.connector.port.RunHistory;
import org.brexsync.connector.port.RunRecord;
import org.brexsync.connector.state.FileRunHistory;
import org.brexsync.jdbc.BrexsyncDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code brexsync runs list}: the run history of {@code brexsync serve}, like Oomnitza's connector run logs. */
@Command(
    name = "runs",
    mixinStandardHelpOptions = true,
    description = "The run history of 'brexsync serve' (every worker's, with " + Database.URL + ").",
    subcommands = {RunsCommand.List.class})
public final class RunsCommand implements Runnable {
  @Override
  public void run() {
    throw new ConfigurationException("missing subcommand: list");
  }

  /** {@code brexsync runs list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = {
        "Lists the most recent runs, newest first: run id, integration, worker, start, end, status, counts and the "
            + "reason of a failure.",
        "",
        "Reads PostgreSQL when " + Database.URL + " is set (as 'serve' does), else the run history file of --state-dir."
      })
  public static final class List implements Callable<Integer> {
    private static final com.fasterxml.jackson.databind.ObjectMapper LINES = com.fasterxml.jackson.databind.json.JsonMapper.builder()
        .addModule(new com.fasterxml.jackson.datatype.jdk8.Jdk8Module())
        .addModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
        .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .build();
    private final CliContext ctx;

    @Option(names = "--integration", paramLabel = "NAME", description = "Only this integration's runs.")
    String integration;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "At most N runs (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--state-dir", paramLabel = "DIR", defaultValue = "brexsync-state",
        description = "Embedded mode: the state folder of 'serve' (default: ${DEFAULT-VALUE}).")
    Path stateDir;

    @Option(names = "--json", description = "One JSON document per line instead of a table.")
    boolean json;

    public List(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
      if (limit < 1) {
        throw new ConfigurationException("--limit must be at least 1, got " + limit);
      }
      java.util.List<RunRecord> runs;
      if (Database.configured(ctx)) {
        try (BrexsyncDatabase db = Database.open(ctx, false, 2, "brexsync runs list")) {
          ctx.notice("Run history: " + db.describe());
          runs = db.runHistory().recent(Optional.ofNullable(integration), limit);
        }
      } else {
        RunHistory h = FileRunHistory.inStateDirectory(stateDir);
        ctx.notice("Run history: " + ((FileRunHistory) h).file());
        runs = h.recent(Optional.ofNullable(integration), limit);
      }
      if (json) {
        for (RunRecord r : runs) {
          ctx.out().println(LINES.writeValueAsString(r));
        }
        return Brexsync.OK;
      }
      Table t = new Table("RUN", "INTEGRATION", "KIND", "WORKER", "STARTED", "DURATION", "STATUS", "CREATED", "UPDATED",
          "UNCHANGED", "SKIPPED", "FAILED", "REASON").right(7).right(8).right(9).right(10).right(11);
      for (RunRecord r : runs) {
        t.row(r.runId(), r.integration(), r.kind(), r.worker(), r.startedAt(),
            r.finishedAt().map(f -> format(Duration.between(r.startedAt(), f))).orElse("-"), r.status(), r.created(),
            r.updated(), r.unchanged(), r.skipped(), r.failed(), r.reason().orElse(""));
      }
      ctx.out().print(t.render());
      if (runs.isEmpty()) {
        ctx.out().println("(no runs recorded yet)");
      }
      return Brexsync.OK;
    }

    private static String format(Duration d) {
      return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
  }
}
