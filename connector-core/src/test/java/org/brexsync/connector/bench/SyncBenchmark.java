package org.brexsync.connector.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.brexsync.brex.BrexClient;
import org.brexsync.brex.RateLimiter;
import org.brexsync.connector.Integration;
import org.brexsync.connector.SinkType;
import org.brexsync.connector.brex.BrexUserSource;
import org.brexsync.connector.oomnitza.OomnitzaUserSink;
import org.brexsync.connector.mapping.Mapping;
import org.brexsync.connector.state.FileSyncStateStore;
import org.brexsync.connector.sync.SyncEngine;
import org.brexsync.connector.sync.SyncReport;
import org.brexsync.oomnitza.ExternalId;
import org.brexsync.oomnitza.FieldCatalog;
import org.brexsync.oomnitza.FieldId;
import org.brexsync.oomnitza.OomnitzaClient;
import org.brexsync.testkit.BrexSimulator;
import org.brexsync.testkit.CompanySpec;
import org.brexsync.testkit.OomnitzaSimulator;

/**
 * Cold sync and no-change re-sync against both simulators with a fixed latency per request.
 *
 * <pre>
 * ./mvnw -q -pl connector-core exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.brexsync.connector.bench.SyncBenchmark -Dexec.args="10000 REST 16 20"
 * </pre>
 *
 * Arguments: users (10000), sink REST|BULK (REST), concurrency (16), latency ms per request (20).
 * Not part of the test suite. Prints wall time, HTTP calls per side, writes and peak heap (which
 * includes both in-process simulators) per phase, and the latency/concurrency bound.
 */
public final class SyncBenchmark {
  private SyncBenchmark() {}

  public static void main(String[] args) throws Exception {
    int users = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    SinkType sink = args.length > 1 ? SinkType.valueOf(args[1]) : SinkType.REST;
    int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 16;
    int latencyMs = args.length > 3 ? Integer.parseInt(args[3]) : 20;
    int batch = args.length > 4 ? Integer.parseInt(args[4]) : 200;
    System.out.printf(Locale.ROOT, "brexsync SyncBenchmark: %d users, sink %s, concurrency %d, latency %d ms/request, batch %d, max heap %d MB%n",
        users, sink, concurrency, latencyMs, batch, Runtime.getRuntime().maxMemory() >> 20);
    try (BrexSimulator brex = BrexSimulator.builder().company(CompanySpec.of(7, users)).rateLimit(1000, Duration.ofSeconds(60)).recordRequests(false).start();
        OomnitzaSimulator oomnitza = OomnitzaSimulator.builder().customField("brex_user_id", true).threads(Math.max(32, concurrency * 2)).start()) {
      oomnitza.recordRequests(false);
      brex.faults().latency(Duration.ofMillis(latencyMs));
      oomnitza.faults().latency(Duration.ofMillis(latencyMs));
      BrexClient brexClient = BrexClient.builder().token(brex.token()).baseUri(brex.baseUri()).rateLimiter(RateLimiter.brexDefault()).build();
      OomnitzaClient oomClient = OomnitzaClient.builder().baseUri(oomnitza.baseUri()).apiToken(oomnitza.apiToken()).build();
      FieldCatalog catalog = FieldCatalog.standardUsers().toBuilder()
          .put(ExternalId.of("brex_user_id"), FieldId.of(OomnitzaSimulator.customFieldId("brex_user_id"))).build();
      Integration in = Integration.builder().name("bench").mapping(Mapping.standard(25)).sink(sink).concurrency(concurrency).batchSize(batch).build();
      Path stateDir = Files.createTempDirectory("brexsync-bench");
      SyncEngine engine = SyncEngine.builder()
          .integration(in)
          .source(BrexUserSource.of(brexClient))
          .sink(OomnitzaUserSink.of(oomClient, catalog))
          .stateStore(FileSyncStateStore.at(stateDir))
          .maxReportedOutcomes(100)
          .build();
      System.gc();
      long baseline = usedHeap();
      System.out.printf(Locale.ROOT, "heap after seeding both simulators: %d MB%n", baseline >> 20);
      phase("cold sync", engine, brex, oomnitza, users, latencyMs, concurrency, true);
      phase("no-change re-sync", engine, brex, oomnitza, users, latencyMs, concurrency, false);
    }
  }

