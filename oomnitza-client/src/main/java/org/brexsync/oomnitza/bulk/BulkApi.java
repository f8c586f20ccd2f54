package org.brexsync.oomnitza.bulk;

import org.brexsync.oomnitza.ListQuery;
import org.brexsync.oomnitza.PagedIterable;
import org.brexsync.oomnitza.RequestOptions;

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
   *
   * @param options options of this call only
   * @return the bulk run
   */
  BulkRun start(BulkRunOptions options);

  /**
   * Uploads all {@code records} in one run: batches, checks cancellation per batch, and finalizes
   * in a {@code finally}. A cancelled run (caller's token or Oomnitza's UI) is finalized and
   * returned with {@link BulkRunResult#cancelled()} set. On any other exception the run is aborted
   * with a fatal error entry, finalized, and the exception rethrown.
   *
   * @param options options of this call only
   * @param records the records
   * @return the bulk run result
   */
  BulkRunResult upload(BulkRunOptions options, Iterable<BulkRecord> records);

  /**
   * {@return {@code GET /api/v3/bulk/{portion}} → whether the run was cancelled in Oomnitza's UI}
   *
   * @param portion the bulk run id (Oomnitza's {@code portion})
   */
  default boolean isCancelled(String portion) {
    return isCancelled(portion, RequestOptions.none());
  }

  /**
   * {@return {@link #isCancelled(String)} with per-call options}
   *
   * @param portion the bulk run id (Oomnitza's {@code portion})
   * @param options options of this call only
   */
  boolean isCancelled(String portion, RequestOptions options);

  /**
   * {@code POST /api/v3/bulk/{portion}/finalize} with body {@code {}}.
   *
   * @param portion the bulk run id (Oomnitza's {@code portion})
   */
  default void finalizeRun(String portion) {
    finalizeRun(portion, RequestOptions.none());
  }

  /**
   * {@link #finalizeRun(String)} with per-call options.
   *
   * @param portion the bulk run id (Oomnitza's {@code portion})
   * @param options options of this call only
   */
  void finalizeRun(String portion, RequestOptions options);

  /**
   * Run logs of a connector, newest first if Oomnitza sorts that way, lazily paged.
   *
   * @param connector the connector
   * @param query the query
   * @return the run log entries, fetched a page at a time as they are iterated
   */
  default PagedIterable<RunLogEntry> runLogs(ConnectorRef connector, ListQuery query) {
    return runLogs(connector, query, RequestOptions.none());
  }

  /**
   * {@return {@link #runLogs(ConnectorRef, ListQuery)} with per-call options, applied to every page}
   *
   * @param connector the connector
   * @param query the query
   * @param options options of this call only
   */
  PagedIterable<RunLogEntry> runLogs(ConnectorRef connector, ListQuery query, RequestOptions options);

  /**
   * {@return details of one run by its {@code portion_id} (or correlation id, as Oomnitza accepts)}
   *
   * @param portionId the portion id
   */
  default RunLogDetails runLog(String portionId) {
    return runLog(portionId, RequestOptions.none());
  }

  /**
   * {@return {@link #runLog(String)} with per-call options}
   *
   * @param portionId the portion id
   * @param options options of this call only
   */
  RunLogDetails runLog(String portionId, RequestOptions options);
}
