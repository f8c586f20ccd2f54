package org.brexsync.connector.sync.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.brexsync.connector.port.StateSession;
import org.brexsync.connector.port.UserSink;
import org.brexsync.connector.sync.Situation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The middle of the pipeline for one batch: correlate (lookup threads) → classify → the guard (in
 * batch order) → write. Returns at once with the batch's future; the run's thread never waits here.
 * Also reads Oomnitza's sync keys up front for a first BULK run, so its batches need lookups only
 * for people already there. Used from the run's thread.
 */
final class BatchPlanner {
  private static final Logger LOG = LoggerFactory.getLogger("org.brexsync.connector.sync.SyncEngine");

  private final StateSession state;
  private final Correlator correlator;
  private final Classifier classifier;
  private final RunStops stops;
  private final SyncPipeline.WriteStep write;
  private CompletableFuture<?> lastAdmitted = CompletableFuture.completedFuture(null);
  /** Whether the run read Oomnitza's sync keys up front. */
  private boolean keySnapshot;

  BatchPlanner(StateSession state, Correlator correlator, Classifier classifier, RunStops stops, SyncPipeline.WriteStep write) {
    this.state = state;
    this.correlator = correlator;
    this.classifier = classifier;
    this.stops = stops;
    this.write = write;
  }

  /**
   * Reads the sync-key values Oomnitza holds, a page at a time, into the run marks: the bulk endpoint
   * matches by the sync key itself, so only people already in Oomnitza need a lookup (for the
   * report's field diff). A sink that cannot list, or a listing that fails, leaves lookups per batch.
   */
  void listTargetKeys(UserSink sink, String syncKey, String runId) {
    try {
      keySnapshot = sink.forEachValue(syncKey, values -> {
        List<String> keys = new ArrayList<>(values.size());
        for (String v : values) {
          keys.add(RecordPreparer.norm(v));
        }
        state.markTargetKeys(keys);
      });
    } catch (RuntimeException e) {
      LOG.warn("sync run {}: listing the sync keys Oomnitza holds failed ({}); looking people up per batch instead", runId,
          Writer.message(e));
      keySnapshot = false;
    }
  }

  /** Plans and writes a batch; the future completes (normally) with its plans once written. */
  CompletableFuture<List<Plan>> plan(List<Candidate> batch) {
    CompletableFuture<List<Plan>> planned = correlator.find(lookupKeys(batch)).handle((found, failure) -> {
      if (failure == null) {
        return classifier.classify(batch, found);
      }
      Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
      if (cause instanceof Error) {
        stops.fatal(cause);
      }
      return failedAll(batch, "correlating with Oomnitza failed: " + Writer.message(cause));
    });
    // The guard and the hand-over to the writers happen in one step, in batch order: a batch's
    // writes are queued before the next batch's guard runs (dependents of a future run in no
    // promised order, so a separate step could let a later batch's writes overtake).
    CompletableFuture<CompletableFuture<List<Plan>>> admitted = lastAdmitted.thenCombine(planned, (before, plans) -> {
      if (!stops.admit(plans)) {
        for (Plan p : plans) {
          p.notAttempted = true;
        }
      }
      List<Plan> writes = new ArrayList<>();
      for (Plan p : plans) {
        if (p.isWrite() && !p.notAttempted) {
          writes.add(p);
        }
      }
      return write.apply(writes).thenApply(v -> plans);
    });
    lastAdmitted = admitted;
    return admitted.thenCompose(written -> written);
  }

  /** The sync keys of a batch to look up: not those used twice in Brex, nor those Oomnitza does not hold. */
  private Set<String> lookupKeys(List<Candidate> batch) {
    Set<String> keys = new LinkedHashSet<>();
    for (Candidate c : batch) {
      if (c.duplicateOf == null) {
        keys.add(c.key);
      }
    }
    if (!keySnapshot) {
      return keys;
    }
    Map<String, String> byNorm = new LinkedHashMap<>();
    for (String k : keys) {
      byNorm.putIfAbsent(RecordPreparer.norm(k), k);
    }
    Set<String> present = state.targetKeys(byNorm.keySet());
    Set<String> lookup = new LinkedHashSet<>();
    for (Candidate c : batch) {
      if (c.duplicateOf != null) {
        continue;
      }
      if (present.contains(c.normKey)) {
        lookup.add(c.key);
      } else {
        c.assumedNew = true;
      }
    }
    return lookup;
  }

  private static List<Plan> failedAll(List<Candidate> batch, String reason) {
    List<Plan> plans = new ArrayList<>(batch.size());
    for (Candidate c : batch) {
      Plan p = new Plan(c);
      p.situation = Situation.FAILED;
      p.error = Optional.of(reason);
      plans.add(p);
    }
    return plans;
  }
}
