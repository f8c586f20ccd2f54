package org.brexsync.connector.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.brexsync.brex.RateLimiter;
import org.brexsync.connector.Connection;
import org.brexsync.connector.workflow.OffboardingWorkflow;
import org.brexsync.connector.workflow.WorkflowReport;
import org.brexsync.connector.workflow.WorkflowRunner;
import org.brexsync.oomnitza.OomnitzaClient;
import org.brexsync.oomnitza.filter.Filter;
import org.brexsync.testkit.BrexSimulator;
import org.brexsync.testkit.CompanySpec;
import org.brexsync.testkit.OomnitzaSimulator;
import org.brexsync.testkit.SyntheticCompany;

/**
 * Offboarding many people with a slow round trip under Brex's request limit, with time scaled down
 * so it runs in minutes: every duration of the set-up is divided by the same factor {@code k} — the
 * round trip of both simulators (100 ms / k) and the period of the runner's rate limiter (1,000
 * requests per 60 s / k) — so the run takes 1/k of the real time, and the ratio of the measured time
 * to the rate-limit floor carries over as long as the work a request costs on this machine stays
 * small against both scaled durations (it is printed). Not part of the test suite.
 *
 * <pre>
 * java -cp "$CP" org.brexsync.connector.bench.OffboardingBenchmark 5000 --scale 10
 * </pre>
 *
 * <p>{@code $CP} is the test classpath; connector-core/README.md (Performance) shows how to write it.
 *
 * The floor is what the runner's token bucket allows at best: its first 1,000 permits at once, then
 * one per 60 ms (real time), so {@code N} Brex requests need at least {@code (N - 1000) x 60 ms}, plus
 * one round trip for the last answer. Brex's own limit is left to the client here (the simulator's
 * is switched off): the runner's limiter is the one the issue asks the run to respect.
 */
public final class OffboardingBenchmark {
  private OffboardingBenchmark() {}

  public static void main(String[] args) throws Exception {
    int people = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
    int scale = 10;
    int concurrency = WorkflowRunner.DEFAULT_CONCURRENCY;
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--scale": scale = Integer.parseInt(args[++i]); break;
        case "--concurrency": concurrency = Integer.parseInt(args[++i]); break;
        default: throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    double rttMillis = 100.0 / scale;
    Duration period = Duration.ofMillis(60_000 / scale);
    System.out.printf(Locale.ROOT, "brexsync OffboardingBenchmark: %,d people, concurrency %d, time scaled 1/%d: round trip %.1f ms "
        + "(100 ms real), Brex limit 1,000 per %d ms (per 60 s real); %d cores, load average %.2f%n", people, concurrency, scale,
        rttMillis, period.toMillis(), Runtime.getRuntime().availableProcessors(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    SyntheticCompany company = SyntheticCompany.of(CompanySpec.of(11, people));
    try (BrexSimulator brex = BrexSimulator.builder().company(company).rateLimit(0, Duration.ofSeconds(60)).recordRequests(false).start();
        OomnitzaSimulator oomnitza = OomnitzaSimulator.builder().customField("brex_status", false).recordRequests(false).threads(32).start()) {
      for (int i = 0; i < people; i++) {
        oomnitza.addUser(company.oomnitzaUser(i).put("brex_user_id", company.userId(i)));
      }
      Duration rtt = Duration.ofNanos((long) (rttMillis * 1_000_000));
      brex.faults().latency(rtt);
      oomnitza.faults().latency(rtt);
      OomnitzaClient oom = OomnitzaClient.builder().baseUri(oomnitza.baseUri()).apiToken(oomnitza.apiToken()).build();
      WorkflowRunner runner = WorkflowRunner.builder()
          .oomnitza(oom)
          .brexBaseUri(brex.baseUri())
          .brexCredential(Connection.of(Optional.empty(), "BREX_API_TOKEN"))
          .env(Map.of("BREX_API_TOKEN", brex.token())::get)
          .rateLimiter(RateLimiter.of(1000, period))
          .concurrency(concurrency)
          .build();
      OffboardingWorkflow wf = OffboardingWorkflow.builder().runner(runner).filter(Filter.isNotNull("brex_user_id")).build();
      long brex0 = total(brex.counters());
      long t0 = System.nanoTime();
      WorkflowReport r = wf.run(false);
      double secs = (System.nanoTime() - t0) / 1e9;
      long calls = total(brex.counters()) - brex0;
      double perPermit = period.toNanos() / 1000.0 / 1e9;
      double floor = Math.max(0, calls - 1000) * perPermit + rttMillis / 1000;
      System.out.printf(Locale.ROOT, "%s; %,d people handled, %d failed%n", r.summary().lines().findFirst().orElse(""),
          r.records().size(), r.failures().size());
      System.out.printf(Locale.ROOT, "Brex requests: %,d (%.2f per person); Oomnitza requests: %,d%n", calls, calls / (double) people,
          total(oomnitza.counters()));
      System.out.printf(Locale.ROOT, "%nFIGURE offboarding %,d people, 100 ms round trip, Brex 1,000/60 s: %.1f s scaled = %.1f min real; "
              + "rate-limit floor %.1f s scaled = %.1f min real ((%,d - 1,000) requests x 60 ms); ratio %.3f%n", people, secs,
          secs * scale / 60, floor, floor * scale / 60, calls, secs / floor);
      System.out.printf(Locale.ROOT, "(sequential, as before: about %,d round trips x 100 ms = %.1f min real)%n", calls,
          calls * 0.1 / 60);
    }
  }

  private static long total(Map<String, Long> counters) {
    return counters.values().stream().mapToLong(Long::longValue).sum();
  }
}
