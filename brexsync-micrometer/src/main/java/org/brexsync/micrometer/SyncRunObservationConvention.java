package org.brexsync.micrometer;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/** A convention for {@link BrexsyncObservationDocumentation#SYNC_RUN}: implement it to rename or add tags. */
public interface SyncRunObservationConvention extends ObservationConvention<SyncRunContext> {
  @Override
  default boolean supportsContext(Observation.Context context) {
    return context instanceof SyncRunContext;
  }
}
