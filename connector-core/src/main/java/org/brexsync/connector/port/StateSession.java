package org.brexsync.connector.port;

import java.time.Instant;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The state of one integration during one run. {@link #put} and {@link #remove} record successful
 * writes; {@link #flush()} makes them durable (called after each batch, so a crash loses at most the
 * current batch's bookkeeping, never correctness: correlation by sync key prevents duplicates);
 * {@link #commit(Instant)} marks a successful run. Not thread-safe: used by one run.
 */
public interface StateSession extends AutoCloseable {

  /** The state of a source record. */
  Optional<RecordState> get(String sourceId);

  /** Number of known records. */
  int size();

  /** Records a successful write (or a confirmed-equal record). */
  void put(String sourceId, RecordState state);

  /** Forgets a record. */
  void remove(String sourceId);

  /** Visits every known record. */
  void forEach(BiConsumer<String, RecordState> visitor);

  /** The start time of the last successful run. */
  Optional<Instant> lastSuccessfulRun();

  /** Makes puts and removes durable. */
  void flush();

  /** Marks the run that started at {@code runStart} successful and persists everything. */
  void commit(Instant runStart);

  /** Releases the session (uncommitted but flushed changes stay durable). */
  @Override
  void close();
}
