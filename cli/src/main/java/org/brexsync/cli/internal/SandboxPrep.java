package org.brexsync.cli.internal;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.brexsync.cli.ConfigurationException;
import org.brexsync.connector.state.InMemorySyncStateStore;
import org.brexsync.connector.sync.RunStatus;
import org.brexsync.connector.sync.SyncEngine;
import org.brexsync.connector.sync.SyncReport;
import org.brexsync.cli.Connections;
import org.brexsync.testkit.Sandbox;

/**
 * The CLI's sandbox: the testkit's {@link Sandbox} with the Oomnitza fields the Brex workflow presets
 * write back, and, for commands that work on Oomnitza people linked to Brex users (workflows,
 * insights), a silent sync with the built-in integration first, so every person carries
 * {@code brex_user_id}, with a notice on stderr that says so.
 */
public final class SandboxPrep {
  /**
   * Custom Oomnitza user fields the CLI's sandbox registers besides {@code brex_user_id}: the fields
   * the Brex workflow presets write their results back to.
   */
  public static final List<String> WORKFLOW_FIELDS =
      List.of("api_response", "brex_status", "brex_user_card_id", "brex_card_status");

  private SandboxPrep() {}

  /**
   * Starts the CLI's sandbox (ports 0 = any free port).
   *
   * @param preloadOomnitza whether Oomnitza already holds every third person
   * @throws ConfigurationException for a size or port out of range, or a port that cannot be bound
   */
  public static Sandbox start(int users, int brexPort, int oomnitzaPort, boolean preloadOomnitza) {
    try {
      Sandbox.Builder b = Sandbox.builder().users(users).brexPort(brexPort).oomnitzaPort(oomnitzaPort)
          .preloadOomnitza(preloadOomnitza);
      WORKFLOW_FIELDS.forEach(b::customField);
      return b.start();
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw new ConfigurationException("cannot start the sandbox: " + e.getCause().getMessage(), e);
    }
  }

  /** Runs the silent sync when {@code c} is the sandbox; otherwise does nothing. */
  static void syncIfSandbox(CliContext ctx, Connections c, String what) {
    if (!c.isSandbox()) {
      return;
    }
    Sandbox s = c.sandbox().orElseThrow();
    ctx.notice("SANDBOX: no credentials are set (" + Connections.BREX_API_TOKEN + ", " + Connections.OOMNITZA_URL
        + ", " + Connections.OOMNITZA_API_TOKEN + "); using the built-in simulators of Brex (" + s.brexUri()
        + ") and Oomnitza (" + s.oomnitzaUri() + ") for " + what + ".");
    SyncReport r = SyncEngine.builder()
        .integration(Integrations.defaultIntegration(Integrations.SANDBOX_ROLE))
        .source(c.userSource())
        .sink(c.userSink())
        .stateStore(InMemorySyncStateStore.create())
        .build()
        .run();
    if (r.status() != RunStatus.SUCCEEDED) {
      throw new IllegalStateException("the sandbox's preparatory sync did not succeed: " + r.reason().orElse(r.status().name()));
    }
    ctx.notice(String.format(Locale.ROOT, "SANDBOX: ran a silent sync first (%d Brex users, %d cards), so the %d Oomnitza "
        + "people carry brex_user_id (their username is the Brex user id).", s.company().size(), s.cardCount(),
        s.oomnitza().userCount()));
  }
}
