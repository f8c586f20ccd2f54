package org.brexsync.examples.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.brexsync.connector.insight.Catalog;
import org.brexsync.connector.insight.Insight;
import org.brexsync.connector.insight.ListView;
import org.brexsync.connector.insight.ReportFormat;
import org.brexsync.examples.Brexsync;
import org.brexsync.examples.ConfigurationException;
import org.brexsync.examples.Connections;
import picocli.CommandLine.Command;
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

  static Insight insight(CliContext ctx, Connections c) {
    Insight.Builder b = Insight.builder().brex(c.brex());
    c.oomnitzaIfConfigured().ifPresent(b::oomnitza);
    if (c.oomnitzaIfConfigured().isEmpty()) {
      ctx.notice("Oomnitza is not configured (" + Connections.OOMNITZA_URL + ", " + Connections.OOMNITZA_API_TOKEN
          + "): insights that join Oomnitza people show n/a.");
    }
    return b.build();
  }

  static Connections connect(CliContext ctx, int sandboxUsers, String what) {
    // Oomnitza is optional here, but half of its configuration is a mistake worth naming.
    boolean url = set(ctx, Connections.OOMNITZA_URL);
    boolean token = set(ctx, Connections.OOMNITZA_API_TOKEN);
    if (url != token) {
      throw new ConfigurationException("incomplete Oomnitza credentials: " + (url ? Connections.OOMNITZA_API_TOKEN
          : Connections.OOMNITZA_URL) + " is not set. Set both " + Connections.OOMNITZA_URL + " and "
          + Connections.OOMNITZA_API_TOKEN + " to join Oomnitza people, or neither.");
    }
    Connections c = ctx.connect(Optional.empty(), url && token, sandboxUsers);
    try {
      SandboxPrep.syncIfSandbox(ctx, c, what);
      return c;
    } catch (RuntimeException e) {
      c.close();
      throw e;
    }
  }

  private static boolean set(CliContext ctx, String name) {
    String v = ctx.env().get(name);
    return v != null && !v.isBlank();
  }

  static Writer open(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null && !Files.isDirectory(parent)) {
        throw new ConfigurationException("cannot write " + file + ": the directory " + parent + " does not exist");
      }
      return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigurationException("cannot write " + file + ": " + e.getMessage(), e);
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
      try (Connections c = connect(ctx, sandboxUsers, "this report")) {
        Insight insight = insight(ctx, c);
        if (out == null) {
          insight.report(v, f, ctx.out());
          ctx.out().flush();
        } else {
          try (Writer w = open(out)) {
            insight.report(v, f, w);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
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

    public Dashboard(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      try (Connections c = connect(ctx, sandboxUsers, "the dashboard")) {
        Insight insight = insight(ctx, c);
        try (Writer w = open(out)) {
          insight.dashboard(w);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
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

    public Insights(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      try (Connections c = connect(ctx, sandboxUsers, "the insights")) {
        Insight insight = insight(ctx, c);
        ctx.out().print(Insight.table(insight.insights()));
        ctx.out().println("List an insight's members with: brexsync report NAME [--format csv|json|html] [--out FILE]");
        return Brexsync.OK;
      }
    }
  }
}
