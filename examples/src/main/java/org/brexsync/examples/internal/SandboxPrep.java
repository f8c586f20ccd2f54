package org.brexsync.examples.internal;

import java.util.Locale;
import org.brexsync.connector.state.InMemorySyncStateStore;
import org.brexsync.connector.sync.RunStatus;
import org.brexsync.connector.sync.SyncEngine;
import org.brexsync.connector.sync.SyncReport;
import org.brexsync.examples.Connections;
import org.brexsync.examples.Sandbox;

/**
 * Gets the sandbox ready for commands that work on Oomnitza people linked to Brex users
 * (workflows, insights): a silent sync with the built-in integration, so every person carries
 * {@code brex_user_id}, and a notice on stderr that says so.
 */
final class SandboxPrep {
  private SandboxPrep() {}

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
