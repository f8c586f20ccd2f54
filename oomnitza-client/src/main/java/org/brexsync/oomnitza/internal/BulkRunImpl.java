package org.brexsync.oomnitza.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.brexsync.oomnitza.FieldId;
import org.brexsync.oomnitza.OomnitzaApiException;
import org.brexsync.oomnitza.OomnitzaCancelledException;
import org.brexsync.oomnitza.bulk.BulkRecord;
import org.brexsync.oomnitza.bulk.BulkRecordError;
import org.brexsync.oomnitza.bulk.RunCounts;
import org.brexsync.oomnitza.bulk.BulkRun;
import org.brexsync.oomnitza.bulk.BulkRunOptions;
import org.brexsync.oomnitza.bulk.BulkRunResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One connector run: buffers records, uploads batches, checks cancellation, finalizes once. */
final class BulkRunImpl implements BulkRun {
  private static final Logger LOG = LoggerFactory.getLogger("org.brexsync.oomnitza");

  private final BulkApiImpl api;
  private final Transport t;
  private final BulkRunOptions options;
  private final String portion;
  private final List<BulkRecord> buffer = new ArrayList<>();
  private int batches;
  private long records;
  private int errorEntries;
  private boolean cancelled;
  private boolean aborted;
  private boolean finalized;
  private boolean closed;
  private final long[] counts = new long[7];
  private final List<BulkRecordError> recordErrors = new ArrayList<>();
  private static final int MAX_RECORD_ERRORS = 10_000;
  private static final String[] OUTCOMES = {"added", "updated", "failed", "skipped", "unchanged", "canceled", "processing"};

  BulkRunImpl(BulkApiImpl api, Transport t, BulkRunOptions options, String portion) {
    this.api = api;
    this.t = t;
    this.options = options;
    this.portion = portion;
  }

  @Override
  public String portion() {
    return portion;
  }

  @Override
  public void add(BulkRecord record) {
    Objects.requireNonNull(record, "record");
    ensureOpen();
    buffer.add(record);
    if (buffer.size() >= options.batchSize()) {
      flush();
    }
  }

  @Override
  public void addError(BulkRecord record, String message) {
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(message, "message");
    ensureOpen();
    flush();
    ObjectNode p = payload(List.of(record));
    p.put("error", message);
    send(p, -1);
    errorEntries++;
  }

  @Override
  public void flush() {
    ensureOpen();
    if (buffer.isEmpty()) {
      return;
    }
    while (!buffer.isEmpty()) {
      checkCancelled();
      int n = Math.min(buffer.size(), options.batchSize());
      List<BulkRecord> batch = new ArrayList<>(buffer.subList(0, n));
      buffer.subList(0, n).clear();
      send(payload(batch), records);
      batches++;
      records += batch.size();
    }
  }

  @Override
  public void abort(String reason) {
    if (closed) {
      return;
    }
    aborted = true;
    buffer.clear();
    try {
      ObjectNode p = payload(List.of());
      p.put("error", reason == null ? "aborted" : reason);
      p.put("error_type", "Fatal Error");
      api.post(p, options.requestOptions());
      errorEntries++;
    } catch (RuntimeException e) {
      LOG.warn("Oomnitza bulk run {}: could not report the fatal error ({})", portion, e.getClass().getSimpleName());
    }
    try {
      closeAndFinalize();
    } catch (RuntimeException e) {
      LOG.warn("Oomnitza bulk run {}: finalize after abort failed ({})", portion, e.getClass().getSimpleName());
    }
  }

  @Override
  public BulkRunResult result() {
    return BulkRunResult.builder()
        .portion(portion)
        .batches(batches)
        .records(records)
        .errorEntries(errorEntries)
        .cancelled(cancelled)
        .aborted(aborted)
        .finalized(finalized)
        .reportedCounts(RunCounts.builder()
            .added(counts[0]).updated(counts[1]).failed(counts[2]).skipped(counts[3])
            .unchanged(counts[4]).canceled(counts[5]).processing(counts[6]).build())
        .recordErrors(recordErrors)
        .build();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    RuntimeException primary = null;
    // A failed upload already dropped its batch from the buffer, so flushing here only sends
    // records added after that failure (or a batch whose cancel check failed).
    if (!aborted && !cancelled) {
      try {
        flush();
      } catch (RuntimeException e) {
        primary = e;
      }
    }
    try {
      closeAndFinalize();
    } catch (RuntimeException e) {
      if (primary != null) {
        primary.addSuppressed(e);
      } else {
        primary = e;
      }
    }
    if (primary != null) {
      throw primary;
    }
  }

