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

  /** A workflow of steps. */
  public static Workflow of(String name, List<WorkflowStep> steps) {
    return new Workflow(name, steps);
  }

  /** A workflow of steps. */
  public static Workflow of(String name, WorkflowStep... steps) {
    return new Workflow(name, List.of(steps));
  }

  /** A one-step workflow running an API block (named after it). */
  public static Workflow of(ApiBlock block) {
    return new Workflow(block.name(), List.of(WorkflowStep.of(block)));
  }

  /** This workflow with one more step at the end. */
  public Workflow then(WorkflowStep step) {
    List<WorkflowStep> s = new ArrayList<>(steps);
    s.add(step);
    return new Workflow(name, s);
  }

  /** The name. */
  public String name() {
    return name;
  }

  /** The steps, in order. */
  public List<WorkflowStep> steps() {
    return steps;
  }

  @Override
  public String toString() {
    return "Workflow[" + name + ", " + steps.stream().map(WorkflowStep::name).toList() + "]";
  }
}
