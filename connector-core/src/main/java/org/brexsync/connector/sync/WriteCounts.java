package org.brexsync.connector.sync;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.brexsync.connector.internal.ValueStyle;
import org.immutables.value.Value;

/**
 * Records written to Oomnitza in a run, counted after the calls: {@link #sent()} reached Oomnitza
 * (a record refused before any request is not counted), of which {@link #accepted()} were confirmed,
 * {@link #failed()} were rejected or whose call failed, and {@link #unverified()} got no per-record
 * answer (a bulk portion whose answer names no records). {@code sent = accepted + failed + unverified}.
 * A record retried counts once. JSON: {@code {"sent":11,"accepted":9,"failed":2,"unverified":0}}.
 */
@Value.Immutable
@ValueStyle
@JsonSerialize(as = ImmutableWriteCounts.class)
@JsonDeserialize(as = ImmutableWriteCounts.class)
public abstract class WriteCounts implements WithWriteCounts {
  /** {@return records whose write reached Oomnitza} */
  @JsonProperty("sent")
  @Value.Default
  public long sent() {
    return 0;
  }

  /** {@return records Oomnitza confirmed written (or already equal)} */
  @JsonProperty("accepted")
  @Value.Default
  public long accepted() {
    return 0;
  }

  /** {@return records Oomnitza rejected, or whose call failed after it was sent} */
  @JsonProperty("failed")
  @Value.Default
  public long failed() {
    return 0;
  }

  /** {@return records sent without a per-record answer} */
  @JsonProperty("unverified")
  @Value.Default
  public long unverified() {
    return 0;
  }

  /** {@return counts of a run that wrote nothing (all zero)} */
  public static WriteCounts none() {
    return builder().build();
  }

  /**
   * Counts.
   *
   * @param sent records whose write reached Oomnitza
   * @param accepted records Oomnitza confirmed written (or already equal)
   * @param failed records Oomnitza rejected, or whose call failed after it was sent
   * @param unverified records sent without a per-record answer
   * @return the counts
   */
  public static WriteCounts of(long sent, long accepted, long failed, long unverified) {
    return builder().sent(sent).accepted(accepted).failed(failed).unverified(unverified).build();
  }

  /** {@return a new, empty builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builder of {@link WriteCounts}, from {@link #builder()}; {@code from(value)} starts from the attributes of
   * an existing value.
   */
  public static final class Builder extends ImmutableWriteCounts.Builder {
    Builder() {}
  }
}
