package org.brexsync.oomnitza.bulk;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.brexsync.oomnitza.internal.ValueStyle;
import org.immutables.value.Value;

/** The {@code objects} counts of a run: added, updated, failed, skipped, unchanged, ... (0 when absent). */
@Value.Immutable
@ValueStyle
@JsonSerialize(as = ImmutableRunCounts.class)
@JsonDeserialize(as = ImmutableRunCounts.class)
public interface RunCounts extends WithRunCounts {
  /** {@return records created} */
  @JsonProperty("added")
  @Value.Default
  default long added() {
    return 0;
  }

  /** {@return records updated} */
  @JsonProperty("updated")
  @Value.Default
  default long updated() {
    return 0;
  }

  /** {@return records that failed} */
  @JsonProperty("failed")
  @Value.Default
  default long failed() {
    return 0;
  }

  /** {@return records skipped (e.g. by Create only / Update only)} */
  @JsonProperty("skipped")
  @Value.Default
  default long skipped() {
    return 0;
  }

  /** {@return records already up to date} */
  @JsonProperty("unchanged")
  @Value.Default
  default long unchanged() {
    return 0;
  }

  /** {@return records not processed because the run was cancelled} */
  @JsonProperty("canceled")
  @Value.Default
  default long canceled() {
    return 0;
  }

  /** {@return records still being processed} */
  @JsonProperty("processing")
  @Value.Default
  default long processing() {
    return 0;
  }

  /** {@return a new, empty builder} */
  static Builder builder() {
    return new Builder();
  }

  /**
   * Builder of {@link RunCounts}, from {@link #builder()}; {@code from(value)} starts from the attributes of
   * an existing value.
   */
  final class Builder extends ImmutableRunCounts.Builder {
    Builder() {}
  }
}
