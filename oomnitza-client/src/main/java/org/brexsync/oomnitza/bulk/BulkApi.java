package org.brexsync.oomnitza.bulk;

import org.brexsync.oomnitza.ListQuery;
import org.brexsync.oomnitza.PagedIterable;

/**
 * Oomnitza's connector ("bulk") API as the official connector uses it. The contract is not
 * documented by Oomnitza; paths and the cancel field are configurable in
 * {@link org.brexsync.oomnitza.OomnitzaConventions}. Obtain from
 * {@link org.brexsync.oomnitza.OomnitzaClient#bulk()}.
 *
 * <p>Uploads ({@code POST /api/v3/bulk}) are retried like idempotent calls: Oomnitza upserts by
 * {@code sync_field}, so a repeated batch updates rather than duplicates (as the official connector
 * assumes). Without sync fields a retried batch may create records twice; such runs use
 * {@link org.brexsync.oomnitza.RetryPolicy#none()} if that matters.
 */
public interface BulkApi {
  /**
   * Starts a run. No call is made until the first batch is full or flushed; the options are
   * validated first.
   */
  BulkRun start(BulkRunOptions options);

  /**
   * Uploads all {@code records} in one run: batches, checks cancellation per batch, and finalizes
   * in a {@code finally}. A cancelled run (caller's token or Oomnitza's UI) is finalized and
   * returned with {@link BulkRunResult#cancelled()} set. On any other exception the run is aborted
   * with a fatal error entry, finalized, and the exception rethrown.
   */
  BulkRunResult upload(BulkRunOptions options, Iterable<BulkRecord> records);

  /** {@code GET /api/v3/bulk/{portion}} → whether the run was cancelled in Oomnitza's UI. */
  boolean isCancelled(String portion);

  /** {@code POST /api/v3/bulk/{portion}/finalize} with body {@code {}}. */
  void finalizeRun(String portion);

  /** Run logs of a connector, newest first if Oomnitza sorts that way, lazily paged. */
  PagedIterable<RunLogEntry> runLogs(ConnectorRef connector, ListQuery query);

  /** Details of one run by its {@code portion_id} (or correlation id, as Oomnitza accepts). */
  RunLogDetails runLog(String portionId);
}
