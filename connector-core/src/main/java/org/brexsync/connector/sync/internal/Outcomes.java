package org.brexsync.connector.sync.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.brexsync.connector.sync.RecordOutcome;
import org.brexsync.connector.sync.Situation;
import org.brexsync.connector.sync.SyncListener;
import org.brexsync.connector.sync.SyncProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The report's record side and progress: totals per situation, the outcomes kept for the report (up
 * to the cap; every one goes to the listener), and progress snapshots whose total is exact once Brex
 * listed its last page and never below what was processed. Used on the run's thread only.
 */
final class Outcomes {
  private static final Logger LOG = LoggerFactory.getLogger("org.brexsync.connector.sync.SyncEngine");
  /** How many duplicate ids the report names. */
  private static final int MAX_DUPLICATE_IDS = 10;

  private final SyncListener listener;
  /** Whether the listener wants every outcome (it overrides onRecord). */
  private final boolean listens;
  private final int maxReported;
  private final long startNanos;
  private final Optional<Long> estimate;
  final Map<Situation, Long> totals = new EnumMap<>(Situation.class);
  final List<RecordOutcome> reported = new ArrayList<>();
  boolean truncated;
  long deprovisioned;
  long notAttempted;
  long duplicates;
  final List<String> duplicateIds = new ArrayList<>();
  /** Records listed by Brex and taken into this run (each id once), whether Brex listed its last page. */
  long listed;
  boolean sourceExhausted;
  /** Departed users the end-of-run pass will report. */
  long goneExpected;

  Outcomes(SyncListener listener, int maxReported, long startNanos, Optional<Long> estimate) {
    this.listener = listener;
    this.listens = overridesOnRecord(listener);
    this.maxReported = maxReported;
    this.startNanos = startNanos;
    this.estimate = estimate;
    for (Situation s : Situation.values()) {
      totals.put(s, 0L);
    }
  }

  /** Counts, keeps and announces an outcome. A listener's RuntimeException is logged; an Error ends the run. */
  void add(RecordOutcome o) {
    totals.merge(o.situation(), 1L, Long::sum);
    if (o.situation() != Situation.UNCHANGED) {
      if (reported.size() < maxReported) {
        reported.add(o);
      } else {
        truncated = true;
      }
    }
    try {
      listener.onRecord(o);
    } catch (RuntimeException ex) {
      LOG.warn("sync listener failed on a record: {}", ex.toString());
    }
  }

  /**
   * Whether an outcome of this situation would be kept or heard by anyone; when not, callers only
   * {@link #countOnly} it and save building it (a no-change re-sync of a million records builds none).
   */
  boolean wanted(Situation s) {
    return listens || (s != Situation.UNCHANGED && reported.size() < maxReported);
  }

  /** Counts an outcome nobody wants to see ({@link #wanted} is false). */
  void countOnly(Situation s) {
    totals.merge(s, 1L, Long::sum);
    if (s != Situation.UNCHANGED) {
      truncated = true;
    }
  }

  private static boolean overridesOnRecord(SyncListener l) {
    try {
      return l.getClass().getMethod("onRecord", org.brexsync.connector.sync.RecordOutcome.class).getDeclaringClass() != SyncListener.class;
    } catch (NoSuchMethodException | SecurityException e) {
      return true;
    }
  }

  /** A Brex id listed again in this run: ignored, counted, and a few named. */
  boolean duplicate(String id) {
    duplicates++;
    if (duplicateIds.size() < MAX_DUPLICATE_IDS) {
      duplicateIds.add(id);
      return true;
    }
    return false;
  }

  long processed() {
    long n = 0;
    for (long v : totals.values()) {
      n += v;
    }
    return n;
  }

  long count(Situation s) {
    return totals.get(s);
  }

  /** Tells the listener how far the run got. */
  void progress() {
    Optional<Long> expected;
    boolean exact;
    if (sourceExhausted) {
      // Every record Brex listed (within the limit, each id once) gets exactly one outcome, and so
      // does each departed user the run deprovisions.
      expected = Optional.of(listed + goneExpected);
      exact = true;
    } else {
      // An estimate, dropped by SyncProgress once the run outgrows it.
      expected = estimate;
      exact = false;
    }
    SyncProgress p = SyncProgress.of(processed(), new EnumMap<>(totals), Duration.ofNanos(System.nanoTime() - startNanos), expected, exact);
    try {
      listener.onProgress(p);
    } catch (RuntimeException ex) {
      LOG.warn("sync listener failed on progress: {}", ex.toString());
    }
  }
}
