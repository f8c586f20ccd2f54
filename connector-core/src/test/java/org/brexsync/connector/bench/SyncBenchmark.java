package org.brexsync.connector.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.brexsync.brex.BrexClient;
import org.brexsync.brex.RateLimiter;
import org.brexsync.connector.Integration;
import org.brexsync.connector.SinkType;
import org.brexsync.connector.brex.BrexUserSource;
import org.brexsync.connector.mapping.Mapping;
import org.brexsync.connector.oomnitza.OomnitzaUserSink;
import org.brexsync.connector.state.FileSyncStateStore;
import org.brexsync.connector.sync.SyncEngine;
import org.brexsync.connector.sync.SyncReport;
import org.brexsync.oomnitza.OomnitzaClient;
import org.brexsync.testkit.BrexSimulator;
import org.brexsync.testkit.CompanySpec;
import org.brexsync.testkit.OomnitzaSimulator;

/**
 * A cold sync and a no-change re-sync against both simulators with a fixed latency per request,
 * through the real clients, the file state store and the default engine settings. Not part of the
 * test suite. Prints each figure with its latency bound (or goal) and the ratio.
 *
 * <pre>
 * java -cp "$CP" org.brexsync.connector.bench.SyncBenchmark 10000 BULK --latency-ms 20
 * </pre>
 *
 * <p>{@code $CP} is the test classpath; connector-core/README.md (Performance) shows how to write it.
 *
 * Options: {@code --latency-ms L} (20; 0 for the CPU floor), {@code --concurrency N} (the
 * integration default, 8), {@code --batch N} (default 100), {@code --warmup N} (first sync N users
 * against a second pair of simulators, then re-sync them, so the figures are of a warm JVM), {@code
 * --warmup-rounds K} (that warm-up K times, each against a fresh pair; default 1: on 2 cores the
 * just-in-time compiler settles only in the third round, which the warm-up lines show), {@code
 * --separate-simulators} (run both simulators in a child JVM, {@code testkit}'s SimulatorMain with
 * {@code -Xmx4g}, so this JVM's heap holds only the engine), {@code --report-out FILE} (writes the
 * cold run's report JSON), {@code --max-outcomes N} (outcomes kept in the report, default 10,000).
 */
public final class SyncBenchmark {
  private SyncBenchmark() {}

