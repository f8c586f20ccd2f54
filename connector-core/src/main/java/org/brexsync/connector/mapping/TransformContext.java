package org.brexsync.connector.mapping;

import java.time.Instant;
import java.util.Objects;
import org.brexsync.connector.record.RecordView;

/** What a {@link Transformer} may read besides its input value: the whole source record and the sync time. */
public final class TransformContext {
  private final RecordView record;
  private final Instant syncTime;

  private TransformContext(RecordView record, Instant syncTime) {
    this.record = Objects.requireNonNull(record, "record");
    this.syncTime = Objects.requireNonNull(syncTime, "syncTime");
  }

  /**
   * {@return a context}
   *
   * @param record the record
   * @param syncTime the sync time
   */
  public static TransformContext of(RecordView record, Instant syncTime) {
    return new TransformContext(record, syncTime);
  }

  /** {@return the source record being mapped} */
  public RecordView record() {
    return record;
  }

  /** {@return the connector sync time of the run} */
  public Instant syncTime() {
    return syncTime;
  }
}