  private void closeAndFinalize() {
    closed = true;
    buffer.clear();
    api.finalizeRun(portion, options.requestOptions());
    finalized = true;
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("bulk run " + portion + " is closed");
    }
    if (cancelled) {
      throw new OomnitzaCancelledException("bulk run " + portion + " was cancelled");
    }
  }

  private void checkCancelled() {
    boolean local = options.cancellation().map(c -> c.getAsBoolean()).orElse(false);
    // Before anything was sent the server cannot know the run, so there is nothing to ask.
    if (!local && options.checkServerCancellation() && (batches > 0 || errorEntries > 0)) {
      local = api.isCancelled(portion, options.requestOptions());
    }
    if (local) {
      cancelled = true;
      buffer.clear();
      throw new OomnitzaCancelledException("bulk run " + portion + " was cancelled");
    }
  }

  /** Uploads; {@code firstIndex} is the run ordinal of the batch's first record (-1 for error entries). */
  private void send(ObjectNode payload, long firstIndex) {
    JsonNode answer;
    try {
      answer = api.post(payload, options.requestOptions());
    } catch (OomnitzaApiException e) {
      // A run cancelled in the UI between our check and this upload may be refused (e.g. 409):
      // report that as the cancellation it is, not as a failure.
      if (e.status() == 409 && options.checkServerCancellation() && isCancelledQuietly()) {
        cancelled = true;
        buffer.clear();
        throw new OomnitzaCancelledException("bulk run " + portion + " was cancelled");
      }
      throw e;
    }
    if (firstIndex >= 0) {
      absorb(answer, firstIndex);
    }
  }

  private boolean isCancelledQuietly() {
    try {
      return api.isCancelled(portion, options.requestOptions());
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Reads counts and per-record errors from a batch answer, if it has them. */
  private void absorb(JsonNode answer, long firstIndex) {
    if (answer == null || !answer.isObject()) {
      return;
    }
    JsonNode objects = answer.get("objects");
    if (objects != null && objects.isObject()) {
      for (int i = 0; i < OUTCOMES.length; i++) {
        counts[i] += objects.path(OUTCOMES[i]).asLong(0);
      }
    }
    JsonNode errors = answer.get("errors");
    if (errors != null && errors.isArray()) {
      for (JsonNode e : errors) {
        if (recordErrors.size() >= MAX_RECORD_ERRORS) {
          break;
        }
        BulkRecordError.Builder b = BulkRecordError.builder().batch(batches + 1);
        if (e.isObject()) {
          if (e.path("index").canConvertToLong() && e.path("index").isNumber()) {
            b.recordIndex(firstIndex + e.get("index").asLong());
          }
          if (e.hasNonNull("record")) {
            b.record(e.get("record").asText());
          }
          JsonNode m = e.hasNonNull("error") ? e.get("error") : e.path("message");
          b.message(m.isMissingNode() || m.isNull() ? e.toString() : m.asText());
        } else {
          b.message(e.asText());
        }
        recordErrors.add(b.build());
      }
    }
  }

  private ObjectNode payload(List<BulkRecord> batch) {
    ObjectNode p = t.mapper().createObjectNode();
    p.put("connector_version", options.connectorVersion());
    ArrayNode sync = p.putArray("sync_field");
    for (FieldId f : options.syncFields()) {
      sync.add(f.value());
    }
    ArrayNode recs = p.putArray("records");
    for (BulkRecord r : batch) {
      ObjectNode o = recs.addObject();
      for (Map.Entry<FieldId, JsonNode> e : r.fields().entrySet()) {
        o.set(e.getKey().value(), e.getValue());
      }
    }
    p.put("portion", portion);
    p.put("data_type", options.dataType());
    p.put("insert_only", options.insertOnly());
    p.put("update_only", options.updateOnly());
    p.putNull("error");
    p.put("test_run", options.testRun());
    options.connector().connectorName().ifPresent(n -> p.put("connector_name", n));
    options.connector().connectorId().ifPresent(id -> p.put("connector_id", id));
    options.extraPayload().forEach((k, v) -> p.set(k, v == null ? null : v.deepCopy()));
    return p;
  }
}
