package org.brexsync.micrometer;

import io.micrometer.observation.Observation;
import java.util.Objects;
import java.util.Optional;
import org.brexsync.connector.workflow.StepOutcome;
import org.brexsync.connector.workflow.WorkflowListener;

/** What a {@link BrexsyncObservationDocumentation#WORKFLOW_STEP} observation knows of its step. */
public final class WorkflowStepContext extends Observation.Context {
  private final WorkflowListener.StepStart step;
  private volatile StepOutcome outcome;

  /** The context of {@code step}. */
  public WorkflowStepContext(WorkflowListener.StepStart step) {
    this.step = Objects.requireNonNull(step, "step");
  }

  /** The step as it started: workflow and step names, never the record. */
  public WorkflowListener.StepStart step() {
    return step;
  }

  /** How the step ended, once it did with an outcome. */
  public Optional<StepOutcome> outcome() {
    return Optional.ofNullable(outcome);
  }

  /** Records the step's outcome. */
  public void setOutcome(StepOutcome outcome) {
    this.outcome = Objects.requireNonNull(outcome, "outcome");
  }
}
