package org.brexsync.micrometer;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/** A convention for {@link BrexsyncObservationDocumentation#WORKFLOW_STEP}: implement it to rename or add tags. */
public interface WorkflowStepObservationConvention extends ObservationConvention<WorkflowStepContext> {
  @Override
  default boolean supportsContext(Observation.Context context) {
    return context instanceof WorkflowStepContext;
  }
}