  public static void main(String[] args) throws Exception {
    int users = Integer.parseInt(args[0]);
    SinkType sink = SinkType.valueOf(args[1]);
    int latency = 20;
    int concurrency = Integration.DEFAULT_CONCURRENCY;
    int batch = Integration.DEFAULT_BATCH_SIZE;
    int warmup = 0;
    int warmupRounds = 1;
    boolean separate = false;
    Path reportOut = null;
    int maxOutcomes = SyncEngine.DEFAULT_MAX_REPORTED_OUTCOMES;
    for (int i = 2; i < args.length; i++) {
      switch (args[i]) {
        case "--latency-ms": latency = Integer.parseInt(args[++i]); break;
        case "--concurrency": concurrency = Integer.parseInt(args[++i]); break;
        case "--batch": batch = Integer.parseInt(args[++i]); break;
        case "--warmup": warmup = Integer.parseInt(args[++i]); break;
        case "--warmup-rounds": warmupRounds = Integer.parseInt(args[++i]); break;
        case "--separate-simulators": separate = true; break;
        case "--report-out": reportOut = Path.of(args[++i]); break;
        case "--max-outcomes": maxOutcomes = Integer.parseInt(args[++i]); break;
        default: throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    System.out.printf(Locale.ROOT, "brexsync SyncBenchmark: %,d users, sink %s, concurrency %d, batch %d, latency %d ms/request, "
            + "simulators %s, max heap %d MB, %d cores, java %s%n",
        users, sink, concurrency, batch, latency, separate ? "in a child JVM" : "in this JVM",
        Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
    System.out.printf(Locale.ROOT, "load average before: %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    for (int round = 1; warmup > 0 && round <= warmupRounds; round++) {
      try (Sims w = Sims.inProcess(warmup, latency)) {
        // the measured run's configuration (including the outcomes kept): a warm-up that takes other
        // branches leaves code compiled for them, which the measured run then deoptimises and recompiles
        long jit0 = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
        SyncEngine e = engine(w, sink, concurrency, batch, Files.createTempDirectory("brexsync-warmup"), maxOutcomes);
        SyncReport r = e.run();
        SyncReport again = e.run();
        System.out.printf(Locale.ROOT, "warm-up %d: %,d users synced (%s) in %d ms, re-synced in %d ms; JIT compilation %.2f s%n",
            round, warmup, r.status(), r.durationMillis(), again.durationMillis(),
            (ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jit0) / 1000.0);
      }
    }
    try (Sims sims = separate ? Sims.childJvm(users, latency) : Sims.inProcess(users, latency)) {
      Path stateDir = Files.createTempDirectory("brexsync-bench");
      SyncEngine engine = engine(sims, sink, concurrency, batch, stateDir, maxOutcomes);
      System.gc();
      Phase cold = Phase.run("cold sync", engine);
      if (reportOut != null) {
        Files.writeString(reportOut, cold.report.toJson());
        System.out.printf(Locale.ROOT, "   report written to %s (%,d bytes)%n", reportOut, Files.size(reportOut));
      }
      Phase again = Phase.run("no-change re-sync", engine);
      long pages = (users + 999) / 1000;
      long batches = (users + batch - 1) / batch;
      String label = String.format(Locale.ROOT, "%,d users, %s, %d ms", users, sink, latency);
      if (latency > 0 && sink == SinkType.BULK) {
        int inFlight = Math.min(4, concurrency);
        long portions = cold.report.recordWrites().sent() > 0 ? batches : 0;
        long bound = pages * latency + ((portions + inFlight - 1) / inFlight) * latency;
        System.out.printf(Locale.ROOT, "%nFIGURE %s: cold sync span %.2f s; latency bound %.2f s (%d Brex pages x %d ms + %d portions / %d in "
                + "flight x %d ms); ratio %.2f%n", label, cold.seconds(), bound / 1000.0, pages, latency, portions, inFlight, latency,
            cold.millis / (double) bound);
      } else if (latency > 0) {
        long writes = cold.report.writes();
        long bound = Math.max((writes + concurrency - 1) / concurrency, batches) * latency;
        System.out.printf(Locale.ROOT, "%nFIGURE %s: cold sync span %.2f s; latency bound %.2f s (max(%,d writes / %d in flight, %,d "
                + "batch lookups) x %d ms); ratio %.2f%n", label, cold.seconds(), bound / 1000.0, writes, concurrency, batches, latency,
            cold.millis / (double) bound);
      } else {
        System.out.printf(Locale.ROOT, "%nFIGURE %s: cold sync end to end %.2f s = %,.0f users/s; process CPU %.1f s%n", label,
            cold.seconds(), users / cold.seconds(), cold.cpuNanos / 1e9);
      }
      System.out.printf(Locale.ROOT, "FIGURE %s: no-change re-sync %.2f s, %d Oomnitza writes, %s%n", label, again.seconds(),
          again.report.writes(), again.report.status());
    }
    System.out.printf(Locale.ROOT, "load average after: %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  private static SyncEngine engine(Sims sims, SinkType sink, int concurrency, int batch, Path stateDir, int maxOutcomes) {
    BrexClient brexClient = BrexClient.builder().token(sims.brexToken).baseUri(sims.brexUri).rateLimiter(RateLimiter.brexDefault()).build();
    OomnitzaClient oomClient = OomnitzaClient.builder().baseUri(sims.oomnitzaUri).apiToken(sims.oomnitzaToken).build();
    Integration in = Integration.builder().name("bench").mapping(Mapping.standard(25)).sink(sink).concurrency(concurrency).batchSize(batch).build();
    return SyncEngine.builder()
        .integration(in)
        .source(BrexUserSource.of(brexClient))
        .sink(OomnitzaUserSink.of(oomClient, in))
        .stateStore(FileSyncStateStore.at(stateDir))
        .maxReportedOutcomes(maxOutcomes)
        .build();
  }

  /** One timed run. */
  private static final class Phase {
    SyncReport report;
    long millis;
    long cpuNanos;
    long peakHeap;
    java.util.Map<String, Long> threads;

    double seconds() {
      return millis / 1000.0;
    }

    static Phase run(String name, SyncEngine engine) {
      Phase p = new Phase();
      HeapSampler sampler = new HeapSampler();
      sampler.start();
      long cpu0 = cpu();
      long t0 = System.nanoTime();
      java.util.Map<String, Long> threads0 = threadCpu();
      long gc0 = gcMillis();
      long jit0 = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
      p.report = engine.run();
      p.threads = diff(sampler.threadCpu(), threads0);
      p.peakHeap = sampler.stopAndGetMax();
      p.threads.put("(GC, wall ms as s)", (gcMillis() - gc0) * 1_000_000);
      p.threads.put("(JIT compilation)", (ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jit0) * 1_000_000);
      p.millis = (System.nanoTime() - t0) / 1_000_000;
      p.cpuNanos = cpu() - cpu0;

      SyncReport r = p.report;
      System.out.printf(Locale.ROOT, "%n== %s: %s in %d ms (%,.0f records/s), process CPU %.1f s%n", name, r.status(), p.millis,
          r.processed() * 1000.0 / Math.max(1, p.millis), p.cpuNanos / 1e9);
      r.reason().ifPresent(reason -> System.out.println("   reason: " + reason));
      System.out.printf(Locale.ROOT, "   totals %s%n", r.totals());
      System.out.printf(Locale.ROOT, "   HTTP calls: Brex %d, Oomnitza %d (writes %d); records written %s%n", r.httpCalls().get("brex"),
          r.httpCalls().get("oomnitza"), r.writes(), r.recordWrites());
      System.out.printf(Locale.ROOT, "   peak heap used (sampled every 10 ms): %d MB of %d MB%n", p.peakHeap >> 20,
          Runtime.getRuntime().maxMemory() >> 20);
      StringBuilder sb = new StringBuilder("   CPU by thread group:");
      p.threads.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(12)
          .forEach(e -> sb.append(String.format(Locale.ROOT, " %s %.2f s;", e.getKey(), e.getValue() / 1e9)));
      System.out.println(sb);
      return p;
    }
  }

  /** CPU time of live threads, summed by name without digits (e.g. "brexsync-lookup-"). */
  private static java.util.Map<String, Long> threadCpu() {
    java.lang.management.ThreadMXBean t = ManagementFactory.getThreadMXBean();
    java.util.Map<String, Long> out = new java.util.HashMap<>();
    for (long id : t.getAllThreadIds()) {
      java.lang.management.ThreadInfo info = t.getThreadInfo(id);
      long c = t.getThreadCpuTime(id);
      if (info != null && c > 0) {
        out.merge(id + ":" + info.getThreadName(), c, Long::sum);
      }
    }
    return out;
  }

  private static java.util.Map<String, Long> diff(java.util.Map<String, Long> after, java.util.Map<String, Long> before) {
    java.util.Map<String, Long> out = new java.util.HashMap<>();
    after.forEach((k, v) -> out.merge(k.substring(k.indexOf(':') + 1).replaceAll("\\d+", "N"), v - before.getOrDefault(k, 0L), Long::sum));
    return out;
  }

  private static long gcMillis() {
    long n = 0;
    for (java.lang.management.GarbageCollectorMXBean g : ManagementFactory.getGarbageCollectorMXBeans()) {
      n += Math.max(0, g.getCollectionTime());
    }
    return n;
  }

  private static long cpu() {
    java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() : 0;
  }

  /** Both simulators, in this JVM or in a child JVM. */
  static final class Sims implements AutoCloseable {
    URI brexUri;
    String brexToken;
    URI oomnitzaUri;
    String oomnitzaToken;
    private BrexSimulator brex;
    private OomnitzaSimulator oomnitza;
    private Process child;

    static Sims inProcess(int users, int latency) {
      Sims s = new Sims();
      s.brex = BrexSimulator.builder().company(CompanySpec.of(7, users)).recordRequests(false).start();
      s.oomnitza = OomnitzaSimulator.builder().threads(32).recordRequests(false).start();
      s.brex.faults().latency(Duration.ofMillis(latency));
      s.oomnitza.faults().latency(Duration.ofMillis(latency));
      s.brexUri = s.brex.baseUri();
      s.brexToken = s.brex.token();
      s.oomnitzaUri = s.oomnitza.baseUri();
      s.oomnitzaToken = s.oomnitza.apiToken();
      return s;
    }

    /** testkit's SimulatorMain in a child JVM with its own heap; its URIs are read from its output. */
    static Sims childJvm(int users, int latency) throws IOException {
      List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx4g", "-cp", System.getProperty("java.class.path"), "org.brexsync.testkit.SimulatorMain",
          "--users", Integer.toString(users), "--brex-token", "bxt_bench", "--oomnitza-token", "oomnitza_bench", "--no-rate-limit"));
      if (latency > 0) {
        cmd.addAll(List.of("--latency-ms", Integer.toString(latency)));
      }
      Sims s = new Sims();
      s.child = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      BufferedReader out = new BufferedReader(new InputStreamReader(s.child.getInputStream(), StandardCharsets.UTF_8));
      Pattern uri = Pattern.compile("(Brex|Oomnitza) simulator:\\s+(\\S+)");
      String line;
      while ((s.brexUri == null || s.oomnitzaUri == null) && (line = out.readLine()) != null) {
        Matcher m = uri.matcher(line);
        if (m.find()) {
          if (m.group(1).equals("Brex")) {
            s.brexUri = URI.create(m.group(2));
          } else {
            s.oomnitzaUri = URI.create(m.group(2));
          }
        }
      }
      if (s.brexUri == null || s.oomnitzaUri == null) {
        s.close();
        throw new IllegalStateException("the simulators did not start");
      }
      s.brexToken = "bxt_bench";
      s.oomnitzaToken = "oomnitza_bench";
      Thread drain = new Thread(() -> {
        try {
          while (out.readLine() != null) {
            // keep the child's output pipe from filling
          }
        } catch (IOException e) {
          // the child ended
        }
      }, "simulator-output");
      drain.setDaemon(true);
      drain.start();
      return s;
    }

    @Override
    public void close() {
      if (brex != null) {
        brex.close();
      }
      if (oomnitza != null) {
        oomnitza.close();
      }
      if (child != null) {
        child.destroy();
        try {
          child.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  /** Samples used heap (all pools at one instant) so the peak is a real moment, not a sum of per-pool peaks. */
  private static final class HeapSampler extends Thread {
    private volatile boolean running = true;
    private volatile long max;
    private long ticks;
    private final java.util.Map<String, Long> cpu = new java.util.concurrent.ConcurrentHashMap<>();

    HeapSampler() {
      super("heap-sampler");
      setDaemon(true);
    }

    @Override
    public void run() {
      while (running) {
        max = Math.max(max, used());
        if (++ticks % 25 == 0) {
          cpu.putAll(SyncBenchmark.threadCpu()); // every 250 ms: reading every thread's CPU time is not free
        }
        try {
          Thread.sleep(10);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    java.util.Map<String, Long> threadCpu() {
      cpu.putAll(SyncBenchmark.threadCpu());
      return cpu;
    }

    long stopAndGetMax() {
      running = false;
      max = Math.max(max, used());
      return max;
    }

    private static long used() {
      return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
  }
}
