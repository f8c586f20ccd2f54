package org.brexsync.connector;

import java.util.OptionalLong;

/**
 * Observes a long operation that is not a sync run (insight reports, the dashboard, workflows over
 * many people): how many items of a phase are done, and of how many when that is known. Called on
 * the operation's thread, at most once per page or record; keep it fast. {@code done} never exceeds
 * a given {@code total}. Sync runs report through {@code SyncListener} instead.
 *
 * <pre>{@code
 * Insight.builder().brex(brex).progress((phase, done, total) -> System.err.println(phase + ": " + done))
 * }</pre>
 */
@FunctionalInterface
public interface ProgressListener {
  /** A listener that ignores everything. */
  ProgressListener NONE = (phase, done, total) -> {};

  /**
   * Progress of one phase.
   *
   * @param phase what is counted, e.g. {@code "Brex users read"}; a new phase starts at zero
   * @param done items done so far in this phase
   * @param total the phase's item count, when known
   */
  void onProgress(String phase, long done, OptionalLong total);
}
