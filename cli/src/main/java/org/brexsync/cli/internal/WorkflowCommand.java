package org.brexsync.cli.internal;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.brexsync.connector.ProgressListener;
import org.brexsync.connector.workflow.ApiBlock;
import org.brexsync.connector.workflow.FilterExpression;
import org.brexsync.connector.workflow.OffboardingWorkflow;
import org.brexsync.connector.workflow.Presets;
import org.brexsync.connector.workflow.RunOptions;
import org.brexsync.connector.workflow.Target;
import org.brexsync.connector.workflow.Workflow;
import org.brexsync.connector.workflow.WorkflowException;
import org.brexsync.connector.workflow.WorkflowReport;
import org.brexsync.connector.workflow.WorkflowRunner;
import org.brexsync.connector.workflow.WorkflowStep;
import org.brexsync.cli.Brexsync;
import org.brexsync.cli.ConfigurationException;
import org.brexsync.cli.Connections;
import org.brexsync.oomnitza.filter.Filter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code brexsync workflow}: Brex workflows (presets, offboarding) over Oomnitza people. */
@Command(name = "workflow", mixinStandardHelpOptions = true,
    description = {"Runs Brex workflows over Oomnitza people: a preset per record, or offboarding.",
        "Without credentials: the sandbox (a silent sync runs first so people carry brex_user_id)."},
    subcommands = {WorkflowCommand.Run.class, WorkflowCommand.Offboard.class, WorkflowCommand.ListPresets.class})
