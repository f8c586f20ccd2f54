package org.brexsync.spring.boot.autoconfigure.internal;

import java.time.Instant;
import java.util.Optional;

/**
 * When the integration is next due, for the health indicator, from a scheduler whose type the health
 * auto-configuration must not name (connector-jdbc's is optional). Not API.
 */
public interface NextRun {
  /**
   * {@return when the integration's next run is due; empty while it runs or when unknown}
   *
   * @throws RuntimeException when the scheduler cannot tell (its database is unreachable)
   */
  Optional<Instant> nextRunAt();
}
