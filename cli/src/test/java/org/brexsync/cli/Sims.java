package org.brexsync.cli;

import java.util.HashMap;
import java.util.Map;
import org.brexsync.testkit.BrexSimulator;
import org.brexsync.testkit.CompanySpec;
import org.brexsync.testkit.OomnitzaSimulator;

/** Fresh Brex and Oomnitza simulators for one test, reached through the environment as real systems would be. */
final class Sims implements AutoCloseable {
  final BrexSimulator brex;
  final OomnitzaSimulator oomnitza;

  private Sims(BrexSimulator brex, OomnitzaSimulator oomnitza) {
    this.brex = brex;
    this.oomnitza = oomnitza;
  }

  /** {@code users} Brex users (seed 7) and an empty Oomnitza that knows the custom field brex_user_id. */
  static Sims start(int users) {
    BrexSimulator b = BrexSimulator.builder().company(CompanySpec.of(7, users)).start();
    try {
      return new Sims(b, OomnitzaSimulator.start());
    } catch (RuntimeException e) {
      b.close();
      throw e;
    }
  }

  /** The four variables that point the CLI at these simulators. */
  Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("BREX_BASE_URL", brex.baseUri().toString());
    env.put("BREX_API_TOKEN", brex.token());
    env.put("OOMNITZA_URL", oomnitza.baseUri().toString());
    env.put("OOMNITZA_API_TOKEN", oomnitza.apiToken());
    return env;
  }

  /** Requests that change Oomnitza (creates, updates, bulk uploads and finalizes, deletes). */
  long oomnitzaWrites() {
    return oomnitza.requests().stream().filter(c -> !c.method().equals("GET")).count();
  }

  @Override
  public void close() {
    try {
      brex.close();
    } finally {
      oomnitza.close();
    }
  }
}
