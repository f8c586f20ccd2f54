package org.brexsync.oomnitza.bulk;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.Optional;
import org.brexsync.oomnitza.internal.ValueStyle;
import org.immutables.value.Value;

/**
 * One connector run in a run-log list ({@code GET /api/v3/connector_run_logs/{connector}}).
 * Counts default to 0 when Oomnitza omits them.
 */
@Value.Immutable
@ValueStyle
@JsonSerialize(as = ImmutableRunLogEntry.class)
@JsonDeserialize(as = ImmutableRunLogEntry.class)
public interface RunLogEntry extends WithRunLogEntry {
  /** {@return {@code portion_id} (Oomnitza's id of the run; the log-details key)} */
  @JsonProperty("portion_id")
  Optional<String> portionId();

  /** {@return {@code portion_correlation_id} (the {@code portion} the client sent)} */
  @JsonProperty("portion_correlation_id")
  Optional<String> portionCorrelationId();

  /** {@return {@code start_time}, Unix seconds with fraction} */
  @JsonProperty("start_time")
  Optional<Double> startTimeSeconds();

  /** {@return {@code end_time}, Unix seconds with fraction} */
  @JsonProperty("end_time")
  Optional<Double> endTimeSeconds();

  /** {@return {@code connector}} */
  @JsonProperty("connector")
  Optional<String> connector();

  /** {@return {@code status}, e.g. {@code "Completed with errors"}} */
  @JsonProperty("status")
  Optional<String> status();

  /** {@return {@code test_run}} */
  @JsonProperty("test_run")
  @Value.Default
  default boolean testRun() {
    return false;
  }

  /** {@return {@code deployment}, e.g. {@code cloud}} */
  @JsonProperty("deployment")
  Optional<String> deployment();

  /** {@return {@code added_records_count}} */
  @JsonProperty("added_records_count")
  @Value.Default
  default long addedRecordsCount() {
    return 0;
  }

  /** {@return {@code updated_records_count}} */
  @JsonProperty("updated_records_count")
  @Value.Default
  default long updatedRecordsCount() {
    return 0;
  }

  /** {@return {@code skipped_records_count}} */
  @JsonProperty("skipped_records_count")
  @Value.Default
  default long skippedRecordsCount() {
    return 0;
  }

  /** {@return {@code unchanged_records_count} (not in every description; 0 when absent)} */
  @JsonProperty("unchanged_records_count")
  @Value.Default
  default long unchangedRecordsCount() {
    return 0;
  }

  /** {@return {@code failed_records_count} (not in every description; 0 when absent)} */
  @JsonProperty("failed_records_count")
  @Value.Default
  default long failedRecordsCount() {
    return 0;
  }

  /** {@return {@code error_logs_count}} */
  @JsonProperty("error_logs_count")
  @Value.Default
  default long errorLogsCount() {
    return 0;
  }

  /** {@return {@link #startTimeSeconds()} as an instant} */
  @JsonIgnore
  default Optional<Instant> startTime() {
    return startTimeSeconds().map(RunLogDetails::toInstant);
  }

  /** {@return {@link #endTimeSeconds()} as an instant} */
  @JsonIgnore
  default Optional<Instant> endTime() {
    return endTimeSeconds().map(RunLogDetails::toInstant);
  }

  /** {@return a new, empty builder} */
  static Builder builder() {
    return new Builder();
  }

  /**
   * Builder of {@link RunLogEntry}, from {@link #builder()}; {@code from(value)} starts from the attributes of
   * an existing value.
   */
  final class Builder extends ImmutableRunLogEntry.Builder {
    Builder() {}
  }
}
