package org.brexsync.connector.sync.internal;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.brexsync.connector.port.UserSink;

/**
 * Stage 3, write: sends a batch's creates and updates to Oomnitza and records on each plan what
 * happened. The returned future completes (never exceptionally) once every write of the batch ended;
 * an Error on a writer thread fails the plans and is handed to {@link RunStops}.
 */
abstract class Writer {
  final UserSink sink;
  final RunStops stops;
  final WriteTally tally;

  Writer(UserSink sink, RunStops stops, WriteTally tally) {
    this.sink = sink;
    this.stops = stops;
    this.tally = tally;
  }

  /** Writes the plans (all CREATE or UPDATE). */
  abstract CompletableFuture<Void> write(List<Plan> writes);

  /** Runs a write task; an Error fails the task's plans and ends the run instead of vanishing in a future. */
  final void guarded(List<Plan> plans, Runnable task) {
    try {
      task.run();
    } catch (Error err) {
      stops.fatal(err);
      for (Plan pl : plans) {
        if (pl.error.isEmpty() && !pl.notAttempted) {
          pl.error = Optional.of("write failed: " + err.getClass().getSimpleName() + (err.getMessage() == null ? "" : ": " + err.getMessage()));
        }
      }
    } catch (RuntimeException unexpected) {
      for (Plan pl : plans) {
        if (pl.error.isEmpty() && !pl.notAttempted) {
          pl.error = Optional.of("write failed: " + message(unexpected));
        }
      }
    }
  }

  /** Whether a failed write reached Oomnitza, as the sink tells (a sink that cannot tell: yes). */
  final boolean wasSent(RuntimeException ex) {
    try {
      return sink.wasSent(ex);
    } catch (RuntimeException bad) {
      return true;
    }
  }

  /** Whether a failed write may succeed if tried again, as the sink tells (a sink that cannot tell: no). */
  final boolean retryable(RuntimeException ex) {
    try {
      return sink.isTransient(ex);
    } catch (RuntimeException bad) {
      return false;
    }
  }

  static String message(Throwable t) {
    String m = t.getMessage();
    return m == null ? t.getClass().getSimpleName() : m;
  }
}
