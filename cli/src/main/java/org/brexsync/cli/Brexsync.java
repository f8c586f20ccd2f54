package org.brexsync.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import org.brexsync.cli.internal.CardsCommand;
import org.brexsync.cli.internal.CliContext;
import org.brexsync.cli.internal.Errors;
import org.brexsync.cli.internal.InsightCommands;
import org.brexsync.cli.internal.IntegrationCommand;
import org.brexsync.cli.internal.RunsCommand;
import org.brexsync.cli.internal.SandboxCommand;
import org.brexsync.cli.internal.ServeCommand;
import org.brexsync.cli.internal.SyncCommand;
import org.brexsync.cli.internal.UsersCommand;
import org.brexsync.cli.internal.WorkflowCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code brexsync} command line: {@code sync}, {@code users list}, {@code cards list},
 * {@code integration validate|suggest-mapping}, {@code workflow run|offboard|presets},
 * {@code report}, {@code dashboard}, {@code insights}, {@code sandbox}, {@code serve} and {@code runs list}. Exit codes: {@value #OK} ok,
 * {@value #FAILED_RECORDS} the run finished with failed records, {@value #USAGE} bad usage or
 * configuration, {@value #UNREACHABLE} Brex or Oomnitza could not be reached or refused the credentials.
 *
 * <p>Embed or test it in-process with {@link #runner()}:
 * <pre>{@code
 * int code = Brexsync.runner().environment(Map.of()).out(out).err(err).execute("users", "list");
 * }</pre>
 */
@Command(
    name = "brexsync",
    mixinStandardHelpOptions = true,
    versionProvider = Brexsync.Version.class,
    description = {
      "Syncs Brex users into Oomnitza, runs Brex workflows over Oomnitza people, and reports on Brex users and cards.",
      "",
      "Credentials come from BREX_API_TOKEN, BREX_BASE_URL (default Brex production), OOMNITZA_URL and "
          + "OOMNITZA_API_TOKEN. With none of them set, every command runs against the built-in sandbox "
          + "(simulated Brex and Oomnitza with a synthetic company)."
    },
    footer = {
      "",
      "Exit codes: 0 ok, 1 run finished with failed records, 2 bad usage or configuration, "
          + "3 could not reach or authenticate to Brex or Oomnitza."
    })
public final class Brexsync implements Runnable {
  /**
   * The commands by name, in help order. Building picocli's model of a command reads its annotations
   * through reflection; building all of them (the workflow and insight commands have many options)
   * took most of the time before a sync's first request, so a command line builds only its own.
   */
  private static final Map<String, Class<?>> COMMANDS = commands();

  private static Map<String, Class<?>> commands() {
    Map<String, Class<?>> m = new java.util.LinkedHashMap<>();
    m.put("sync", SyncCommand.class);
    m.put("users", UsersCommand.class);
    m.put("cards", CardsCommand.class);
    m.put("integration", IntegrationCommand.class);
    m.put("workflow", WorkflowCommand.class);
    m.put("report", InsightCommands.Report.class);
    m.put("dashboard", InsightCommands.Dashboard.class);
    m.put("insights", InsightCommands.Insights.class);
    m.put("sandbox", SandboxCommand.class);
    m.put("serve", ServeCommand.class);
    m.put("runs", RunsCommand.class);
    m.put("help", CommandLine.HelpCommand.class);
    return java.util.Collections.unmodifiableMap(m);
  }

  /** Success. */
  public static final int OK = 0;
  /** The run finished, but some records failed. */
  public static final int FAILED_RECORDS = 1;
  /** Bad usage or configuration. */
  public static final int USAGE = 2;
  /** Brex or Oomnitza could not be reached or refused the credentials. */
  public static final int UNREACHABLE = 3;

  @Spec CommandSpec spec;

  private Brexsync() {}

  /** Runs the CLI with the process environment and exits with its exit code. */
  public static void main(String[] args) {
    org.brexsync.cli.internal.Warmup.start(args, System.getenv());
    CountDownLatch stopped = new CountDownLatch(1);
    CountDownLatch finished = new CountDownLatch(1);
    // SIGTERM or Ctrl-C: tell the command (serve, sandbox) to stop, and keep the JVM up until it has
    // (serve cancels or finishes its runs and records them), bounded so a hung stop cannot hold it forever.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      stopped.countDown();
      try {
        finished.await(15, java.util.concurrent.TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "brexsync-shutdown"));
    Charset cs = System.console() != null ? System.console().charset() : Charset.defaultCharset();
    int code = runner()
        .environment(System.getenv())
        .out(new PrintWriter(new java.io.OutputStreamWriter(System.out, cs), true))
        .err(new PrintWriter(new java.io.OutputStreamWriter(System.err, cs), true))
        .terminal(System.console() != null)
        .awaitInterrupt(() -> {
          try {
            stopped.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        })
        .execute(args);
    finished.countDown();
    System.exit(code);
  }

  /** A runner for in-process use (tests, embedding). */
  public static Runner runner() {
    return new Runner();
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command: choose one of "
        + String.join(", ", spec.subcommands().keySet()));
  }

  /** Configures and runs one CLI invocation. */
  public static final class Runner {
    private Map<String, String> env = Map.of();
    private PrintWriter out = new PrintWriter(System.out, true);
    private PrintWriter err = new PrintWriter(System.err, true);
    private boolean terminal;
    private boolean retries = true;
    private Runnable awaitInterrupt = () -> {};
    private int maxReportedOutcomes = org.brexsync.connector.sync.SyncEngine.DEFAULT_MAX_REPORTED_OUTCOMES;

    private Runner() {}

    /** The environment variables the CLI sees (default none: the sandbox). */
    public Runner environment(Map<String, String> env) {
      this.env = Objects.requireNonNull(env, "env");
      return this;
    }

    /** Standard output. */
    public Runner out(PrintWriter out) {
      this.out = Objects.requireNonNull(out, "out");
      return this;
    }

    /** Standard error (notices, progress, errors). */
    public Runner err(PrintWriter err) {
      this.err = Objects.requireNonNull(err, "err");
      return this;
    }

    /** Whether output goes to an interactive terminal: a progress bar instead of plain lines (default false). */
    public Runner terminal(boolean terminal) {
      this.terminal = terminal;
      return this;
    }

    /** Whether the clients retry transient failures (default true). */
    public Runner retries(boolean retries) {
      this.retries = retries;
      return this;
    }

    /**
     * Outcomes a sync keeps in memory for its report object and console table (default
     * {@value org.brexsync.connector.sync.SyncEngine#DEFAULT_MAX_REPORTED_OUTCOMES}); the
     * {@code --report} file always gets every one.
     */
    public Runner maxReportedOutcomes(int max) {
      if (max < 0) {
        throw new IllegalArgumentException("maxReportedOutcomes must be >= 0");
      }
      this.maxReportedOutcomes = max;
      return this;
    }

    /** How {@code brexsync sandbox} waits for Ctrl-C (default: it does not wait). */
    public Runner awaitInterrupt(Runnable await) {
      this.awaitInterrupt = Objects.requireNonNull(await, "await");
      return this;
    }

    /** Runs the command line and returns its exit code. */
    public int execute(String... args) {
      CliContext ctx = new CliContext(env, out, err, terminal, retries, awaitInterrupt, maxReportedOutcomes);
      CommandLine cmd = commandLine(ctx, args);
      cmd.setOut(out);
      cmd.setErr(err);
      cmd.setExecutionExceptionHandler(new Errors(ctx));
      cmd.setParameterExceptionHandler(Errors::usage);
      try {
        return cmd.execute(args);
      } finally {
        out.flush();
        err.flush();
      }
    }
  }

  /**
   * The command line for {@code args}: with the one command it names (help "brexsync sync --help"
   * and errors within a command need no other), or every command when it names none ("brexsync",
   * "brexsync --help", a misspelt command, which picocli answers with the list and suggestions).
   */
  static CommandLine commandLine(CliContext ctx, String... args) {
    CommandLine cmd = new CommandLine(new Brexsync(), new Factory(ctx));
    Class<?> named = args.length > 0 && !args[0].equals("help") ? COMMANDS.get(args[0]) : null;
    for (Map.Entry<String, Class<?>> c : COMMANDS.entrySet()) {
      if (named == null || c.getValue() == named) {
        cmd.addSubcommand(c.getKey(), c.getValue());
      }
    }
    return cmd;
  }

  /** Creates commands, giving those that take one the invocation's context. */
  private static final class Factory implements CommandLine.IFactory {
    private final CliContext ctx;

    Factory(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
      try {
        return cls.getDeclaredConstructor(CliContext.class).newInstance(ctx);
      } catch (NoSuchMethodException e) {
        if (cls == Brexsync.class) {
          return cls.cast(new Brexsync());
        }
        return CommandLine.defaultFactory().create(cls);
      }
    }
  }

  /** The version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Brexsync.class.getPackage().getImplementationVersion();
      return new String[] {"brexsync " + (v == null ? "(development build)" : v)};
    }
  }
}
