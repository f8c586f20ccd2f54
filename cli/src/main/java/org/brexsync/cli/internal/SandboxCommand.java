package org.brexsync.cli.internal;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.brexsync.cli.Brexsync;
import org.brexsync.cli.Connections;
import org.brexsync.testkit.Sandbox;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code brexsync sandbox}: runs both simulators until Ctrl-C. */
@Command(name = "sandbox", mixinStandardHelpOptions = true, description = {
    "Starts simulated Brex and Oomnitza on loopback, seeded with a synthetic company, prints their URLs "
        + "and tokens, and runs until Ctrl-C. Point any brexsync command (or your own code) at them."})
public final class SandboxCommand implements Callable<Integer> {
  private final CliContext ctx;

  @Option(names = "--users", paramLabel = "N", defaultValue = "500", description = "Users of the synthetic company (default: ${DEFAULT-VALUE}).")
  int users;

  @Option(names = "--brex-port", paramLabel = "PORT", defaultValue = "0", description = "Port of simulated Brex (default: any free port).")
  int brexPort;

  @Option(names = "--oomnitza-port", paramLabel = "PORT", defaultValue = "0", description = "Port of simulated Oomnitza (default: any free port).")
  int oomnitzaPort;

  @Option(names = "--empty-oomnitza", description = "Start Oomnitza without people (default: it holds every third person).")
  boolean emptyOomnitza;

  @Option(names = "--no-wait", hidden = true, description = "Print and stop at once (tests).")
  boolean noWait;

  public SandboxCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    if (brexPort < 0 || brexPort > 65535 || oomnitzaPort < 0 || oomnitzaPort > 65535) {
      throw new org.brexsync.cli.ConfigurationException("ports must be within 0..65535");
    }
    try (Sandbox s = SandboxPrep.start(users, brexPort, oomnitzaPort, !emptyOomnitza)) {
      var out = ctx.out();
      out.printf(Locale.ROOT, "brexsync sandbox: simulated Brex and Oomnitza are running (%s, %d users, %d cards; Oomnitza holds %d people).%n",
          s.company().spec().name(), s.company().size(), s.cardCount(), s.oomnitza().userCount());
      out.println();
      out.println("  Brex API      " + s.brexUri() + "   token " + s.brexToken());
      out.println("  Oomnitza API  " + s.oomnitzaUri() + "   token " + s.oomnitzaToken());
      out.println();
      out.println("In another terminal:");
      out.println("  export " + Connections.BREX_BASE_URL + "=" + s.brexUri());
      out.println("  export " + Connections.BREX_API_TOKEN + "=" + s.brexToken());
      out.println("  export " + Connections.OOMNITZA_URL + "=" + s.oomnitzaUri());
      out.println("  export " + Connections.OOMNITZA_API_TOKEN + "=" + s.oomnitzaToken());
      out.println("  java -jar cli/target/brexsync.jar sync --role " + Integrations.SANDBOX_ROLE);
      out.println();
      if (noWait) {
        out.flush();
        return Brexsync.OK;
      }
      out.println("Press Ctrl-C to stop.");
      out.flush();
      ctx.awaitInterrupt();
      return Brexsync.OK;
    }
  }
}
