package org.brexsync.micrometer.internal;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.brexsync.connector.workflow.StepOutcome;
import org.brexsync.connector.workflow.WorkflowListener;
import org.brexsync.micrometer.BrexsyncObservationDocumentation;
import org.brexsync.micrometer.DefaultWorkflowStepObservationConvention;
import org.brexsync.micrometer.WorkflowStepContext;
import org.brexsync.micrometer.WorkflowStepObservationConvention;

/** One observation per workflow step and record (its timer and span), in scope while it runs. Thread-safe. */
public final class ObservingWorkflowListener implements WorkflowListener {
  private final ObservationRegistry observations;
  private final WorkflowStepObservationConvention convention;
  private final WorkflowListener delegate;

  /** A listener; {@code convention} null for the default. */
  public ObservingWorkflowListener(ObservationRegistry observations, WorkflowStepObservationConvention convention,
      WorkflowListener delegate) {
    this.observations = observations;
    this.convention = convention;
    this.delegate = delegate;
  }

  @Override
  public StepScope onStepStart(StepStart step) {
    StepScope delegated = Safely.call(() -> delegate.onStepStart(step));
    WorkflowStepContext context = new WorkflowStepContext(step);
    Observation observation = BrexsyncObservationDocumentation.WORKFLOW_STEP.observation(convention,
        DefaultWorkflowStepObservationConvention.INSTANCE, () -> context, observations).start();
    Observation.Scope scope = observation.openScope();
    return new StepScope() {
      @Override
      public void ended(StepOutcome outcome) {
        try {
          context.setOutcome(outcome);
          scope.close();
          observation.stop();
        } finally {
          if (delegated != null) {
            delegated.ended(outcome);
          }
        }
      }

      @Override
      public void failed(Throwable error) {
        try {
          observation.error(error);
          scope.close();
          observation.stop();
        } finally {
          if (delegated != null) {
            delegated.failed(error);
          }
        }
      }
    };
  }
}
