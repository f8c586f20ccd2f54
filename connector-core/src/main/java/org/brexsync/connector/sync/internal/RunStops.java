package org.brexsync.connector.sync.internal;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.brexsync.connector.Integration;
import org.brexsync.connector.sync.RunControl;
import org.brexsync.connector.sync.RunStatus;
import org.brexsync.connector.sync.Situation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything that stops a run early, in one place: cancellation, the change-share guard, the early
 * stop after consecutive transient write failures, the run's one budget of write retries, and an
 * Error on a worker thread. Worker threads raise; the run's thread {@link #check()}s and ends.
 * Thread-safe.
 */
final class RunStops {
  private static final Logger LOG = LoggerFactory.getLogger("org.brexsync.connector.sync.SyncEngine");

  /** Thrown on the run's thread to end the run with a status (ABORTED by a guard, CANCELLED). */
  static final class Abort extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final RunStatus status;

    Abort(RunStatus status, String message) {
      super(message, null, false, false);
      this.status = status;
    }
  }

  /** Reading Brex failed: the run cannot continue. */
  static final class SourceFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SourceFailure(String m, Throwable c) {
      super(m, c);
    }

    @Override
    public String toString() {
      return getMessage();
    }
  }

  /** An Error on a worker thread, rethrown on the run's thread. */
  static final class FatalInWorker extends RuntimeException {
    private static final long serialVersionUID = 1L;

    FatalInWorker(Throwable cause) {
      super(cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), cause, false, false);
    }
  }

  private final Integration in;
  private final RunControl control;
  private final String runId;
  private final long knownAtStart;
  private final AtomicInteger retriesLeft;
  private final AtomicInteger retriesUsed = new AtomicInteger();
  private final AtomicInteger consecutiveFailures = new AtomicInteger();
  private volatile String circuitReason;
  private volatile String guardReason;
  private volatile Throwable fatal;
  private long knownChanges;

  RunStops(Integration in, RunControl control, String runId, long knownAtStart) {
    this.in = in;
    this.control = control;
    this.runId = runId;
    this.knownAtStart = knownAtStart;
    this.retriesLeft = new AtomicInteger(in.safety().writeRetryBudget());
  }

  boolean cancelled() {
    return control.isCancelled();
  }

  /** Whether writes must not start any more (the early stop, the guard, or cancellation). */
  boolean writesStopped() {
    return circuitReason != null || guardReason != null || control.isCancelled();
  }

  /** On the run's thread: ends the run when a worker hit an Error or a guard tripped. */
  void check() {
    Throwable f = fatal;
    if (f != null) {
      throw new FatalInWorker(f);
    }
    String why = guardReason != null ? guardReason : circuitReason;
    if (why != null) {
      throw new Abort(RunStatus.ABORTED, why);
    }
  }

  /** Keeps the first Error of a worker thread for the run's thread. */
  void fatal(Throwable error) {
    synchronized (this) {
      if (fatal == null) {
        fatal = error;
      }
    }
  }

  Throwable fatal() {
    return fatal;
  }

  /**
   * The change-share guard, called once per batch in batch order before its writes: counts the
   * updates of records the last run knew and trips when they exceed the policy's share. Returns
   * false when the batch must not be written (the guard tripped now or earlier).
   */
  synchronized boolean admit(List<Plan> plans) {
    if (guardReason != null) {
      return false;
    }
    long more = 0;
    for (Plan p : plans) {
      if (p.situation == Situation.UPDATE && p.c.prior.isPresent()) {
        more++;
      }
    }
    return admitChanges(more);
  }

  /** {@link #admit} for a number of changes to known records. */
  synchronized boolean admitChanges(long more) {
    if (guardReason != null) {
      return false;
    }
    knownChanges += more;
    double share = in.safety().maxChangeShare();
    if (share < 1.0 && knownAtStart >= in.safety().minKnownRecords() && knownAtStart > 0 && knownChanges > share * knownAtStart) {
      guardReason = String.format(
          Locale.ROOT,
          "guard: the run would change %d of %d known records (more than %.0f%%); stopped before writing them",
          knownChanges,
          knownAtStart,
          share * 100);
      return false;
    }
    return true;
  }

  /**
   * Whether a failed write may be tried again: the failure is retryable, the record has attempts left,
   * the run is going on, and the run's one retry budget has a retry left (which this takes).
   */
  boolean mayRetry(int attempt, int maxAttempts, boolean retryableFailure) {
    if (!retryableFailure || attempt >= maxAttempts || writesStopped()) {
      return false;
    }
    if (retriesLeft.getAndUpdate(n -> Math.max(0, n - 1)) <= 0) {
      return false;
    }
    retriesUsed.incrementAndGet();
    return true;
  }

  int retriesUsed() {
    return retriesUsed.get();
  }

  void writeSucceeded() {
    consecutiveFailures.set(0);
  }

  /**
   * Counts a failed write towards the early stop: transient failures in a row (Oomnitza down or
   * failing everything) stop the run; a record-specific refusal shows Oomnitza answering and resets
   * the count.
   */
  void writeFailed(boolean transientFailure, boolean sent, String message) {
    if (!sent || !transientFailure) {
      consecutiveFailures.set(0);
      return;
    }
    int max = in.safety().maxConsecutiveWriteFailures();
    int n = consecutiveFailures.incrementAndGet();
    if (max > 0 && n >= max) {
      openCircuit(String.format(
          Locale.ROOT,
          "guard: %d writes to Oomnitza in a row failed transiently (last: %s); stopped the run, remaining records were not attempted",
          max,
          message));
    }
  }

  /** Opens the circuit once (writer threads may race here): later writes are not attempted. */
  private synchronized void openCircuit(String reason) {
    if (circuitReason == null) {
      circuitReason = reason;
      LOG.warn("sync run {}: {}", runId, reason);
    }
  }
}
