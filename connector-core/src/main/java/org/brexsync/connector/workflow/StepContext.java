package org.brexsync.connector.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.brexsync.connector.record.RecordView;
import org.brexsync.connector.workflow.internal.Renderer;

/**
 * What a step sees of the record it runs for: the Oomnitza record (including values written back
 * by earlier steps of the same run) and the run's variables, which take precedence over record
 * fields. Used by the typed {@link BrexActions} to build their requests.
 */
public interface StepContext {

  /** {@return the record's ident (the Oomnitza username by default)} */
  String recordIdent();

  /** {@return the record as it is now} */
  RecordView record();

  /**
   * {@return a variable: the run's value if set, else the record field of that name; empty if missing or null}
   *
   * @param name the name
   */
  Optional<JsonNode> variable(String name);

  /**
   * {@return a variable as text (containers as JSON), empty when missing or blank}
   *
   * @param name the name
   */
  default Optional<String> text(String name) {
    return variable(name).map(Renderer::text).filter(s -> !s.isBlank());
  }

  /**
   * {@return a variable as text}
   *
   * @param name the name
   * @throws WorkflowInputException naming the variable when it is missing
   */
  default String require(String name) {
    return text(name).orElseThrow(() -> new WorkflowInputException(stepName(), List.of(name), List.of()));
  }

  /** {@return the name of the step being prepared (for messages)} */
  String stepName();
}
