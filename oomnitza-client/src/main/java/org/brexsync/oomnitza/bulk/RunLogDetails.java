package org.brexsync.oomnitza.bulk;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.brexsync.oomnitza.internal.ValueStyle;
import org.immutables.value.Value;

/**
 * Details of one run ({@code GET /api/v3/connector_run_logs/connectors/{portion}}): status, counts
 * per outcome and the log lines per outcome (keys such as {@code added}, {@code failed},
 * {@code Fatal Error}).
 */
@Value.Immutable
@ValueStyle
@JsonSerialize(as = ImmutableRunLogDetails.class)
@JsonDeserialize(as = ImmutableRunLogDetails.class)
public interface RunLogDetails {
  /** {@code connector}. */
  @JsonProperty("connector")
  Optional<String> connector();

  /** {@code deployment}. */
  @JsonProperty("deployment")
  Optional<String> deployment();

  /** {@code status}, e.g. {@code "Completed with errors"}. */
  @JsonProperty("status")
  Optional<String> status();

  /** {@code start_time}, Unix seconds. */
  @JsonProperty("start_time")
  Optional<Double> startTimeSeconds();

  /** {@code end_time}, Unix seconds. */
  @JsonProperty("end_time")
  Optional<Double> endTimeSeconds();

  /** {@code objects}: counts per outcome. */
  @JsonProperty("objects")
  @Value.Default
  default RunCounts objects() {
    return ImmutableRunCounts.builder().build();
  }

  /** {@code logs}: log lines per outcome. */
  @JsonProperty("logs")
  Map<String, List<String>> logs();

  /** {@code test_run}. */
  @JsonProperty("test_run")
  @Value.Default
  default boolean testRun() {
    return false;
  }

  /** {@code test_run_payload}: the records kept by a test run. */
  @JsonProperty("test_run_payload")
  List<JsonNode> testRunPayload();

  /** Log lines of the fatal error, if any ({@code logs["Fatal Error"]}). */
  @JsonIgnore
  default List<String> fatalErrors() {
    return logs().getOrDefault("Fatal Error", List.of());
  }

  /** {@link #startTimeSeconds()} as an instant. */
  @JsonIgnore
  default Optional<Instant> startTime() {
    return startTimeSeconds().map(RunLogDetails::toInstant);
  }

  /** {@link #endTimeSeconds()} as an instant. */
  @JsonIgnore
  default Optional<Instant> endTime() {
    return endTimeSeconds().map(RunLogDetails::toInstant);
  }

  /** Unix seconds with fraction → instant (millisecond precision). */
  static Instant toInstant(double seconds) {
    return Instant.ofEpochMilli(Math.round(seconds * 1000.0));
  }
}
