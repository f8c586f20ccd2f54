package org.brexsync.connector.port;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The state of one integration during one run: what each known source record was last written as
 * ({@link RecordState}), plus the run's own marks (source ids seen, sync-key values claimed) that
 * find duplicates and the records gone from the source. Everything per record may live outside the
 * heap; the engine holds one page and the batches in flight, never the whole state.
 *
 * <h2>Contract</h2>
 *
 * <ul>
 *   <li><b>Reads</b> ({@link #get}, {@link #size}, {@link #lastSuccessfulRun}) see the state as it was
 *       when the session opened: the last committed run plus whatever earlier sessions made durable
 *       with {@link #flush()} without committing (a crashed or failed run). Whether a read also sees
 *       this session's own {@link #put}s is up to the implementation; the engine reads a record
 *       before it writes it and never relies on either.
 *   <li><b>Run marks</b> ({@link #markSeen}, {@link #claimKeys}, {@link #markTargetKeys}) belong to this session only: they
 *       start empty, need not survive a crash, and are dropped at {@link #close()}.
 *   <li><b>Bookkeeping</b> ({@link #put}, {@link #remove}) records writes; {@link #flush()} makes
 *       them durable (the engine flushes after every batch, so a crash loses at most the batch in
 *       flight, never correctness: correlation by sync key prevents duplicates).
 *   <li><b>Commit</b> ({@link #commit}) makes every put and remove of the session part of the state
 *       and records the run's start as the last successful run, atomically: after a crash the state
 *       is the one before the commit or the one after, never a mix.
 *   <li><b>Order</b>: {@link #forEach} and {@link #forEachUnseen} visit records ordered by source id
 *       compared as UTF-8 bytes (SQL: {@code ORDER BY source_id COLLATE "C"}), streaming.
 * </ul>
 *
 * <p>A SQL implementation maps naturally: a table of records keyed by (integration, source id); the
 * run marks as per-run rows ({@code INSERT ... ON CONFLICT DO NOTHING}); "not seen this run" as an
 * anti-join streamed by id; {@link #flush()} as a transaction commit; {@link #commit} as one
 * transaction applying the session's changes and the run row. The methods take a page at a time so
 * such a store makes one round trip per page, not per record.
 *
 * <p>Not thread-safe: one run uses it from one thread. Read-only sessions (dry runs) accept every
 * call and persist nothing.
 */
public interface StateSession extends AutoCloseable {

  /** {@return the start time of the last successful (committed) run; empty before the first} */
  Optional<Instant> lastSuccessfulRun();

  /** {@return the number of records known when the session opened} */
  long size();

  /**
   * The states of some source records (those known; absent ids are left out of the map).
   *
   * @param sourceIds distinct source ids, typically one page
   * @return source id → state, for the ids the store knows
   */
  Map<String, RecordState> get(Collection<String> sourceIds);

  /**
   * {@return the state of one source record; empty when the store does not know it}
   *
   * @param sourceId the source (Brex) id
   */
  default Optional<RecordState> get(String sourceId) {
    return Optional.ofNullable(get(java.util.List.of(sourceId)).get(sourceId));
  }

  /**
   * Marks source records as seen in this run and returns those an earlier call of this session
   * already marked (the engine processes a source id once per run and finds the records gone from
   * the source as the known ones never marked).
   *
   * @param sourceIds distinct source ids (the engine removes repeats within one page first)
   * @return the ids among {@code sourceIds} marked by an earlier call
   */
  Set<String> markSeen(Collection<String> sourceIds);

  /**
   * Claims sync-key values for source records in this run: the first source id to claim a value owns
   * it for the run, so a second Brex user with the same value is found however far apart the two are
   * listed.
   *
   * @param claims normalized sync-key value → claiming source id; values distinct within one call
   * @return for each value an earlier call claimed for a <em>different</em> source id: value → that owner
   */
  Map<String, String> claimKeys(Map<String, String> claims);

  /**
   * Remembers sync-key values the target system holds (normalized), read once by a first run
   * ({@code UserSink#forEachValue}) so it need not look each batch up. A run mark like the others.
   *
   * @param keys normalized sync-key values, typically one page of them
   */
  void markTargetKeys(Collection<String> keys);

  /**
   * {@return those of {@code keys} that {@link #markTargetKeys} recorded in this session}
   *
   * @param keys normalized sync-key values, typically one batch's
   */
  Set<String> targetKeys(Collection<String> keys);

  /**
   * Records a successful write (or a record confirmed equal) of a source record.
   *
   * @param sourceId the source (Brex) id
   * @param state what was written; replaces any earlier state of the record
   */
  void put(String sourceId, RecordState state);

  /**
   * Forgets a source record.
   *
   * @param sourceId the source (Brex) id; unknown ids are ignored
   */
  void remove(String sourceId);

  /** Makes the puts and removes so far durable (they survive a crash, uncommitted). */
  void flush();

  /**
   * Visits every known record, streaming, in source-id order. The visitor may {@link #put} or
   * {@link #remove} the record it visits.
   *
   * @param visitor called with each source id and its state
   */
  void forEach(BiConsumer<String, RecordState> visitor);

  /**
   * Visits the known records that {@link #markSeen} did not mark in this session, streaming, in
   * source-id order: the records gone from the source when the run read all of it. The visitor may
   * {@link #put} or {@link #remove} the record it visits.
   *
   * @param visitor called with each unseen source id and its state
   */
  void forEachUnseen(BiConsumer<String, RecordState> visitor);

  /**
   * Marks the run that started at {@code runStart} successful and makes all its changes part of the state.
   *
   * @param runStart when the run started; the next {@link #lastSuccessfulRun()}
   */
  void commit(Instant runStart);

  /** Releases the session: flushed but uncommitted changes stay durable; run marks are dropped. */
  @Override
  void close();
}
