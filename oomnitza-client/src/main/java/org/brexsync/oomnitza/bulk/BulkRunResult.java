package org.brexsync.oomnitza.bulk;

import org.brexsync.oomnitza.internal.ValueStyle;
import org.immutables.value.Value;

/**
 * What the client sent in a run. Oomnitza applies records asynchronously and does not answer per
 * record; read {@link BulkApi#runLog(String)} for added/updated/failed counts.
 */
@Value.Immutable
@ValueStyle
public interface BulkRunResult {
  /** The run id ({@code portion}). */
  String portion();

  /** Batches uploaded. */
  int batches();

  /** Records uploaded (excluding error entries). */
  long records();

  /** Error entries uploaded (per-record errors and a fatal error). */
  int errorEntries();

  /** True if the run stopped because it was cancelled (by the caller or in Oomnitza's UI). */
  boolean cancelled();

  /** True if the run was aborted with a fatal error. */
  boolean aborted();

  /** True once {@code finalize} succeeded. */
  boolean finalized();
}
