package org.brexsync.connector.sync;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.brexsync.connector.internal.ValueStyle;
import org.immutables.value.Value;

/**
 * The run guard: abort instead of writing when Brex returns no users while records are known, or when
 * the run would change (update or deprovision) more than {@link #maxChangeShare()} of the records known
 * from earlier runs. The share is checked before each batch is written and before deprovisioning, so
 * an aborted run stops early; records it already wrote stay written and committed.
 * JSON form: {@code {"abortOnEmptySource":true,"maxChangeShare":0.5,"minKnownRecords":10}}.
 */
@Value.Immutable
@ValueStyle
@JsonSerialize(as = ImmutableSafetyPolicy.class)
@JsonDeserialize(as = ImmutableSafetyPolicy.class)
public abstract class SafetyPolicy {
  /** Default maximum share of known records one run may change. */
  public static final double DEFAULT_MAX_CHANGE_SHARE = 0.5;
  /** Default number of known records below which the share is not checked. */
  public static final int DEFAULT_MIN_KNOWN_RECORDS = 10;

  /** Abort when Brex returns no users at all. */
  @JsonProperty("abortOnEmptySource")
  @Value.Default
  public boolean abortOnEmptySource() {
    return true;
  }

  /** Maximum share (0..1] of known records a run may update or deprovision; 1 disables the check. */
  @JsonProperty("maxChangeShare")
  @Value.Default
  public double maxChangeShare() {
    return DEFAULT_MAX_CHANGE_SHARE;
  }

  /** The share is only checked when at least this many records are known. */
  @JsonProperty("minKnownRecords")
  @Value.Default
  public int minKnownRecords() {
    return DEFAULT_MIN_KNOWN_RECORDS;
  }

  /** The defaults. */
  public static SafetyPolicy defaults() {
    return ImmutableSafetyPolicy.builder().build();
  }

  /** No guard at all. */
  public static SafetyPolicy disabled() {
    return ImmutableSafetyPolicy.builder().abortOnEmptySource(false).maxChangeShare(1.0).build();
  }

  /** A builder. */
  public static ImmutableSafetyPolicy.Builder builder() {
    return ImmutableSafetyPolicy.builder();
  }

  @Value.Check
  void check() {
    if (!(maxChangeShare() > 0 && maxChangeShare() <= 1)) {
      throw new IllegalStateException("maxChangeShare must be in (0, 1], got " + maxChangeShare());
    }
    if (minKnownRecords() < 0) {
      throw new IllegalStateException("minKnownRecords must be >= 0");
    }
  }
}
