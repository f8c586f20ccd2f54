package org.brexsync.connector.sync.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.brexsync.connector.Integration;
import org.brexsync.connector.port.RecordState;
import org.brexsync.connector.port.StateSession;
import org.brexsync.connector.sync.RecordOutcome;
import org.brexsync.connector.sync.RunStatus;
import org.brexsync.connector.sync.Situation;

/**
 * Stage 5, people gone from Brex: after a run that read every Brex user, streams the known records
 * this run never saw ({@link StateSession#forEachUnseen}, never a copy of the state) a batch at a
 * time. With a deprovisioning policy that includes them, each is correlated and deprovisioned like a
 * departed user; otherwise it is forgotten. Used on the run's thread only.
 */
final class GonePass {
  private final Integration in;
  private final StateSession state;
  private final Correlator correlator;
  private final Classifier classifier;
  private final SyncPipeline.WriteStep write;
  private final Outcomes outcomes;
  private final RunStops stops;

  GonePass(Integration in, StateSession state, Correlator correlator, Classifier classifier, SyncPipeline.WriteStep write,
      Outcomes outcomes, RunStops stops) {
    this.in = in;
    this.state = state;
    this.correlator = correlator;
    this.classifier = classifier;
    this.write = write;
    this.outcomes = outcomes;
    this.stops = stops;
  }

  void run() {
    if (in.deprovisioning().write().isEmpty() || !in.deprovisioning().includeGone()) {
      long[] removed = {0};
      state.forEachUnseen((id, st) -> {
        state.remove(id);
        if (++removed[0] % 10_000 == 0) {
          state.flush();
        }
      });
      state.flush();
      return;
    }
    // Counted first, so progress knows its exact total before the first departed user is handled.
    long[] todo = {0};
    state.forEachUnseen((id, st) -> {
      if (!Plan.GONE.equals(st.fingerprint())) {
        todo[0]++;
      }
    });
    outcomes.goneExpected = todo[0];
    if (todo[0] == 0) {
      return;
    }
    List<Candidate> part = new ArrayList<>();
    state.forEachUnseen((id, st) -> {
      if (Plan.GONE.equals(st.fingerprint())) {
        return; // deprovisioned by an earlier run
      }
      part.add(Candidate.gone(id, st));
      if (part.size() >= in.batchSize()) {
        process(part);
        part.clear();
      }
    });
    if (!part.isEmpty()) {
      process(part);
    }
  }

  private void process(List<Candidate> part) {
    if (stops.cancelled()) {
      throw new RunStops.Abort(RunStatus.CANCELLED, "cancelled");
    }
    stops.check();
    List<String> keys = new ArrayList<>(part.size());
    for (Candidate c : part) {
      keys.add(c.key);
    }
    Map<String, List<ObjectNode>> found;
    try {
      found = correlator.find(keys).join();
    } catch (CompletionException ex) {
      Throwable cause = ex.getCause() == null ? ex : ex.getCause();
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      for (Candidate c : part) {
        outcomes.add(RecordPreparer.fail(c.sourceId, Optional.of(c.key), "correlating a departed user failed: " + Writer.message(cause)));
      }
      return;
    }
    List<Plan> plans = new ArrayList<>();
    for (Candidate c : part) {
      List<ObjectNode> matches = found.get(c.normKey);
      if (matches == null || matches.isEmpty()) {
        state.remove(c.sourceId);
        outcomes.add(RecordOutcome.builder().situation(Situation.SKIPPED).sourceId(c.sourceId).syncKey(c.key)
            .reason("gone from Brex and not in Oomnitza").build());
        continue;
      }
      plans.add(classifier.classifyGone(c, matches.get(matches.size() - 1)));
    }
    long updates = plans.stream().filter(pl -> pl.situation == Situation.UPDATE).count();
    if (!stops.admitChanges(updates)) {
      stops.check();
    }
    List<Plan> writes = new ArrayList<>();
    for (Plan pl : plans) {
      if (pl.isWrite()) {
        writes.add(pl);
      }
    }
    write.apply(writes).join();
    for (Plan plan : plans) {
      if (plan.notAttempted) {
        outcomes.notAttempted++;
        continue;
      }
      if (plan.error.isPresent()) {
        plan.situation = Situation.FAILED;
      } else {
        state.put(plan.c.sourceId, RecordState.of(plan.unverified ? Plan.UNVERIFIED : Plan.GONE, plan.c.key, plan.targetId));
        if (plan.deprovision) {
          outcomes.deprovisioned++;
        }
      }
      outcomes.add(
          RecordOutcome.builder()
              .situation(plan.situation)
              .sourceId(plan.c.sourceId)
              .syncKey(plan.c.key)
              .targetId(plan.targetId)
              .changes(plan.situation == Situation.UPDATE ? plan.changes : List.of())
              .reason(plan.error.isPresent() ? plan.error : Optional.of("gone from Brex"))
              .deprovision(plan.deprovision && plan.situation == Situation.UPDATE)
              .unverified(plan.unverified && plan.situation != Situation.FAILED)
              .build());
    }
    state.flush();
    outcomes.progress();
  }
}
