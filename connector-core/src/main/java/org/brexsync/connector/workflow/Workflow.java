package org.brexsync.connector.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A named sequence of steps run for each record, in order; a failed step stops that record's
 * remaining steps. Immutable.
 *
 * <pre>{@code
 * Workflow onboard = Workflow.of("onboard",
 *     WorkflowStep.of(Presets.load(Presets.INVITE_USER)),
 *     BrexActions.createCard(ctx -> ...));
 * }</pre>
 */
public final class Workflow {
  private final String name;
  private final List<WorkflowStep> steps;

  private Workflow(String name, List<WorkflowStep> steps) {
    this.name = Objects.requireNonNull(name, "name");
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("workflow '" + name + "' has no steps");
    }
    this.steps = List.copyOf(steps);
  }

  /**
   * {@return a workflow of steps}
   *
   * @param name the name
   * @param steps the steps
   */
  public static Workflow of(String name, List<WorkflowStep> steps) {
    return new Workflow(name, steps);
  }

  /**
   * {@return a workflow of steps}
   *
   * @param name the name
   * @param steps the steps
   */
  public static Workflow of(String name, WorkflowStep... steps) {
    return new Workflow(name, List.of(steps));
  }

  /**
   * {@return a one-step workflow running an API block (named after it)}
   *
   * @param block the API block
   */
  public static Workflow of(ApiBlock block) {
    return new Workflow(block.name(), List.of(WorkflowStep.of(block)));
  }

  /**
   * {@return this workflow with one more step at the end}
   *
   * @param step the step
   */
  public Workflow then(WorkflowStep step) {
    List<WorkflowStep> s = new ArrayList<>(steps);
    s.add(step);
    return new Workflow(name, s);
  }

  /** {@return the name} */
  public String name() {
    return name;
  }

  /** {@return the steps, in order} */
  public List<WorkflowStep> steps() {
    return steps;
  }

  @Override
  public String toString() {
    return "Workflow[" + name + ", " + steps.stream().map(WorkflowStep::name).toList() + "]";
  }
}