  private static void phase(String name, SyncEngine engine, BrexSimulator brex, OomnitzaSimulator oom, int users, int latencyMs, int concurrency, boolean cold) {
    long brexBefore = sum(brex.counters());
    long oomBefore = sum(oom.counters());
    HeapSampler sampler = new HeapSampler();
    sampler.start();
    long t0 = System.nanoTime();
    SyncReport r = engine.run();
    long wall = (System.nanoTime() - t0) / 1_000_000;
    long peak = sampler.stopAndGetMax();
    long brexCalls = sum(brex.counters()) - brexBefore;
    long oomCalls = sum(oom.counters()) - oomBefore;
    System.out.printf(Locale.ROOT, "%n== %s: %s in %d ms (%.0f records/s)%n", name, r.status(), wall, r.processed() * 1000.0 / Math.max(1, wall));
    System.out.printf(Locale.ROOT, "   totals %s%n", r.totals());
    System.out.printf(Locale.ROOT, "   HTTP calls: Brex %d (engine-counted %d), Oomnitza %d (engine-counted %d, writes %d)%n",
        brexCalls, r.httpCalls().get("brex"), oomCalls, r.httpCalls().get("oomnitza"), r.writes());
    System.out.printf(Locale.ROOT, "   peak heap used during the run (sampled every 10 ms, simulators included): %d MB%n", peak >> 20);
    if (cold) {
      long pages = (users + 999) / 1000;
      long brexChain = (pages + 3) * latencyMs;
      long writes = r.writes();
      long bound;
      String how;
      int batch = engine.integration().batchSize();
      long batches = (users + batch - 1) / batch;
      // Each batch is correlated with concurrent requests of 50 keys: one latency per batch.
      long correlation = batches * latencyMs;
      if (engine.integration().sink() == SinkType.REST) {
        long w = (long) Math.ceil((double) writes / concurrency) * latencyMs;
        bound = Math.max(w, correlation);
        how = String.format(Locale.ROOT, "Oomnitza max(%d writes / %d in flight, %d batch correlations) x %d ms = %d ms",
            writes, concurrency, batches, latencyMs, bound);
      } else {
        // Portions upload one after another on their own thread, overlapping correlation.
        bound = Math.max(writes * latencyMs, correlation);
        how = String.format(Locale.ROOT, "Oomnitza max(%d portion/finalize calls, %d batch correlations) x %d ms = %d ms",
            writes, batches, latencyMs, bound);
      }
      System.out.printf(Locale.ROOT, "   bound: Brex chain %d calls x %d ms = %d ms (overlapped by prefetch); %s; measured/bound = %.2f%n",
          pages + 3, latencyMs, brexChain, how, wall / (double) Math.max(1, Math.max(brexChain, bound)));
    }
  }

  private static long sum(Map<String, Long> m) {
    return m.values().stream().mapToLong(Long::longValue).sum();
  }

  private static long usedHeap() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** Samples used heap (all pools at one instant) so the peak is a real moment, not a sum of per-pool peaks. */
  private static final class HeapSampler extends Thread {
    private volatile boolean running = true;
    private volatile long max;

    HeapSampler() {
      super("heap-sampler");
      setDaemon(true);
    }

    @Override
    public void run() {
      while (running) {
        max = Math.max(max, usedHeap());
        try {
          Thread.sleep(10);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    long stopAndGetMax() {
      running = false;
      max = Math.max(max, usedHeap());
      return max;
    }
  }
}
