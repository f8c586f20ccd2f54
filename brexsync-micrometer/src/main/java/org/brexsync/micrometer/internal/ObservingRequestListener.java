package org.brexsync.micrometer.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.brexsync.http.RequestListener;
import org.brexsync.micrometer.BrexsyncMeters;
import org.brexsync.micrometer.BrexsyncObservationDocumentation;
import org.brexsync.micrometer.DefaultHttpClientObservationConvention;
import org.brexsync.micrometer.HttpClientContext;
import org.brexsync.micrometer.HttpClientObservationConvention;

/**
 * One observation per HTTP attempt (its timer and span), in scope while the attempt is in flight;
 * retries and rate-limit waits counted. Thread-safe.
 */
public final class ObservingRequestListener implements RequestListener {
  private final ObservationRegistry observations;
  private final MeterRegistry meters;
  private final HttpClientObservationConvention convention;
  private final ActiveRuns runs;

  /** A listener; {@code convention} null for the default. */
  public ObservingRequestListener(ObservationRegistry observations, MeterRegistry meters,
      HttpClientObservationConvention convention, ActiveRuns runs) {
    this.observations = observations;
    this.meters = meters;
    this.convention = convention;
    this.runs = runs;
  }

  @Override
  public InFlight onAttemptStart(AttemptStart start) {
    HttpClientContext context = new HttpClientContext(start);
    Observation observation = BrexsyncObservationDocumentation.HTTP_CLIENT_REQUEST.observation(convention,
        DefaultHttpClientObservationConvention.INSTANCE, () -> context, observations);
    if (observations.getCurrentObservation() == null) {
      // a sync's worker thread: its call belongs to the run when only one is in progress
      Observation run = runs.single();
      if (run != null) {
        observation.parentObservation(run);
      }
    }
    observation.start();
    Observation.Scope scope = observation.openScope();
    return outcome -> {
      outcome.ifPresent(context::setOutcome);
      scope.close();
      observation.stop();
    };
  }

  @Override
  public void onAttempt(Attempt a) {
    if (!a.willRetry()) {
      return;
    }
    String reason = a.failure().isPresent()
        ? (a.status().isPresent() ? "UNREADABLE" : "IO_ERROR")
        : a.status().map(String::valueOf).orElse("IO_ERROR");
    Counter.builder(BrexsyncMeters.HTTP_CLIENT_RETRIES)
        .description("HTTP attempts followed by another attempt of the same call")
        .tag(BrexsyncMeters.SYSTEM, DefaultHttpClientObservationConvention.system(a.service()))
        .tag(BrexsyncMeters.OPERATION, a.operation())
        .tag(BrexsyncMeters.REASON, reason)
        .register(meters).increment();
  }

  @Override
  public void onRateLimitWait(RateLimitWait w) {
    String system = DefaultHttpClientObservationConvention.system(w.service());
    Counter.builder(BrexsyncMeters.HTTP_CLIENT_RATE_LIMIT_WAITS)
        .description("Waits for a rate limit before an HTTP attempt: the client's limiter or a 429 answer")
        .tag(BrexsyncMeters.SYSTEM, system).tag(BrexsyncMeters.OPERATION, w.operation())
        .tag(BrexsyncMeters.SOURCE, w.source().name())
        .register(meters).increment();
    Counter.builder(BrexsyncMeters.HTTP_CLIENT_RATE_LIMIT_WAITED)
        .description("Time spent waiting for rate limits")
        .baseUnit("seconds")
        .tag(BrexsyncMeters.SYSTEM, system).tag(BrexsyncMeters.OPERATION, w.operation())
        .tag(BrexsyncMeters.SOURCE, w.source().name())
        .register(meters).increment(w.duration().toNanos() / 1e9);
  }
}
