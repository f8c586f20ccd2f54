package org.brexsync.oomnitza.bulk;

/**
 * One connector run ("portion") in progress. Records are buffered and uploaded in batches of
 * {@link BulkRunOptions#batchSize()}; before each batch the run checks for cancellation.
 * {@link #close()} uploads what is left (unless the run was aborted or cancelled) and always
 * finalizes the run, also when an upload failed, so Oomnitza never keeps a dangling session.
 *
 * <pre>{@code
 * try (BulkRun run = client.bulk().start(options)) {
 *   for (BulkRecord r : records) run.add(r);
 * } // flushed and finalized here
 * }</pre>
 *
 * <p>Not thread-safe: feed a run from one thread.
 */
public interface BulkRun extends AutoCloseable {
  /** {@return the run id sent as {@code portion}} */
  String portion();

  /**
   * Buffers a record and uploads a batch when the buffer is full.
   *
   * @param record the record
   */
  void add(BulkRecord record);

  /**
   * {@link #add} for each record.
   *
   * @param records the records
   */
  default void addAll(Iterable<BulkRecord> records) {
    for (BulkRecord r : records) {
      add(r);
    }
  }

  /**
   * Reports a record that could not be prepared: it is uploaded as an error entry (payload with
   * {@code error}) so it shows as failed in the run log. Flushes buffered records first.
   *
   * @param record the record
   * @param message the message
   */
  void addError(BulkRecord record, String message);

  /** Uploads buffered records now. */
  void flush();

  /**
   * Ends the run as failed: discards buffered records, uploads a fatal error entry
   * ({@code error_type: "Fatal Error"}) and finalizes. Best effort: failures of these two calls are
   * logged at WARN and not thrown, so the caller's original exception stays the one reported. Use
   * after catching an exception; {@link #close()} is then a no-op.
   *
   * @param reason the reason
   */
  void abort(String reason);

  /** {@return what was sent so far} */
  BulkRunResult result();

  /** Flushes (unless aborted or cancelled) and finalizes; finalize is attempted even if flushing fails. */
  @Override
  void close();
}
