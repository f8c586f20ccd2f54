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

  /**
   * Creates the context of an attempt about to be sent.
   *
   * @param start the attempt as the client is about to send it
   */
  public HttpClientContext(RequestListener.AttemptStart start) {
    this.start = Objects.requireNonNull(start, "start");
  }

  /** {@return the attempt as it was sent: service, method, operation and attempt number} */
  public RequestListener.AttemptStart start() {
    return start;
  }

  /**
   * {@return the attempt's outcome, once it ended with one (empty before, and when it ended by an
   * exception first)}
   */
  public Optional<RequestListener.Attempt> outcome() {
    return Optional.ofNullable(outcome);
  }

  /**
   * Records the attempt's outcome, before the observation stops so the convention can tag it.
   *
   * @param outcome what the client's {@link RequestListener#onAttempt} was given
   */
  public void setOutcome(RequestListener.Attempt outcome) {
    this.outcome = Objects.requireNonNull(outcome, "outcome");
  }
}
