package org.brexsync.connector.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One step of a {@link Workflow}: either a data-driven {@link ApiBlock} ({@link #of(ApiBlock)}) or a
 * typed Brex action from {@link BrexActions}. A step is first prepared (variables resolved, input
 * validated, the exact request built; nothing sent), then sent; its response mappings write back
 * into the Oomnitza record. Immutable and thread-safe.
 */
public abstract class WorkflowStep {

  WorkflowStep() {}

  /** {@return the step's name, used in reports} */
  public abstract String name();

  /** {@return mappings applied after a 2xx answer} */
  public abstract List<ResponseMapping> positive();

  /** {@return mappings applied after an error answer} */
  public abstract List<ResponseMapping> negative();

  /**
   * {@return a step running an API block}
   *
   * @param block the API block
   */
  public static WorkflowStep of(ApiBlock block) {
    return new ApiBlockStep(block);
  }

  /** Builds the request for one record; throws {@link WorkflowInputException} before anything is sent. */
  abstract Prepared prepare(StepContext ctx, Services services);

  /** A prepared request, ready to send. */
  interface Prepared {
    PlannedRequest planned();

    Response send();
  }

  /** An answer: status, headers and the body (JSON, or a JSON string when not JSON). */
  record Response(int status, Map<String, List<String>> headers, Optional<JsonNode> body) {
    boolean ok() {
      return status >= 200 && status < 300;
    }
  }
}
