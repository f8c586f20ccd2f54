package org.brexsync.connector.port;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Port: the history of runs, so an operator can see what ran where, when and how it ended
 * ({@code brexsync runs list}), and a health check can tell a failed or overdue integration.
 * Implementations: {@code state.FileRunHistory} (one machine, a file beside the state) and
 * connector-jdbc's {@code JdbcRunHistory} (one table for every worker of a cluster). Thread-safe.
 */
public interface RunHistory {

  /**
   * Records a run: inserts it, or replaces the record with the same {@link RunRecord#runId()} (a run
   * is recorded when it starts and again when it ends). Starting a run marks earlier runs of the same
   * integration still {@link RunRecord.Status#RUNNING} as {@link RunRecord.Status#ABANDONED}: the
   * scheduler runs one integration at most once at a time, so such a run's worker died.
   *
   * @param run the run as it stands now
   * @throws StateStoreException when the history cannot be written
   */
  void record(RunRecord run);

  /**
   * The most recent runs, newest first.
   *
   * @param integration only this integration's runs, when given
   * @param limit at most this many (bounded: a history may hold millions)
   * @return the runs, newest first
   * @throws StateStoreException when the history cannot be read
   */
  List<RunRecord> recent(Optional<String> integration, int limit);

  /**
   * {@return the latest run of an integration; empty when it never ran}
   *
   * @param integration the integration's (or workflow's) name
   * @throws StateStoreException when the history cannot be read
   */
  default Optional<RunRecord> latest(String integration) {
    List<RunRecord> r = recent(Optional.of(integration), 1);
    return r.isEmpty() ? Optional.empty() : Optional.of(r.get(0));
  }

  /**
   * The latest run of each of {@code integrations} that has one (a health check's question), in one
   * read where the implementation can: stores override this loop.
   *
   * @param integrations the integrations' (or workflows') names
   * @return integration name → its latest run; integrations that never ran are left out
   * @throws StateStoreException when the history cannot be read
   */
  default Map<String, RunRecord> latest(Collection<String> integrations) {
    Map<String, RunRecord> out = new LinkedHashMap<>();
    for (String i : integrations) {
      latest(i).ifPresent(r -> out.put(i, r));
    }
    return out;
  }
}
