package org.brexsync.connector.sync.internal;

import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.brexsync.connector.internal.Json;
import org.brexsync.connector.mapping.FieldChange;
import org.brexsync.connector.port.UserSink;
import org.brexsync.connector.sync.Situation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stage 3, REST: one {@code POST} or {@code PATCH} per record, at most {@code concurrency} in flight
 * across all batches. A failed create is retried only after looking the person up by the sync key (a
 * create that reached Oomnitza before a 5xx is never duplicated); a failed update re-resolves the
 * person first (the PATCH may have been applied with its answer lost, or have renamed the record).
 * Retries come out of the run's one budget.
 */
final class RestWriter extends Writer {
  private static final Logger LOG = LoggerFactory.getLogger("org.brexsync.connector.sync.SyncEngine");
  /** Attempts per record write, on top of the client's own retries (while the run's retry budget lasts). */
  static final int WRITE_ATTEMPTS = 3;

  private final Lane lane;
  private final Correlator correlator;
  private final String syncKey;

  RestWriter(UserSink sink, RunStops stops, WriteTally tally, Executor executor, int concurrency, Correlator correlator, String syncKey) {
    super(sink, stops, tally);
    this.lane = new Lane(executor, concurrency);
    this.correlator = correlator;
    this.syncKey = syncKey;
  }

  @Override
  CompletableFuture<Void> write(List<Plan> writes) {
    List<CompletableFuture<Void>> futures = new ArrayList<>(writes.size());
    for (Plan pl : writes) {
      CompletableFuture<Void> f = new CompletableFuture<>();
      futures.add(f);
      lane.submit(new Lane.Task() {
        @Override
        public void run() {
          try {
            guarded(List.of(pl), () -> writeOne(pl));
          } finally {
            f.complete(null);
          }
        }

        @Override
        public void rejected(RuntimeException why) {
          pl.error = Optional.of("write not scheduled: " + message(why));
          f.complete(null);
        }
      });
    }
    return CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0]));
  }

  private void writeOne(Plan pl) {
    if (stops.writesStopped()) {
      pl.notAttempted = true;
      return;
    }
    if (pl.situation == Situation.CREATE) {
      writeCreate(pl);
    } else {
      writeUpdate(pl);
    }
  }

  private void writeCreate(Plan pl) {
    RuntimeException last = null;
    boolean sent = false;
    for (int attempt = 1; ; attempt++) {
      try {
        if (attempt > 1) {
          // The failed create may have reached Oomnitza (a 5xx or reset after processing): look
          // it up by the sync key before creating again, so a retry never duplicates a person.
          List<ObjectNode> found = correlator.findNow(pl.c.key);
          if (!found.isEmpty()) {
            written(pl, found.get(0));
            return;
          }
        }
        written(pl, sink.createUser(pl.fields));
        return;
      } catch (RuntimeException ex) {
        last = ex;
        sent |= wasSent(ex);
        if (!stops.mayRetry(attempt, WRITE_ATTEMPTS, retryable(ex))) {
          break;
        }
        LOG.debug("create of {} failed (attempt {}): {}", pl.c.sourceId, attempt, message(ex));
      }
    }
    failed(pl, "create failed: " + message(last), last, sent);
  }

  /**
   * Updates one record. After a failure the person is looked up again by the sync key before
   * anything is retried: the PATCH may have been applied with its answer lost, and when it renamed
   * the record (e.g. the username), the old address no longer exists — a blind retry would 404 and
   * report a failure although Oomnitza holds the update.
   */
  private void writeUpdate(Plan pl) {
    ObjectNode target = pl.existing;
    ObjectNode changes = Json.mapper().createObjectNode();
    for (FieldChange c : pl.changes) {
      changes.set(c.field(), c.to().orElse(NullNode.instance));
    }
    RuntimeException last = null;
    boolean sent = false;
    for (int attempt = 1; ; attempt++) {
      try {
        written(pl, sink.updateUser(target, changes));
        return;
      } catch (RuntimeException ex) {
        last = ex;
        boolean reached = wasSent(ex);
        sent |= reached;
        boolean transientFailure = retryable(ex);
        if (stops.writesStopped() || attempt >= WRITE_ATTEMPTS || !reached) {
          break;
        }
        Optional<ObjectNode> fresh;
        try {
          fresh = resolve(pl.c.key);
        } catch (RuntimeException lookup) {
          LOG.debug("re-resolving {} after a failed update failed: {}", pl.c.sourceId, message(lookup));
          if (!stops.mayRetry(attempt, WRITE_ATTEMPTS, transientFailure)) {
            break;
          }
          continue;
        }
        if (fresh.isEmpty()) {
          last = new IllegalStateException(message(ex) + "; the person is no longer in Oomnitza under " + syncKey + "=" + pl.c.key);
          break;
        }
        if (applied(pl.changes, fresh.get())) {
          written(pl, fresh.get());
          return;
        }
        boolean moved = !sameTarget(target, fresh.get());
        target = fresh.get();
        // Retry a transient failure, or a permanent one that addressed a record now found elsewhere.
        if (!stops.mayRetry(attempt, WRITE_ATTEMPTS, transientFailure || moved)) {
          break;
        }
        LOG.debug("update of {} failed (attempt {}): {}", pl.c.sourceId, attempt, message(ex));
      }
    }
    failed(pl, "update failed: " + message(last), last, sent);
  }

  /** The one Oomnitza user with the sync key, if exactly one. */
  private Optional<ObjectNode> resolve(String key) {
    List<ObjectNode> found = correlator.findNow(key);
    if (found.size() > 1) {
      throw new IllegalStateException(found.size() + " Oomnitza users have " + syncKey + "=" + key);
    }
    return found.stream().findFirst();
  }

  /** Whether an Oomnitza record already holds every change. */
  private static boolean applied(List<FieldChange> changes, ObjectNode record) {
    for (FieldChange c : changes) {
      if (!Json.sameValue(c.to().orElse(null), record.get(c.field()))) {
        return false;
      }
    }
    return true;
  }

  private boolean sameTarget(ObjectNode a, ObjectNode b) {
    try {
      return sink.idOf(a).equals(sink.idOf(b));
    } catch (RuntimeException ex) {
      return false;
    }
  }

  private void written(Plan pl, ObjectNode result) {
    if (result != null) {
      try {
        String id = sink.idOf(result);
        if (id != null && !id.isEmpty()) {
          pl.targetId = Optional.of(id);
        }
      } catch (RuntimeException ignored) {
        // keep the id we had
      }
    }
    tally.accepted();
    stops.writeSucceeded();
  }

  private void failed(Plan pl, String reason, RuntimeException cause, boolean sent) {
    pl.error = Optional.of(reason);
    if (sent) {
      tally.failedAfterSending();
    }
    stops.writeFailed(cause != null && retryable(cause), sent && cause != null, cause == null ? reason : message(cause));
  }
}
