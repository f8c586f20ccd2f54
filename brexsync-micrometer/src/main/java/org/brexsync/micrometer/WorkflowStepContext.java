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

  /**
   * Creates the context of a step that starts.
   *
   * @param step the step as the runner announced it
   */
  public WorkflowStepContext(WorkflowListener.StepStart step) {
    this.step = Objects.requireNonNull(step, "step");
  }

  /** {@return the step as it started: workflow and step names, never the record} */
  public WorkflowListener.StepStart step() {
    return step;
  }

  /** {@return how the step ended, once it did with an outcome (empty before, and when it threw)} */
  public Optional<StepOutcome> outcome() {
    return Optional.ofNullable(outcome);
  }

  /**
   * Records the step's outcome, before the observation stops so the convention can tag it.
   *
   * @param outcome how the step ended
   */
  public void setOutcome(StepOutcome outcome) {
    this.outcome = Objects.requireNonNull(outcome, "outcome");
  }
}
