package org.brexsync.cli.internal;

import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;
import org.brexsync.connector.Integration;
import org.brexsync.cli.Connections;

/** What a CLI invocation runs with: environment, streams, whether stdout is a terminal, retries, how to wait for Ctrl-C. */
public final class CliContext {
  private final Map<String, String> env;
  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean terminal;
  private final boolean retries;
  private final Runnable awaitInterrupt;
  private final int maxReportedOutcomes;

  public CliContext(Map<String, String> env, PrintWriter out, PrintWriter err, boolean terminal, boolean retries,
      Runnable awaitInterrupt, int maxReportedOutcomes) {
    this.maxReportedOutcomes = maxReportedOutcomes;
    this.env = Map.copyOf(env);
    this.out = out;
    this.err = err;
    this.terminal = terminal;
    this.retries = retries;
    this.awaitInterrupt = awaitInterrupt;
  }

  public Map<String, String> env() {
    return env;
  }

  public PrintWriter out() {
    return out;
  }

  public PrintWriter err() {
    return err;
  }

  /** Whether output goes to an interactive terminal (progress bar instead of plain lines). */
  public boolean terminal() {
    return terminal;
  }

  /** Outcomes a sync keeps in memory for its report object. */
  public int maxReportedOutcomes() {
    return maxReportedOutcomes;
  }

  /** Blocks until the operator presses Ctrl-C. */
  public void awaitInterrupt() {
    awaitInterrupt.run();
  }

  /**
   * Connections for this invocation; says on stderr which Brex and Oomnitza endpoints the command
   * talks to (never a token).
   */
  public Connections connect(Optional<Integration> integration, boolean requireOomnitza, int sandboxUsers,
      EndpointOptions endpoints) {
    return connect(integration, requireOomnitza, sandboxUsers, endpoints, brex -> { });
  }

  /**
   * {@link #connect(Optional, boolean, int, EndpointOptions)}, giving {@code brexBuilt} the Brex client
   * of real connections as soon as it exists (see {@link Connections.Builder#whenBrexBuilt}).
   */
  public Connections connect(Optional<Integration> integration, boolean requireOomnitza, int sandboxUsers,
      EndpointOptions endpoints, java.util.function.Consumer<org.brexsync.brex.BrexClient> brexBuilt) {
    Connections c = Connections.builder()
        .whenBrexBuilt(brexBuilt)
        .environment(env)
        .integration(integration)
        .requireOomnitza(requireOomnitza)
        .sandboxUsers(sandboxUsers)
        .retries(retries)
        .brexUrl(endpoints.brexUrl())
        .oomnitzaUrl(endpoints.oomnitzaUrl())
        .allowPlainHttp(endpoints.allowPlainHttp())
        .open();
    notice("Endpoints: " + c.describeEndpoints());
    return c;
  }

  /** Whether an environment variable is set to something. */
  public boolean isSet(String name) {
    String v = env.get(name);
    return v != null && !v.isBlank();
  }

  /** Prints a notice line to stderr (kept off stdout so JSON output stays clean). */
  public void notice(String line) {
    err.println(line);
    err.flush();
  }
}
