package org.brexsync.micrometer;

import io.micrometer.common.KeyValues;
import org.brexsync.micrometer.BrexsyncObservationDocumentation.WorkflowStepKeys;

/**
 * The default {@link WorkflowStepObservationConvention}: named {@value BrexsyncMeters#WORKFLOW_STEP},
 * spans named after the step, tagged by workflow, step and outcome. Never the record.
 */
public class DefaultWorkflowStepObservationConvention implements WorkflowStepObservationConvention {
  /** The shared instance. */
  public static final DefaultWorkflowStepObservationConvention INSTANCE = new DefaultWorkflowStepObservationConvention();

  /** A convention; subclass it to add tags. */
  public DefaultWorkflowStepObservationConvention() {}

  @Override
  public String getName() {
    return BrexsyncMeters.WORKFLOW_STEP;
  }

  @Override
  public String getContextualName(WorkflowStepContext context) {
    return "workflow step " + context.step().step();
  }

  @Override
  public KeyValues getLowCardinalityKeyValues(WorkflowStepContext context) {
    String outcome = context.outcome().map(o -> o.status().name())
        .orElse(context.getError() != null ? "ERROR" : "UNKNOWN");
    return KeyValues.of(
        WorkflowStepKeys.WORKFLOW.withValue(context.step().workflow()),
        WorkflowStepKeys.STEP.withValue(context.step().step()),
        WorkflowStepKeys.OUTCOME.withValue(outcome));
  }
}
