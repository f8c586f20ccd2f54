package org.brexsync.micrometer.internal;

import io.micrometer.observation.Observation;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sync runs in progress of one set of listeners. A run's HTTP calls are made on the pipeline's
 * own threads, where no observation is in scope: when exactly one run is in progress, those calls
 * are its children; with none or several, they are not guessed at.
 */
public final class ActiveRuns {
  private final Set<Observation> runs = ConcurrentHashMap.newKeySet();

  /** A run started. */
  public void add(Observation run) {
    runs.add(run);
  }

  /** A run ended. */
  public void remove(Observation run) {
    runs.remove(run);
  }

  /** The one run in progress, or null when none or several are. */
  public Observation single() {
    Observation only = null;
    for (Observation o : runs) {
      if (only != null) {
        return null;
      }
      only = o;
    }
    return only;
  }
}
