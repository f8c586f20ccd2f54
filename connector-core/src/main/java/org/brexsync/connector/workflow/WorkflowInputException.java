package org.brexsync.connector.workflow;

import java.util.List;

/**
 * A step cannot be sent because its input is incomplete or invalid: missing template variables, a
 * value that cannot go where it is placed, or a broken Brex rule (unknown reason, non-US or PO-box
 * address, ...). Always thrown before any request of that step is sent. Lists every problem at once.
 */
public class WorkflowInputException extends WorkflowException {
  private static final long serialVersionUID = 1L;
  /** Variables the record does not supply. */
  private final List<String> missingVariables;
  /** Every other problem of the input. */
  private final List<String> problems;

  /**
   * An exception for a step's missing variables and other problems.
   *
   * @param step the step
   * @param missingVariables the missing variables
   * @param problems every problem found
   */
  public WorkflowInputException(String step, List<String> missingVariables, List<String> problems) {
    super(message(step, missingVariables, problems));
    this.missingVariables = List.copyOf(missingVariables);
    this.problems = List.copyOf(problems);
  }

  private static String message(String step, List<String> missing, List<String> problems) {
    StringBuilder sb = new StringBuilder("step '").append(step).append("' not sent: ");
    if (!missing.isEmpty()) {
      sb.append("missing variable").append(missing.size() > 1 ? "s " : " ");
      for (int i = 0; i < missing.size(); i++) {
        sb.append(i > 0 ? ", " : "").append("{{").append(missing.get(i)).append("}}");
      }
      sb.append(" (set the Oomnitza field or pass the variable)");
      if (!problems.isEmpty()) {
        sb.append("; ");
      }
    }
    sb.append(String.join("; ", problems));
    return sb.toString();
  }

  /** {@return the variables (placeholder expressions) that had no value} */
  public List<String> missingVariables() {
    return missingVariables;
  }

  /** {@return other problems, one message each (e.g. {@code reason: 'LOST' is not one of ...})} */
  public List<String> problems() {
    return problems;
  }
}
