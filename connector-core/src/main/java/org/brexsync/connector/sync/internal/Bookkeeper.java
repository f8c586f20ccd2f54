package org.brexsync.connector.sync.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.brexsync.connector.Integration;
import org.brexsync.connector.SinkType;
import org.brexsync.connector.SyncMode;
import org.brexsync.connector.port.RecordState;
import org.brexsync.connector.port.StateSession;
import org.brexsync.connector.port.UserSink;
import org.brexsync.connector.sync.RecordOutcome;
import org.brexsync.connector.sync.Situation;

/**
 * Stage 4, report: finishes batches in Brex order once their writes ended — SaaS assignment, the
 * state of each written record, the outcomes — and makes each batch's bookkeeping durable before
 * telling progress. Outcomes decided before their batch (skipped, unchanged, failed mapping) wait
 * behind the batches in flight, so the report lists records in the same order in a dry run and a
 * real run. Holds at most {@code maxInFlight} batches. Used on the run's thread only.
 */
final class Bookkeeper {
  /** A batch whose planning and writes may still be running. */
  static final class Batch {
    final CompletableFuture<List<Plan>> done;
    final int size;
    /** Outcomes of later records decided while this batch was in flight: reported after it. */
    final List<RecordOutcome> after = new ArrayList<>();
    /** Later UNCHANGED records only counted, after this batch. */
    long unchangedAfter;

    Batch(CompletableFuture<List<Plan>> done, int size) {
      this.done = done;
      this.size = size;
    }
  }

  private final Integration in;
  private final boolean dryRun;
  private final UserSink sink;
  private final StateSession state;
  private final Outcomes outcomes;
  private final RunStops stops;
  private final int maxInFlight;
  private final ArrayDeque<Batch> inflight = new ArrayDeque<>();

  Bookkeeper(Integration in, boolean dryRun, UserSink sink, StateSession state, Outcomes outcomes, RunStops stops, int maxInFlight) {
    this.in = in;
    this.dryRun = dryRun;
    this.sink = sink;
    this.state = state;
    this.outcomes = outcomes;
    this.stops = stops;
    this.maxInFlight = maxInFlight;
  }

  /** Takes a batch in flight; finishes the oldest ones first when too many are. */
  void add(Batch b) {
    inflight.addLast(b);
    drain(false);
  }

  /** Reports an outcome decided before its record's batch, behind the batches still in flight. */
  void early(RecordOutcome o) {
    if (!inflight.isEmpty()) {
      drain(false);
    }
    if (inflight.isEmpty()) {
      outcomes.add(o);
    } else {
      inflight.peekLast().after.add(o);
    }
  }

  /** Counts an UNCHANGED record nobody needs to see, behind the batches still in flight. */
  void earlyUnchanged() {
    if (!inflight.isEmpty()) {
      drain(false);
    }
    if (inflight.isEmpty()) {
      outcomes.countOnly(Situation.UNCHANGED);
    } else {
      inflight.peekLast().unchangedAfter++;
    }
  }

  /**
   * Finishes batches whose writes are done, in order. With {@code all}, waits for every batch;
   * otherwise waits only while more than {@code maxInFlight} are in flight.
   */
  void drain(boolean all) {
    while (!inflight.isEmpty()) {
      Batch head = inflight.peekFirst();
      if (!all && inflight.size() <= maxInFlight && !head.done.isDone()) {
        return;
      }
      List<Plan> plans;
      try {
        plans = head.done.join();
      } catch (CompletionException | java.util.concurrent.CancellationException e) {
        // A stage failed unexpectedly (a bug, or an Error): the run ends with it, FAILED.
        stops.fatal(e.getCause() == null ? e : e.getCause());
        inflight.pollFirst();
        outcomes.notAttempted += head.size;
        after(head);
        continue;
      }
      inflight.pollFirst();
      finish(plans);
      after(head);
    }
  }

  private void after(Batch b) {
    for (RecordOutcome o : b.after) {
      outcomes.add(o);
    }
    for (long i = 0; i < b.unchangedAfter; i++) {
      outcomes.countOnly(Situation.UNCHANGED);
    }
  }

  /** Records the plans of a finished batch: SaaS users, state, outcomes; then flush and progress. */
  void finish(List<Plan> plans) {
    assignSaas(plans);
    for (Plan plan : plans) {
      if (plan.notAttempted) {
        outcomes.notAttempted++;
        continue;
      }
      if (plan.error.isPresent() && plan.situation != Situation.SKIPPED) {
        plan.situation = Situation.FAILED;
      }
      if (plan.situation == Situation.CREATE || plan.situation == Situation.UPDATE || plan.situation == Situation.UNCHANGED) {
        // An unverified write keeps a marker instead of its fingerprint: the next run correlates the
        // record again and writes it again if Oomnitza did not take it.
        state.put(plan.c.sourceId, RecordState.of(plan.unverified ? Plan.UNVERIFIED : plan.keep, plan.c.key, plan.targetId));
        if (plan.deprovision) {
          outcomes.deprovisioned++;
        }
      }
      if (!outcomes.wanted(plan.situation)) {
        outcomes.countOnly(plan.situation);
        continue;
      }
      outcomes.add(
          RecordOutcome.builder()
              .situation(plan.situation)
              .sourceId(plan.c.sourceId)
              .syncKey(plan.c.key)
              .targetId(plan.targetId)
              .changes(plan.situation == Situation.FAILED || plan.situation == Situation.UNCHANGED ? List.of() : plan.changes)
              .reason(plan.error)
              .deprovision(plan.deprovision && plan.situation == Situation.UPDATE)
              .unverified(plan.unverified && plan.situation != Situation.FAILED)
              .build());
    }
    state.flush();
    outcomes.progress();
  }

  private void assignSaas(List<Plan> plans) {
    if (in.mode() != SyncMode.USER_PLUS_SAAS_USER || dryRun) {
      return;
    }
    List<Plan> assign = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (Plan pl : plans) {
      boolean ok = pl.error.isEmpty() && !pl.notAttempted
          && (pl.situation == Situation.CREATE || pl.situation == Situation.UPDATE || pl.situation == Situation.UNCHANGED);
      if (ok && pl.needsSaas && pl.targetId.isPresent()) {
        assign.add(pl);
        ids.add(pl.targetId.get());
      } else if (ok && pl.needsSaas && in.sink() == SinkType.BULK && pl.situation == Situation.CREATE) {
        // bulk creates return no id: the next run correlates the record and assigns it then
        pl.keep = Plan.PENDING_SAAS;
      }
    }
    if (ids.isEmpty()) {
      return;
    }
    try {
      sink.assignSaasUsers(in.saasId().orElseThrow(), ids);
    } catch (RuntimeException ex) {
      for (Plan pl : assign) {
        pl.error = Optional.of("SaaS user assignment failed: " + Writer.message(ex));
      }
    }
  }
}