public final class WorkflowCommand implements Runnable {
  /** One-line descriptions of the built-in presets, for {@code workflow presets}. */
  static final Map<String, String> DESCRIPTIONS = descriptions();

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing command: choose 'run', 'offboard' or 'presets'");
  }

  private static Map<String, String> descriptions() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("brex-get-user-details", "reads the person's Brex user; writes brex_status and api_response");
    m.put("brex-invite-user", "invites the person to Brex (first/last name, email); writes brex_user_id and brex_status");
    m.put("brex-activate-user", "sets the person's Brex user ACTIVE; writes brex_status");
    m.put("brex-deactivate-user", "sets the person's Brex user DISABLED; writes brex_status");
    m.put("brex-list-user-cards", "lists the person's Brex cards; writes the first card's id to brex_user_card_id");
    m.put("brex-lock-card", "locks the card in brex_user_card_id (needs --set card_reason=...); writes brex_card_status");
    m.put("brex-terminate-card", "terminates the card in brex_user_card_id (needs --set card_reason=...); writes brex_card_status");
    m.put("brex-create-user-card", "creates a card for the person (needs --set card_name=... [card_type, spend_controls, ...])");
    return Map.copyOf(m);
  }

  static void printReport(CliContext ctx, Connections c, WorkflowReport r, boolean json) {
    if (json) {
      ctx.out().println(r.toJson());
    } else {
      String text = r.render();
      ctx.out().print(text.endsWith("\n") ? text : text + System.lineSeparator());
    }
    if (r.records().isEmpty()) {
      ctx.notice("No Oomnitza person matched, so nothing was run.");
    }
    if (c.isSandbox()) {
      ctx.notice("That was the SANDBOX. Set " + Connections.BREX_API_TOKEN + ", " + Connections.OOMNITZA_URL + " and "
          + Connections.OOMNITZA_API_TOKEN + " to run workflows on real data (try --dry-run first).");
    }
  }

  static Filter filter(String expression) {
    try {
      return FilterExpression.parse(expression);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException("bad --filter: " + e.getMessage(), e);
    }
  }

  static void checkReachable(Connections c) {
    if (!c.isSandbox()) {
      // Fail fast, with exit code 3, when a system cannot be reached or refuses the credentials.
      c.brex().users().me();
      c.oomnitza().verifyCredentials();
    }
  }

  /** Runs the workflow; selection problems become usage errors, unreachable systems exit code 3. */
  static WorkflowReport run(Connections c, Supplier<WorkflowReport> run) {
    try {
      return run.get();
    } catch (WorkflowException e) {
      if (e.getCause() != null && Errors.isUnreachable(e.getCause())) {
        throw (RuntimeException) e.getCause();
      }
      String msg = String.valueOf(e.getMessage());
      if (msg.startsWith("no Oomnitza user with username")) {
        String hint = c.isSandbox() ? " (in the sandbox, usernames are Brex user ids, e.g. '"
            + c.sandbox().orElseThrow().company().userId(0) + "')" : "";
        throw new ConfigurationException(msg + hint, e);
      }
      throw e;
    }
  }

  /**
   * The options and the run that {@code workflow run} and {@code workflow offboard} share, so the two
   * commands connect, check, print and pick exit codes the same way.
   */
  static final class Shared {
    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Option(names = "--config", paramLabel = "FILE", description = "An integration document whose connections name the token variables and base URLs (as for 'sync').")
    Path config;

    @Option(names = "--sandbox-users", paramLabel = "N", defaultValue = "500", description = "Users of the sandbox company (default: ${DEFAULT-VALUE}).")
    int sandboxUsers;

    @picocli.CommandLine.Mixin EndpointOptions endpoints;

    /**
     * Connects, fails fast when a system is unreachable, syncs the sandbox first (naming {@code what}),
     * then runs the job {@code prepare} builds for the connections and prints its report.
     */
    int run(CliContext ctx, String what, BiFunction<Connections, ProgressListener, Supplier<WorkflowReport>> prepare) {
      try (Connections c = ctx.connect(Integrations.read(Optional.ofNullable(config)), true, sandboxUsers, endpoints)) {
        checkReachable(c);
        SandboxPrep.syncIfSandbox(ctx, c, what);
        Progress progress = new Progress(ctx.err(), ctx.terminal());
        WorkflowReport r;
        try {
          Supplier<WorkflowReport> job = prepare.apply(c, progress.listener());
          r = WorkflowCommand.run(c, job);
        } finally {
          progress.finish();
        }
        printReport(ctx, c, r, json);
        return r.ok() ? Brexsync.OK : Brexsync.FAILED_RECORDS;
      }
    }
  }

  /** {@code brexsync workflow run}. */
  @Command(name = "run", mixinStandardHelpOptions = true,
      description = {"Runs a Brex preset for one Oomnitza person (--user) or every person a filter selects (--filter).",
          "Each record's result is written back to its Oomnitza fields (api_response, brex_status, ...).",
          "Presets: see 'brexsync workflow presets'; PRESET may also be a file with an edited API block (JSON).",
          "Filter: e.g. \"brex_user_id is not null and suspended eq true\", \"username in ('a', 'b')\".",
          "Exit codes: 0 every record succeeded, 1 some failed, 2 bad preset/filter/--set, 3 unreachable or auth."})
  public static final class Run implements Callable<Integer> {
    private final CliContext ctx;

    @Parameters(index = "0", paramLabel = "PRESET", description = "A preset name (see 'brexsync workflow presets') or a JSON file of an API block.")
    String preset;

    @Option(names = "--user", paramLabel = "USERNAME", description = "The Oomnitza username of the one person to run for.")
    String user;

    @Option(names = "--filter", paramLabel = "EXPR", description = "An Oomnitza filter selecting the people to run for.")
    String filter;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "A workflow variable (repeatable); values starting with { or [ are JSON, e.g. card_reason=DO_NOT_NEED_VIRTUAL_CARD.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--dry-run", description = "Show the requests each record would send (tokens redacted); send and write nothing.")
    boolean dryRun;

    @Option(names = "--typed", description = "Use brex-client's typed action for the preset instead of the JSON API block.")
    boolean typed;

    @Mixin Shared shared;

    public Run(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      if ((user == null) == (filter == null)) {
        throw new ConfigurationException(user == null
            ? "choose whom to run for: --user USERNAME or --filter EXPR"
            : "give either --user or --filter, not both");
      }
      if (user != null && user.isBlank()) {
        throw new ConfigurationException("--user needs an Oomnitza username");
      }
      RunOptions.Builder o = RunOptions.builder().dryRun(dryRun);
      for (String s : sets) {
        try {
          o.setAssignment(s);
        } catch (IllegalArgumentException e) {
          throw new ConfigurationException("bad --set: " + e.getMessage(), e);
        }
      }
      RunOptions options = o.build();
      Target target = user != null ? Target.username(user) : Target.filter(filter(filter));
      WorkflowStep step = step();
      return shared.run(ctx, "this workflow", (c, progress) -> {
        WorkflowRunner runner = c.workflowRunner(progress);
        return () -> runner.run(Workflow.of(name(), step), target, options);
      });
    }

    private String name() {
      return Presets.names().contains(preset) ? preset : Path.of(preset).getFileName().toString();
    }

    private WorkflowStep step() {
      if (Presets.names().contains(preset)) {
        return typed ? Presets.typed(preset) : WorkflowStep.of(Presets.load(preset));
      }
      Optional<Path> file = file(preset);
      if (file.isEmpty()) {
        throw new ConfigurationException("unknown preset '" + preset + "'; known: " + String.join(", ", Presets.names())
            + " (or a JSON file of an API block)");
      }
      if (typed) {
        throw new ConfigurationException("--typed needs a built-in preset name, not a file");
      }
      try {
        ApiBlock block = Presets.read(file.get());
        return WorkflowStep.of(block);
      } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
        throw new ConfigurationException("cannot use " + preset + " as an API block: " + e.getMessage(), e);
      }
    }

    private static Optional<Path> file(String name) {
      try {
        Path p = Path.of(name);
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
      } catch (InvalidPathException e) {
        return Optional.empty();
      }
    }
  }

  /** {@code brexsync workflow offboard}. */
  @Command(name = "offboard", mixinStandardHelpOptions = true,
      description = {"Offboards every Oomnitza person a filter selects: deactivates their Brex user and locks "
          + "(or terminates) their cards. Idempotent: already done steps are skipped.",
          "Filter: e.g. \"left_company eq true and brex_user_id is not null\"; in the sandbox try \"suspended eq true\".",
          "Exit codes: 0 every record succeeded, 1 some failed, 2 bad filter, 3 unreachable or auth."})
  public static final class Offboard implements Callable<Integer> {
    private final CliContext ctx;

    @Option(names = "--filter", paramLabel = "EXPR", required = true, description = "An Oomnitza filter selecting the people who left.")
    String filter;

    @Option(names = "--terminate", description = "Terminate the cards (final) instead of locking them (reversible).")
    boolean terminate;

    @Option(names = "--dry-run", description = "Show what would be sent; send and write nothing.")
    boolean dryRun;

    @Mixin Shared shared;

    public Offboard(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      Filter f = filter(filter);
      return shared.run(ctx, "offboarding", (c, progress) -> {
        OffboardingWorkflow w = OffboardingWorkflow.builder().runner(c.workflowRunner(progress))
            .filter(f)
            .cardAction(terminate ? OffboardingWorkflow.CardAction.TERMINATE : OffboardingWorkflow.CardAction.LOCK)
            .build();
        return () -> w.run(dryRun);
      });
    }
  }

  /** {@code brexsync workflow presets}. */
  @Command(name = "presets", mixinStandardHelpOptions = true,
      description = "Lists the built-in Brex presets with a one-line description.")
  public static final class ListPresets implements Callable<Integer> {
    private final CliContext ctx;

    public ListPresets(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      Table t = new Table("PRESET", "CALL", "DESCRIPTION");
      for (String name : Presets.names()) {
        ApiBlock b = Presets.load(name);
        t.row(name, b.method() + " " + b.url(), DESCRIPTIONS.getOrDefault(name, b.name()));
      }
      ctx.out().print(t.render());
      ctx.out().println("Run one with: brexsync workflow run PRESET --user USERNAME|--filter EXPR [--set key=value ...] [--dry-run]");
      return Brexsync.OK;
    }
  }
}
