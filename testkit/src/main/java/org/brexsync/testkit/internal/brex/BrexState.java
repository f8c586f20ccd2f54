package org.brexsync.testkit.internal.brex;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.brexsync.testkit.SyntheticCompany;

/**
 * What every resource of the Brex simulator shares: the one lock all mutations run under (so an
 * idempotency check and its effect are atomic across resources), the seeded company and the admin
 * user who owns every token.
 */
final class BrexState {
  /** Guards every write of every resource; maps are concurrent where reads go without it. */
  final Object lock = new Object();
  /** The generated company users and cards come from on demand, or null when unseeded. */
  volatile SyntheticCompany base;
  /** The {@code GET /v2/company} object. */
  volatile ObjectNode company;
  /** Id of the user the tokens belong to ({@code GET /v2/users/me}). */
  volatile String meId;

  /** Generated users (the created ones come after them). */
  int baseSize() {
    SyntheticCompany b = base;
    return b == null ? 0 : b.size();
  }
}
