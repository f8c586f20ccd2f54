package org.brexsync.micrometer;

import io.micrometer.observation.Observation;
import java.util.Objects;
import java.util.Optional;
import org.brexsync.http.RequestListener;

/**
 * What a {@link BrexsyncObservationDocumentation#HTTP_CLIENT_REQUEST} observation knows of its
 * attempt: what was sent (service, method, operation, attempt number) and, once it is over, its
 * outcome. The default convention never reads the outcome's path: it may hold ids.
 */
public final class HttpClientContext extends Observation.Context {
  private final RequestListener.AttemptStart start;
  private volatile RequestListener.Attempt outcome;

  /** The context of the attempt {@code start}. */
  public HttpClientContext(RequestListener.AttemptStart start) {
    this.start = Objects.requireNonNull(start, "start");
  }

  /** The attempt as it was sent. */
  public RequestListener.AttemptStart start() {
    return start;
  }

  /** Its outcome, once it ended with one (empty when it ended by an exception first). */
  public Optional<RequestListener.Attempt> outcome() {
    return Optional.ofNullable(outcome);
  }

  /** Records the attempt's outcome. */
  public void setOutcome(RequestListener.Attempt outcome) {
    this.outcome = Objects.requireNonNull(outcome, "outcome");
  }
}
