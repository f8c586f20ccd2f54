package org.brexsync.oomnitza.bulk;

import java.util.List;
import org.brexsync.oomnitza.internal.ValueStyle;
import org.immutables.value.Value;

/**
 * What the client sent in a run, plus whatever the batch answers reported. Oomnitza does not
 * document the answer to an upload; read {@link BulkApi#runLog(String)} for the authoritative
 * added/updated/failed counts.
 */
@Value.Immutable
@ValueStyle
public interface BulkRunResult extends WithBulkRunResult {
  /** {@return the run id ({@code portion})} */
  String portion();

  /** {@return batches uploaded} */
  int batches();

  /** {@return records uploaded (excluding error entries)} */
  long records();

  /** {@return error entries uploaded (per-record errors and a fatal error)} */
  int errorEntries();

  /** {@return true if the run stopped because it was cancelled (by the caller or in Oomnitza's UI)} */
  boolean cancelled();

  /** {@return true if the run was aborted with a fatal error} */
  boolean aborted();

  /** {@return true once {@code finalize} succeeded} */
  boolean finalized();

  /**
   * {@return outcome counts summed over the batch answers, when Oomnitza's answers carry an
   * {@code objects} map (all zero otherwise)} The run log has the final numbers.
   */
  RunCounts reportedCounts();

  /** {@return per-record errors from the batch answers (at most 10,000 kept), when Oomnitza reports them} */
  List<BulkRecordError> recordErrors();

  /** {@return a new, empty builder} */
  static Builder builder() {
    return new Builder();
  }

  /**
   * Builder of {@link BulkRunResult}, from {@link #builder()}; {@code from(value)} starts from the attributes of
   * an existing value.
   */
  final class Builder extends ImmutableBulkRunResult.Builder {
    Builder() {}
  }
}
