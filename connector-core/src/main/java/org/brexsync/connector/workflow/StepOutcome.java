package org.brexsync.connector.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The recorded outcome of one step for one record.
 *
 * @param step the step's name
 * @param status what happened
 * @param request the request sent or planned (secrets redacted), if one was built
 * @param httpStatus the HTTP status of the answer, if one came
 * @param written the Oomnitza fields written back (by the positive or negative mappings)
 * @param reason why it failed, was skipped or not run; empty on success
 */
public record StepOutcome(String step, StepStatus status, Optional<PlannedRequest> request,
    Optional<Integer> httpStatus, Map<String, JsonNode> written, Optional<String> reason) {
  /**
   * An outcome (copies the map).
   *
   * @param httpStatus the http status
   * @param reason the reason
   * @param request the request
   * @param status the status
   * @param step the step
   * @param written the written
   */
  public StepOutcome {
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(status, "status");
    written = Map.copyOf(written);
  }

  @Override
  public String toString() {
    return step + ": " + status + httpStatus.map(s -> " (HTTP " + s + ")").orElse("")
        + reason.map(r -> " - " + r).orElse("");
  }
}
