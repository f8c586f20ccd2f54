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
   * Hooks reporting to the application's registries, with the default conventions.
   *
   * @param observations where sync runs, workflow steps and HTTP attempts are observed: its handlers
   *     make the timers (a {@link DefaultMeterObservationHandler}) and the spans (a tracing handler)
   * @param meters where the counters (records, retries, rate-limit waits) and gauges (last success)
   *     are registered
   * @return the hooks; keep one per meter registry
   */
  public static BrexsyncObservations of(ObservationRegistry observations, MeterRegistry meters) {
    return builder(observations, meters).build();
  }

  /**
   * Hooks reporting everything to one meter registry, through an observation registry of its own
   * with a {@link DefaultMeterObservationHandler}: meters without tracing, in one call.
   *
   * @param meters where the timers, counters and gauges are registered
   * @return the hooks; keep one per meter registry
   */
  public static BrexsyncObservations of(MeterRegistry meters) {
    Objects.requireNonNull(meters, "meters");
    ObservationRegistry observations = ObservationRegistry.create();
    observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
    return of(observations, meters);
  }

  /**
   * Starts hooks whose observations are named and tagged by conventions of one's own.
   *
   * @param observations where runs, steps and HTTP attempts are observed (see {@link
   *     #of(ObservationRegistry, MeterRegistry)})
   * @param meters where the counters and gauges are registered
   * @return a builder; the conventions not replaced stay the defaults
   */
  public static Builder builder(ObservationRegistry observations, MeterRegistry meters) {
    return new Builder(observations, meters);
  }

  /**
   * {@return the listener to give every client builder ({@code BrexClient.Builder}, {@code
   * OomnitzaClient.Builder}) and {@code WorkflowRunner.Builder.requestListener}: one observation per
   * HTTP attempt, retries and rate-limit waits counted} The same instance every time.
   */
  public RequestListener requestListener() {
    return requestListener;
  }

  /**
   * {@return the listener to give {@code SyncEngine.Builder.listener}: one observation per run,
   * records counted, the last success as a gauge}
   */
  public SyncListener syncListener() {
    return syncListener(SyncListener.NONE);
  }

  /**
   * Observes sync runs like {@link #syncListener()} and passes every event on to another listener
   * (an engine takes one listener: keep your own progress listener this way).
   *
   * @param also the listener that gets every event too, after it is observed
   * @return a listener for {@code SyncEngine.Builder.listener}
   */
  public SyncListener syncListener(SyncListener also) {
    return new ObservingSyncListener(observations, meters, syncConvention, runs,
        Objects.requireNonNull(also, "also"), gauges);
  }

  /**
   * {@return the listener to give {@code WorkflowRunner.Builder.listener}: one observation per step
   * and record}
   */
  public WorkflowListener workflowListener() {
    return workflowListener(WorkflowListener.NONE);
  }

  /**
   * Observes workflow steps like {@link #workflowListener()} and passes every step on to another
   * listener.
   *
   * @param also the listener that gets every step too
   * @return a listener for {@code WorkflowRunner.Builder.listener}
   */
  public WorkflowListener workflowListener(WorkflowListener also) {
    return new ObservingWorkflowListener(observations, stepConvention, Objects.requireNonNull(also, "also"));
  }

  /** {@return the observation registry the runs, steps and HTTP attempts are observed in} */
  public ObservationRegistry observationRegistry() {
    return observations;
  }

  /** {@return the meter registry of the counters and gauges} */
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

    /**
     * Replaces {@link DefaultHttpClientObservationConvention}, e.g. with a subclass that adds tags.
     *
     * @param convention names and tags the observation of each HTTP attempt, in place of any
     *     convention registered on the observation registry
     * @return this builder
     */
    public Builder httpConvention(HttpClientObservationConvention convention) {
      this.httpConvention = Objects.requireNonNull(convention, "convention");
      return this;
    }

    /**
     * Replaces {@link DefaultSyncRunObservationConvention}.
     *
     * @param convention names and tags the observation of each sync run, in place of any
     *     convention registered on the observation registry
     * @return this builder
     */
    public Builder syncRunConvention(SyncRunObservationConvention convention) {
      this.syncConvention = Objects.requireNonNull(convention, "convention");
      return this;
    }

    /**
     * Replaces {@link DefaultWorkflowStepObservationConvention}.
     *
     * @param convention names and tags the observation of each workflow step, in place of any
     *     convention registered on the observation registry
     * @return this builder
     */
    public Builder workflowStepConvention(WorkflowStepObservationConvention convention) {
      this.stepConvention = Objects.requireNonNull(convention, "convention");
      return this;
    }

    /** {@return the hooks, with the conventions given and the defaults for the others} */
    public BrexsyncObservations build() {
      return new BrexsyncObservations(this);
    }
  }
}
