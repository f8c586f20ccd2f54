package org.brexsync.connector.sync.internal;

import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.brexsync.connector.Integration;
import org.brexsync.connector.internal.Json;
import org.brexsync.connector.mapping.FieldChange;
import org.brexsync.connector.port.BulkResult;
import org.brexsync.connector.port.BulkUpload;
import org.brexsync.connector.port.UserSink;
import org.brexsync.connector.sync.Situation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stage 3, BULK: one {@code POST /api/v3/bulk} portion per batch, at most {@link #IN_FLIGHT} portions
 * in flight, all in the run's one bulk run. Each record gets Oomnitza's verdict from the portion's
 * answer: accepted, rejected (with Oomnitza's reason), or unverified when the answer says nothing
 * per record.
 */
final class BulkWriter extends Writer {
  private static final Logger LOG = LoggerFactory.getLogger("org.brexsync.connector.sync.SyncEngine");
  /** Portions in flight at most: Oomnitza works a bulk run's portions server-side, more only queue there. */
  static final int IN_FLIGHT = 4;

  private final Lane lane;
  private final Integration in;
  private final String runId;
  private volatile boolean used;

  BulkWriter(UserSink sink, RunStops stops, WriteTally tally, Executor executor, Integration in, String runId) {
    super(sink, stops, tally);
    this.lane = new Lane(executor, inFlight(in));
    this.in = in;
    this.runId = runId;
  }

  /** Portions in flight for an integration. */
  static int inFlight(Integration in) {
    return Math.max(1, Math.min(IN_FLIGHT, in.concurrency()));
  }

  /** Whether some portion was handed to the sink (the run then has a bulk run to end). */
  boolean used() {
    return used;
  }

  @Override
  CompletableFuture<Void> write(List<Plan> writes) {
    used = true;
    CompletableFuture<Void> f = new CompletableFuture<>();
    lane.submit(new Lane.Task() {
      @Override
      public void run() {
        try {
          guarded(writes, () -> upload(writes));
        } finally {
          f.complete(null);
        }
      }

      @Override
      public void rejected(RuntimeException why) {
        for (Plan pl : writes) {
          pl.error = Optional.of("write not scheduled: " + message(why));
        }
        f.complete(null);
      }
    });
    return f;
  }

  /**
   * Creates decided from the listing of Oomnitza's sync keys, not from a lookup: when Oomnitza says
   * it created fewer records than that (someone added a person after the listing, and the bulk
   * endpoint matched and updated it), the report cannot tell which, so they are unverified — and
   * correlated again by the next run.
   */
  private void checkAssumedCreates(List<Plan> writes, BulkResult result) {
    if (result.created().isEmpty()) {
      return;
    }
    List<Plan> assumed = new ArrayList<>();
    for (int i = 0; i < writes.size(); i++) {
      if (writes.get(i).assumedNew && result.verdict(i) == BulkResult.Verdict.ACCEPTED) {
        assumed.add(writes.get(i));
      }
    }
    if (result.created().getAsLong() < assumed.size()) {
      LOG.warn("sync run {}: Oomnitza created {} records of a portion where {} were new when the run began; their CREATE is unverified",
          runId, result.created().getAsLong(), assumed.size());
      for (Plan pl : assumed) {
        pl.unverified = true;
      }
    }
  }

  private void upload(List<Plan> writes) {
    if (stops.writesStopped()) {
      for (Plan pl : writes) {
        pl.notAttempted = true;
      }
      return;
    }
    List<ObjectNode> records = new ArrayList<>(writes.size());
    String syncKey = in.mapping().syncKey();
    for (Plan pl : writes) {
      if (pl.situation == Situation.CREATE) {
        records.add(pl.fields);
      } else {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put(syncKey, pl.c.key);
        for (FieldChange c : pl.changes) {
          o.set(c.field(), c.to().orElse(NullNode.instance));
        }
        records.add(o);
      }
    }
    tally.bulkUploads.incrementAndGet();
    BulkResult result;
    try {
      result = sink.bulkUpload(new BulkUpload(runId, in.name(), List.of(syncKey), records, !in.preference().updates(), !in.preference().creates()));
      if (result == null || result.size() != writes.size()) {
        LOG.warn("sync run {}: the sink answered a bulk portion of {} records with {}; treating them as unverified",
            runId, writes.size(), result);
        result = BulkResult.unverified(writes.size());
      }
    } catch (RuntimeException ex) {
      boolean sent = wasSent(ex);
      tally.bulkUploadFailed(sent, "bulk upload failed: " + message(ex));
      for (Plan pl : writes) {
        pl.error = Optional.of("bulk upload failed: " + message(ex));
        if (sent) {
          tally.failedAfterSending();
        }
      }
      stops.writeFailed(retryable(ex), sent, message(ex));
      return;
    }
    if (!result.anySent()) {
      tally.bulkUploadFailed(false, "not sent: " + result.reason(0).orElse("refused before sending"));
    } else {
      tally.bulkPortionsSent.incrementAndGet();
      stops.writeSucceeded();
    }
    checkAssumedCreates(writes, result);
    for (int i = 0; i < writes.size(); i++) {
      Plan pl = writes.get(i);
      BulkResult.Verdict v = result.verdict(i);
      if (v.sent()) {
        tally.sent.incrementAndGet();
      }
      switch (v) {
        case ACCEPTED:
          tally.accepted.incrementAndGet();
          break;
        case UNVERIFIED:
          tally.unverified.incrementAndGet();
          pl.unverified = true;
          break;
        case REJECTED:
          tally.failed.incrementAndGet();
          pl.error = Optional.of("rejected by Oomnitza: " + result.reason(i).orElse("no reason given"));
          break;
        case FAILED:
          tally.failed.incrementAndGet();
          pl.error = Optional.of("bulk upload failed: " + result.reason(i).orElse("no reason given"));
          break;
        default:
          pl.error = Optional.of("not sent to Oomnitza: " + result.reason(i).orElse("refused before sending"));
          break;
      }
    }
  }
}
