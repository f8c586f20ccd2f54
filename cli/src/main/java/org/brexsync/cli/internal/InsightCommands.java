package org.brexsync.cli.internal;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.brexsync.connector.insight.Catalog;
import org.brexsync.connector.insight.Insight;
import org.brexsync.connector.insight.ListView;
import org.brexsync.connector.insight.ReportFormat;
import org.brexsync.cli.Brexsync;
import org.brexsync.cli.ConfigurationException;
import org.brexsync.cli.Connections;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code brexsync report}, {@code brexsync dashboard} and {@code brexsync insights}: connector-core's
 * insight views over Brex users and cards, joined with Oomnitza people when Oomnitza is configured.
 */
public final class InsightCommands {
  private InsightCommands() {}

  /** The views and insights {@code report} accepts, for help texts. */
  public static final class ViewNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Catalog.names().iterator();
    }
  }

  static Insight insight(CliContext ctx, Connections c, Progress progress) {
    Insight.Builder b = Insight.builder().brex(c.brex()).progress(progress.listener());
    c.oomnitzaIfConfigured().ifPresent(b::oomnitza);
    if (c.oomnitzaIfConfigured().isEmpty()) {
      ctx.notice("Oomnitza is not configured (" + Connections.OOMNITZA_URL + ", " + Connections.OOMNITZA_API_TOKEN
          + "): insights that join Oomnitza people show n/a.");
    }
    return b.build();
  }

  static Connections connect(CliContext ctx, int sandboxUsers, String what, EndpointOptions endpoints) {
    // Oomnitza is optional here, but half of its configuration is a mistake worth naming.
    boolean url = ctx.isSet(Connections.OOMNITZA_URL) || endpoints.oomnitzaUrl().isPresent();
    boolean token = ctx.isSet(Connections.OOMNITZA_API_TOKEN);
    if (url != token) {
      throw new ConfigurationException("incomplete Oomnitza credentials: " + (url ? Connections.OOMNITZA_API_TOKEN
          : Connections.OOMNITZA_URL + " (or --oomnitza-url)") + " is not set. Set both " + Connections.OOMNITZA_URL + " and "
          + Connections.OOMNITZA_API_TOKEN + " to join Oomnitza people, or neither.");
    }
    Connections c = ctx.connect(Optional.empty(), url && token, sandboxUsers, endpoints);
    try {
      SandboxPrep.syncIfSandbox(ctx, c, what);
      return c;
    } catch (RuntimeException e) {
      c.close();
      throw e;
    }
  }

  /** Runs {@code body} with a progress display that is ended whatever happens. */
  static <T> T withProgress(CliContext ctx, java.util.function.Function<Progress, T> body) {
    Progress progress = new Progress(ctx.err(), ctx.terminal());
    try {
      return body.apply(progress);
    } finally {
      progress.finish();
    }
  }

  /** {@code brexsync report}. */
  @Command(name = "report", mixinStandardHelpOptions = true,
      description = {"Writes a list view of Brex users or cards (joined with Oomnitza people when configured) as CSV, JSON or HTML.",
          "Without credentials: the sandbox (a silent sync runs first so Oomnitza holds the people).",
          "Exit codes: 0 ok, 2 unknown view or format, 3 unreachable or auth."})
  public static final class Report implements Callable<Integer> {
    private final CliContext ctx;

    @Parameters(index = "0", paramLabel = "VIEW", completionCandidates = ViewNames.class,
        description = {"A built-in view or insight: ${COMPLETION-CANDIDATES};", "or the JSON text of a view."})
    String view;

    @Option(names = "--format", paramLabel = "csv|json|html", description = "Output format (default: the --out file's extension, else csv).")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path out;

    @Option(names = "--sandbox-users", paramLabel = "N", defaultValue = "500", description = "Users of the sandbox company (default: ${DEFAULT-VALUE}).")
    int sandboxUsers;

    @Mixin EndpointOptions endpoints;

    public Report(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      ReportFormat f = format();
      ListView v;
      try {
        v = Catalog.resolve(view);
      } catch (IllegalArgumentException | IllegalStateException e) {
        throw new ConfigurationException(e.getMessage(), e);
      }
      if (out != null) {
        OutputFile.check(out, "--out", false);
      }
      try (Connections c = connect(ctx, sandboxUsers, "this report", endpoints)) {
        withProgress(ctx, progress -> {
          Insight insight = insight(ctx, c, progress);
          if (out == null) {
            insight.report(v, f, ctx.out());
            ctx.out().flush();
          } else {
            // Written beside the target and moved into place only when complete.
            OutputFile.write(out, w -> insight.report(v, f, w));
          }
          return null;
        });
        if (out != null) {
          ctx.out().println("Report '" + v.name() + "' written to " + out + " (" + f.name() + ")");
        }
        return Brexsync.OK;
      }
    }

    private ReportFormat format() {
      String name = format;
      if (name == null && out != null) {
        String file = out.getFileName().toString().toLowerCase(Locale.ROOT);
        name = file.endsWith(".json") ? "json" : file.endsWith(".html") || file.endsWith(".htm") ? "html" : "csv";
      }
      if (name == null) {
        return ReportFormat.CSV;
      }
      try {
        return ReportFormat.parse(name);
      } catch (IllegalArgumentException e) {
        throw new ConfigurationException(e.getMessage(), e);
      }
    }
  }

  /** {@code brexsync dashboard}. */
  @Command(name = "dashboard", mixinStandardHelpOptions = true,
      description = {"Writes a one-page HTML dashboard: KPI tiles, charts (inline SVG), insight counts and member lists; prints on A4.",
          "Without credentials: the sandbox (a silent sync runs first so Oomnitza holds the people)."})
  public static final class Dashboard implements Callable<Integer> {
    private final CliContext ctx;

    @Option(names = "--out", paramLabel = "FILE.html", required = true, description = "The HTML file to write.")
    Path out;

    @Option(names = "--sandbox-users", paramLabel = "N", defaultValue = "500", description = "Users of the sandbox company (default: ${DEFAULT-VALUE}).")
    int sandboxUsers;

    @Mixin EndpointOptions endpoints;

    public Dashboard(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      OutputFile.check(out, "--out", false);
      try (Connections c = connect(ctx, sandboxUsers, "the dashboard", endpoints)) {
        withProgress(ctx, progress -> {
          Insight insight = insight(ctx, c, progress);
          OutputFile.write(out, insight::dashboard);
          return null;
        });
        ctx.out().println("Dashboard written to " + out + " (open it in a browser; it prints on one A4 page per section)");
        return Brexsync.OK;
      }
    }
  }

  /** {@code brexsync insights}. */
  @Command(name = "insights", mixinStandardHelpOptions = true,
      description = {"Counts what each built-in insight rule finds (cost, risk, hygiene) and prints them as a table.",
          "'brexsync report NAME' lists an insight's members.",
          "Without credentials: the sandbox (a silent sync runs first so Oomnitza holds the people)."})
  public static final class Insights implements Callable<Integer> {
    private final CliContext ctx;

    @Option(names = "--sandbox-users", paramLabel = "N", defaultValue = "500", description = "Users of the sandbox company (default: ${DEFAULT-VALUE}).")
    int sandboxUsers;

    @Mixin EndpointOptions endpoints;

    public Insights(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      try (Connections c = connect(ctx, sandboxUsers, "the insights", endpoints)) {
        var found = withProgress(ctx, progress -> insight(ctx, c, progress).insights());
        ctx.out().print(Insight.table(found));
        ctx.out().println("List an insight's members with: brexsync report NAME [--format csv|json|html] [--out FILE]");
        return Brexsync.OK;
      }
    }
  }
}
