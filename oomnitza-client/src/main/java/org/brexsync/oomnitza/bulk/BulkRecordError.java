package org.brexsync.oomnitza.bulk;

import java.util.Optional;
import org.brexsync.oomnitza.internal.ValueStyle;
import org.immutables.value.Value;

/**
 * A per-record error that Oomnitza reported in the answer to a batch upload (when it reports
 * them; the official connector does not read the answer, so this may stay empty — the run log is
 * the authoritative place, see {@link BulkApi#runLog(String)}).
 */
@Value.Immutable
@ValueStyle
public interface BulkRecordError extends WithBulkRecordError {
  /** {@return the batch, 1-based} */
  int batch();

  /** {@return 0-based position of the record in the run (across batches), if the server gave an index} */
  Optional<Long> recordIndex();

  /** {@return the record as the server named it (usually its sync-field value)} */
  Optional<String> record();

  /** {@return the server's reason} */
  String message();

  /** {@return a new, empty builder} */
  static Builder builder() {
    return new Builder();
  }

  /**
   * Builder of {@link BulkRecordError}, from {@link #builder()}; {@code from(value)} starts from the attributes of
   * an existing value.
   */
  final class Builder extends ImmutableBulkRecordError.Builder {
    Builder() {}
  }
}
