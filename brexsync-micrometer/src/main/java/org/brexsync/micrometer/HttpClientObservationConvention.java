package org.brexsync.micrometer;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * A convention for {@link BrexsyncObservationDocumentation#HTTP_CLIENT_REQUEST}: implement it to
 * rename or add tags. Keep every low-cardinality value low: never the path of an attempt.
 */
public interface HttpClientObservationConvention extends ObservationConvention<HttpClientContext> {
  @Override
  default boolean supportsContext(Observation.Context context) {
    return context instanceof HttpClientContext;
  }
}
