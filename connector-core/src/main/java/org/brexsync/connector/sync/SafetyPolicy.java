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
 *
 * <p>It also bounds what a failing Oomnitza costs: the engine's own write retries (on top of the
 * client's) come out of one {@link #writeRetryBudget()} for the whole run, and the run stops
 * (ABORTED) after {@link #maxConsecutiveWriteFailures()} writes in a row failed transiently.
 * JSON form: {@code {"abortOnEmptySource":true,"maxChangeShare":0.5,"minKnownRecords":10,
 * "maxConsecutiveWriteFailures":10,"writeRetryBudget":50}}.
 */
@Value.Immutable
@ValueStyle
@JsonSerialize(as = ImmutableSafetyPolicy.class)
@JsonDeserialize(as = ImmutableSafetyPolicy.class)
public abstract class SafetyPolicy implements WithSafetyPolicy {
  /** Default maximum share of known records one run may change. */
  public static final double DEFAULT_MAX_CHANGE_SHARE = 0.5;
  /** Default number of known records below which the share is not checked. */
  public static final int DEFAULT_MIN_KNOWN_RECORDS = 10;
  /** Default number of transient write failures in a row that stops a run. */
  public static final int DEFAULT_MAX_CONSECUTIVE_WRITE_FAILURES = 10;
  /** Default number of engine-level write retries per run. */
  public static final int DEFAULT_WRITE_RETRY_BUDGET = 50;

  /** {@return whether to abort when Brex returns no users at all (default true)} */
  @JsonProperty("abortOnEmptySource")
  @Value.Default
  public boolean abortOnEmptySource() {
    return true;
  }

  /** {@return the maximum share (0..1] of known records a run may update or deprovision; 1 disables the check} */
  @JsonProperty("maxChangeShare")
  @Value.Default
  public double maxChangeShare() {
    return DEFAULT_MAX_CHANGE_SHARE;
  }

  /**
   * The share is only checked when at least this many records are known.
   *
   * @return the number of known records below which the share is not checked
   */
  @JsonProperty("minKnownRecords")
  @Value.Default
  public int minKnownRecords() {
    return DEFAULT_MIN_KNOWN_RECORDS;
  }

  /**
   * Stop the run (ABORTED, remaining records not attempted, state not committed) after this many
   * writes in a row failed transiently (5xx, 429, timeouts, resets) after their retries; 0 never
   * stops. A write that succeeds or is refused for a record-specific reason resets the count.
   *
   * @return the number of transient write failures in a row that stops the run; 0 for never
   */
  @JsonProperty("maxConsecutiveWriteFailures")
  @Value.Default
  public int maxConsecutiveWriteFailures() {
    return DEFAULT_MAX_CONSECUTIVE_WRITE_FAILURES;
  }

  /**
   * Write retries the engine may add, in total for the run, on top of the Oomnitza client's own
   * retries (a failed create is re-checked by sync key and tried again; a failed update is
   * re-resolved and tried again). When it is used up, a failed write fails its record at once. 0: no
   * engine retries.
   *
   * @return the number of engine-level write retries per run
   */
  @JsonProperty("writeRetryBudget")
  @Value.Default
  public int writeRetryBudget() {
    return DEFAULT_WRITE_RETRY_BUDGET;
  }

  /** {@return the default guard} */
  public static SafetyPolicy defaults() {
    return builder().build();
  }

  /** {@return no guard at all: never aborts (the write retry budget keeps its default)} */
  public static SafetyPolicy disabled() {
    return builder().abortOnEmptySource(false).maxChangeShare(1.0).maxConsecutiveWriteFailures(0).build();
  }

  /** {@return a new builder, starting from the defaults} */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  void check() {
    if (!(maxChangeShare() > 0 && maxChangeShare() <= 1)) {
      throw new IllegalStateException("maxChangeShare must be in (0, 1], got " + maxChangeShare());
    }
    if (minKnownRecords() < 0) {
      throw new IllegalStateException("minKnownRecords must be >= 0");
    }
    if (maxConsecutiveWriteFailures() < 0) {
      throw new IllegalStateException("maxConsecutiveWriteFailures must be >= 0 (0: never stop early)");
    }
    if (writeRetryBudget() < 0) {
      throw new IllegalStateException("writeRetryBudget must be >= 0");
    }
  }

  /**
   * Builder of {@link SafetyPolicy}, from {@link #builder()}; {@code from(value)} starts from the attributes of
   * an existing value.
   */
  public static final class Builder extends ImmutableSafetyPolicy.Builder {
    Builder() {}
  }
}
