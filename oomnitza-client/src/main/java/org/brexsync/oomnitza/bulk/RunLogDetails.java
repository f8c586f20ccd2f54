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
public interface RunLogDetails extends WithRunLogDetails {
  /** {@return {@code connector}} */
  @JsonProperty("connector")
  Optional<String> connector();

  /** {@return {@code deployment}} */
  @JsonProperty("deployment")
  Optional<String> deployment();

  /** {@return {@code status}, e.g. {@code "Completed with errors"}} */
  @JsonProperty("status")
  Optional<String> status();

  /** {@return {@code start_time}, Unix seconds} */
  @JsonProperty("start_time")
  Optional<Double> startTimeSeconds();

  /** {@return {@code end_time}, Unix seconds} */
  @JsonProperty("end_time")
  Optional<Double> endTimeSeconds();

  /** {@return {@code objects}: counts per outcome} */
  @JsonProperty("objects")
  @Value.Default
  default RunCounts objects() {
    return RunCounts.builder().build();
  }

  /**
   * {@return {@code logs}: log entries per outcome} Documented as strings; some servers send objects
   * ({@code {"record","message"}}), so entries are kept as JSON. See {@link #messages(String)}.
   */
  @JsonProperty("logs")
  Map<String, List<JsonNode>> logs();

  /** {@return {@code test_run}} */
  @JsonProperty("test_run")
  @Value.Default
  default boolean testRun() {
    return false;
  }

  /** {@return {@code test_run_payload}: the records kept by a test run} */
  @JsonProperty("test_run_payload")
  List<JsonNode> testRunPayload();

  /**
   * {@return log entries of one outcome as text: a string entry as-is, an object as "record: message"}
   *
   * @param outcome the outcome
   */
  default List<String> messages(String outcome) {
    List<String> out = new java.util.ArrayList<>();
    for (JsonNode e : logs().getOrDefault(outcome, List.of())) {
      if (e == null || e.isNull()) {
        continue;
      }
      if (e.isValueNode()) {
        out.add(e.asText());
      } else if (e.has("message") || e.has("record")) {
        String rec = e.path("record").asText("");
        String msg = e.path("message").asText("");
        out.add(rec.isEmpty() ? msg : msg.isEmpty() ? rec : rec + ": " + msg);
      } else {
        out.add(e.toString());
      }
    }
    return out;
  }

  /**
   * Messages of the fatal error, if any ({@code logs["Fatal Error"]}).
   *
   * @return the strings
   */
  @JsonIgnore
  default List<String> fatalErrors() {
    return messages("Fatal Error");
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

  /**
   * {@return unix seconds with fraction → instant (millisecond precision)}
   *
   * @param seconds the seconds
   */
  static Instant toInstant(double seconds) {
    return Instant.ofEpochMilli(Math.round(seconds * 1000.0));
  }

  /** {@return a new, empty builder} */
  static Builder builder() {
    return new Builder();
  }

  /**
   * Builder of {@link RunLogDetails}, from {@link #builder()}; {@code from(value)} starts from the attributes of
   * an existing value.
   */
  final class Builder extends ImmutableRunLogDetails.Builder {
    Builder() {}
  }
}
