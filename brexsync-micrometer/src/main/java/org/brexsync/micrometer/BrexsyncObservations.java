package org.brexsync.micrometer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.util.Map;
import java.util.Objects;
import org.brexsync.connector.sync.SyncListener;
import org.brexsync.connector.workflow.WorkflowListener;
import org.brexsync.http.RequestListener;
import org.brexsync.micrometer.internal.ActiveRuns;
import org.brexsync.micrometer.internal.ObservingRequestListener;
import org.brexsync.micrometer.internal.ObservingSyncListener;
import org.brexsync.micrometer.internal.ObservingWorkflowListener;

/**
 * Micrometer meters and observations for brexsync: the hooks to give the clients, the sync engine
 * and the workflow runner. Every sync run, workflow step and HTTP attempt becomes an {@link
 * io.micrometer.observation.Observation} (a timer through the registry's meter handler, a span
 * through a tracing handler such as micrometer-tracing's OpenTelemetry bridge), and records, retries
 * and rate-limit waits are counted. Names and tags: {@link BrexsyncMeters}.
 *
 * <pre>{@code
 * BrexsyncObservations obs = BrexsyncObservations.of(observationRegistry, meterRegistry);
 * BrexClient brex = BrexClient.builder().token(token).requestListener(obs.requestListener()).build();
 * OomnitzaClient oomnitza = OomnitzaClient.builder().baseUri(url).apiToken(key)
 *     .requestListener(obs.requestListener()).build();
 * SyncEngine engine = SyncEngine.builder().integration(integration)
 *     .brexClient(brex).oomnitzaClient(oomnitza).listener(obs.syncListener()).build();
 * WorkflowRunner runner = WorkflowRunner.builder().oomnitza(oomnitza)
 *     .listener(obs.workflowListener()).requestListener(obs.requestListener()).build();
 * }</pre>
 *
 * <p>Timers need a {@link DefaultMeterObservationHandler} on the observation registry (Spring Boot
 * registers one); {@link #of(MeterRegistry)} builds a registry with one. Use one instance per meter
 * registry: its gauges are registered once. Immutable and thread-safe.
 */
public final class BrexsyncObservations {
  private final ObservationRegistry observations;
  private final MeterRegistry meters;
  private final HttpClientObservationConvention httpConvention;
  private final SyncRunObservationConvention syncConvention;
  private final WorkflowStepObservationConvention stepConvention;
  private final ActiveRuns runs = new ActiveRuns();
  private final Map<String, ObservingSyncListener.Gauges> gauges = ObservingSyncListener.newGauges();
  private final RequestListener requestListener;

  private BrexsyncObservations(Builder b) {
    this.observations = b.observations;
    this.meters = b.meters;
    this.httpConvention = b.httpConvention;
    this.syncConvention = b.syncConvention;
    this.stepConvention = b.stepConvention;
    this.requestListener = new ObservingRequestListener(observations, meters, httpConvention, runs);
  }

  /**
   * Observations reported to {@code observations} (its handlers make the timers and spans) and
   * counters and gauges registered in {@code meters}.
   */
  public static BrexsyncObservations of(ObservationRegistry observations, MeterRegistry meters) {
    return builder(observations, meters).build();
  }

  /**
   * Everything in {@code meters}, through an observation registry of its own with a {@link
   * DefaultMeterObservationHandler}: meters without tracing, in one call.
   */
  public static BrexsyncObservations of(MeterRegistry meters) {
    Objects.requireNonNull(meters, "meters");
    ObservationRegistry observations = ObservationRegistry.create();
    observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
    return of(observations, meters);
  }

  /** A builder, to replace the conventions that name and tag the observations. */
  public static Builder builder(ObservationRegistry observations, MeterRegistry meters) {
    return new Builder(observations, meters);
  }

  /**
   * The listener to give every client builder ({@code BrexClient.Builder}, {@code
   * OomnitzaClient.Builder}) and {@code WorkflowRunner.Builder.requestListener}: one observation per
   * HTTP attempt, retries and rate-limit waits counted. The same instance every time.
   */
  public RequestListener requestListener() {
    return requestListener;
  }

  /** The listener to give {@code SyncEngine.Builder.listener}: one observation per run, records and gauges. */
  public SyncListener syncListener() {
    return syncListener(SyncListener.NONE);
  }

  /**
   * {@link #syncListener()} that also passes everything on to {@code also} (an engine takes one
   * listener: keep your own progress listener this way).
   */
  public SyncListener syncListener(SyncListener also) {
    return new ObservingSyncListener(observations, meters, syncConvention, runs,
        Objects.requireNonNull(also, "also"), gauges);
  }

  /** The listener to give {@code WorkflowRunner.Builder.listener}: one observation per step and record. */
  public WorkflowListener workflowListener() {
    return workflowListener(WorkflowListener.NONE);
  }

  /** {@link #workflowListener()} that also passes every step on to {@code also}. */
  public WorkflowListener workflowListener(WorkflowListener also) {
    return new ObservingWorkflowListener(observations, stepConvention, Objects.requireNonNull(also, "also"));
  }

  /** The observation registry. */
  public ObservationRegistry observationRegistry() {
    return observations;
  }

  /** The meter registry of the counters and gauges. */
  public MeterRegistry meterRegistry() {
    return meters;
  }

  /** Builds {@link BrexsyncObservations}. */
  public static final class Builder {
    private final ObservationRegistry observations;
    private final MeterRegistry meters;
    private HttpClientObservationConvention httpConvention;
    private SyncRunObservationConvention syncConvention;
    private WorkflowStepObservationConvention stepConvention;

    private Builder(ObservationRegistry observations, MeterRegistry meters) {
      this.observations = Objects.requireNonNull(observations, "observations");
      this.meters = Objects.requireNonNull(meters, "meters");
    }

    /** Replaces {@link DefaultHttpClientObservationConvention}. */
    public Builder httpConvention(HttpClientObservationConvention convention) {
      this.httpConvention = Objects.requireNonNull(convention, "convention");
      return this;
    }

    /** Replaces {@link DefaultSyncRunObservationConvention}. */
    public Builder syncRunConvention(SyncRunObservationConvention convention) {
      this.syncConvention = Objects.requireNonNull(convention, "convention");
      return this;
    }

    /** Replaces {@link DefaultWorkflowStepObservationConvention}. */
    public Builder workflowStepConvention(WorkflowStepObservationConvention convention) {
      this.stepConvention = Objects.requireNonNull(convention, "convention");
      return this;
    }

    /** Builds the hooks. */
    public BrexsyncObservations build() {
      return new BrexsyncObservations(this);
    }
  }
}
