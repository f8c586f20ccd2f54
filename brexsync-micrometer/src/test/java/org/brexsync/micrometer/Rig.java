package org.brexsync.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.brexsync.brex.BrexClient;
import org.brexsync.connector.Connection;
import org.brexsync.connector.Integration;
import org.brexsync.connector.mapping.Mapping;
import org.brexsync.connector.state.InMemorySyncStateStore;
import org.brexsync.connector.sync.SyncEngine;
import org.brexsync.connector.workflow.WorkflowRunner;
import org.brexsync.oomnitza.OomnitzaClient;
import org.brexsync.testkit.Sandbox;

/**
 * The sandbox (simulated Brex and Oomnitza on loopback), a SimpleMeterRegistry, a
 * TestObservationRegistry whose meter handler feeds it, and clients, engines and runners wired to
 * one {@link BrexsyncObservations}. Every observation context started is kept for inspection.
 */
final class Rig implements AutoCloseable {
  final Sandbox sandbox;
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  final TestObservationRegistry observations = TestObservationRegistry.create();
  final Queue<Observation.Context> started = new ConcurrentLinkedQueue<>();
  final BrexsyncObservations obs;
  final BrexClient brex;
  final OomnitzaClient oomnitza;

  Rig(int users, String... customFields) {
    Sandbox.Builder b = Sandbox.builder().users(users);
    for (String f : customFields) {
      b.customField(f);
    }
    sandbox = b.start();
    observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
    observations.observationConfig().observationHandler(new ObservationHandler<>() {
      @Override
      public void onStart(Observation.Context context) {
        started.add(context);
      }

      @Override
      public boolean supportsContext(Observation.Context context) {
        return true;
      }
    });
    obs = BrexsyncObservations.of(observations, meters);
    brex = brexClient().build();
    oomnitza = OomnitzaClient.builder().baseUri(sandbox.oomnitzaUri()).apiToken(sandbox.oomnitzaToken())
        .sleeper(d -> { }).requestListener(obs.requestListener()).build();
  }

  BrexClient.Builder brexClient() {
    return BrexClient.builder().token(sandbox.brexToken()).baseUri(sandbox.brexUri()).sleeper(d -> { })
        .requestListener(obs.requestListener());
  }

  static Integration integration(String name) {
    return Integration.builder().name(name).mapping(Mapping.standard(25)).batchSize(25).pageSize(50).build();
  }

  SyncEngine.Builder engine(String name) {
    return SyncEngine.builder().integration(integration(name)).brexClient(brex).oomnitzaClient(oomnitza)
        .stateStore(InMemorySyncStateStore.create()).listener(obs.syncListener());
  }

  WorkflowRunner.Builder runner() {
    return WorkflowRunner.builder().oomnitza(oomnitza).brexBaseUri(sandbox.brexUri())
        .brexCredential(Connection.of(Optional.empty(), "BREX_API_TOKEN"))
        .env(name -> name.equals("BREX_API_TOKEN") ? sandbox.brexToken() : null)
        .sleeper(d -> { })
        .listener(obs.workflowListener()).requestListener(obs.requestListener());
  }

  /** The timer of these tags, which must exist. */
  Timer timer(String name, String... tags) {
    Timer t = meters.find(name).tags(tags).timer();
    if (t == null) {
      throw new AssertionError("no timer " + name + " " + List.of(tags) + " among " + meters.getMetersAsString());
    }
    return t;
  }

  /** The sum of the counts of every timer of this name matching these tags (0 when none). */
  long timed(String name, String... tags) {
    return meters.find(name).tags(tags).timers().stream().mapToLong(Timer::count).sum();
  }

  /** The counter of these tags, which must exist. */
  Counter counter(String name, String... tags) {
    Counter c = meters.find(name).tags(tags).counter();
    if (c == null) {
      throw new AssertionError("no counter " + name + " " + List.of(tags) + " among " + meters.getMetersAsString());
    }
    return c;
  }

  /** The gauge of these tags, which must exist. */
  Gauge gauge(String name, String... tags) {
    Gauge g = meters.find(name).tags(tags).gauge();
    if (g == null) {
      throw new AssertionError("no gauge " + name + " " + List.of(tags) + " among " + meters.getMetersAsString());
    }
    return g;
  }

  /** The contexts started of this type. */
  <C extends Observation.Context> List<C> contexts(Class<C> type) {
    return started.stream().filter(type::isInstance).map(type::cast).toList();
  }

  @Override
  public void close() {
    brex.close();
    oomnitza.close();
    sandbox.close();
  }
}
