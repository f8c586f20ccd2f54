package org.brexsync.spring.boot.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.brexsync.brex.BrexClient;
import org.brexsync.connector.port.RunHistory;
import org.brexsync.connector.port.RunRecord;
import org.brexsync.connector.schedule.SyncScheduler;
import org.brexsync.connector.sync.Situation;
import org.brexsync.oomnitza.OomnitzaClient;
import org.brexsync.spring.boot.autoconfigure.SyncRunTracker.RunInfo;
import org.brexsync.spring.boot.autoconfigure.internal.Endpoints;
import org.brexsync.spring.boot.autoconfigure.internal.Reachability;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code brexsync} health indicator: the last run's status and age, the last successful run,
 * whether a run is in progress and when the next is due, and whether Brex and Oomnitza answer (one
 * cheap authenticated GET each: {@code GET /v2/users/me} and Oomnitza's credential probe, cached for
 * {@code cacheTtl}).
 *
 * <p>{@code DOWN} when a system does not answer or refuses the token, when the last real run ended
 * {@code FAILED}, {@code ABORTED} or threw, or when the last successful run is older than {@code
 * maxAge} (set). {@code UP} otherwise, also before the first run. The details say why ({@code
 * problems}); they hold no token, no person and no record.
 *
 * <p>With a {@link RunHistory} (clustered mode: the runs of every instance), the details also hold
 * {@code cluster}: the integration's last run and last successful run on any instance, with the
 * worker that ran them. The run status and {@code maxAge} then judge the cluster's runs, so an
 * instance that did not run the integration itself is not reported DOWN for it.
 */
public final class BrexsyncHealthIndicator implements HealthIndicator {
  private static final Set<String> FAILED = Set.of("FAILED", "ABORTED", RunInfo.ERROR);
  /** Runs of the history searched for the last successful one: a bounded read per health request. */
  private static final int HISTORY_WINDOW = 20;

  private final SyncRunTracker tracker;
  private final SyncScheduler scheduler;
  private final Supplier<Optional<Instant>> nextRun;
  private final RunHistory history;
  private final String integration;
  private final BrexClient brex;
  private final OomnitzaClient oomnitza;
  private final Reachability brexCheck;
  private final Reachability oomnitzaCheck;
  private final Duration maxAge;
  private final Clock clock;
  private final Instant createdAt;

  private BrexsyncHealthIndicator(Builder b) {
    this.tracker = b.tracker;
    this.scheduler = b.scheduler;
    this.nextRun = b.nextRun;
    this.history = b.history;
    this.integration = b.integration;
    this.brex = b.brex;
    this.oomnitza = b.oomnitza;
    this.maxAge = b.maxAge;
    this.clock = b.clock;
    this.createdAt = clock.instant();
    Duration timeout = b.timeout;
    this.brexCheck = brex == null || !b.checkReachability ? null
        : new Reachability(() -> brex.users().me(org.brexsync.brex.RequestOptions.timeout(timeout)), b.cacheTtl, clock);
    this.oomnitzaCheck = oomnitza == null || !b.checkReachability ? null
        : new Reachability(() -> oomnitza.verifyCredentials(
            org.brexsync.oomnitza.RequestOptions.builder().timeout(timeout).build()), b.cacheTtl, clock);
  }

  /** {@return a builder: give it what the application has} */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Health health() {
    Instant now = clock.instant();
    Map<String, Object> details = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    Optional<RunRecord> clusterFinal = Optional.empty();
    Optional<Instant> clusterSuccess = Optional.empty();
    Map<String, Object> cluster = null;
    if (history != null) {
      cluster = new LinkedHashMap<>();
      try {
        List<RunRecord> recent = history.recent(Optional.of(integration), HISTORY_WINDOW);
        clusterFinal = recent.stream().filter(r -> r.status().isFinal()).findFirst();
        clusterSuccess = cluster(recent, clusterFinal, now, cluster, problems);
      } catch (RuntimeException e) {
        cluster.put("error", e.getClass().getSimpleName());
        problems.add("the run history cannot be read: " + e.getClass().getSimpleName());
      }
    }
    if (tracker != null) {
      runs(now, details, problems, clusterFinal, clusterSuccess);
    } else if (maxAge != null && history != null) {
      overdue(clusterSuccess, now, problems);
    }
    if (scheduler != null) {
      scheduler.nextRunAt().ifPresent(at -> details.put("nextRunAt", at.toString()));
    } else if (nextRun != null) {
      try {
        nextRun.get().ifPresent(at -> details.put("nextRunAt", at.toString()));
      } catch (RuntimeException e) {
        problems.add("the next run time cannot be read: " + e.getClass().getSimpleName());
      }
    }
    if (cluster != null) {
      details.put("cluster", cluster);
    }
    reach("brex", brex == null ? null : Endpoints.shown(brex.baseUri()), brexCheck, details, problems);
    reach("oomnitza", oomnitza == null ? null : Endpoints.shown(oomnitza.baseUri()), oomnitzaCheck, details, problems);
    if (!problems.isEmpty()) {
      details.put("problems", List.copyOf(problems));
    }
    return (problems.isEmpty() ? Health.up() : Health.down()).withDetails(details).build();
  }

  /**
   * The cluster's last run and last successful run into {@code out}, a failed last ended run ({@code
   * lastEnded}, from {@code recent}) into {@code problems}; returns when the last successful run (within
   * the window) finished.
   */
  private static Optional<Instant> cluster(List<RunRecord> recent, Optional<RunRecord> lastEnded, Instant now,
      Map<String, Object> out, List<String> problems) {
    if (recent.isEmpty()) {
      out.put("lastRun", "none yet");
      return Optional.empty();
    }
    RunRecord last = recent.get(0);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("status", last.status().name());
    m.put("runId", last.runId());
    m.put("worker", last.worker());
    m.put("startedAt", last.startedAt().toString());
    last.finishedAt().ifPresent(at -> {
      m.put("finishedAt", at.toString());
      m.put("age", age(at, now));
    });
    m.put("create", last.created());
    m.put("update", last.updated());
    m.put("unchanged", last.unchanged());
    m.put("skipped", last.skipped());
    m.put("failed", last.failed());
    last.reason().ifPresent(reason -> m.put("reason", reason));
    out.put("lastRun", m);
    lastEnded.filter(r -> r.status().isFailure())
        .ifPresent(r -> problems.add("the last run (worker " + r.worker() + ") ended " + r.status()
            + r.reason().map(x -> ": " + x).orElse("")));
    Optional<RunRecord> success = recent.stream().filter(r -> r.finishedAt().isPresent()
        && (r.status() == RunRecord.Status.SUCCEEDED || r.status() == RunRecord.Status.COMPLETED_WITH_FAILURES))
        .findFirst();
    success.ifPresent(r -> {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("runId", r.runId());
      s.put("worker", r.worker());
      s.put("finishedAt", r.finishedAt().get().toString());
      s.put("age", age(r.finishedAt().get(), now));
      out.put("lastSuccess", s);
    });
    return success.map(r -> r.finishedAt().get());
  }

  private void overdue(Optional<Instant> success, Instant now, List<String> problems) {
    Instant since = success.orElse(createdAt);
    if (Duration.between(since, now).compareTo(maxAge) > 0) {
      problems.add(success.isPresent()
          ? "the last successful run finished " + age(since, now) + " ago, longer than brexsync.health.max-age " + maxAge
          : "no successful run since the start " + age(since, now) + " ago, longer than brexsync.health.max-age " + maxAge);
    }
  }

  private void runs(Instant now, Map<String, Object> details, List<String> problems,
      Optional<RunRecord> clusterFinal, Optional<Instant> clusterSuccess) {
    details.put("running", tracker.isRunning());
    Optional<RunInfo> last = tracker.lastRun();
    if (last.isEmpty()) {
      details.put("lastRun", "none since start");
    } else {
      RunInfo r = last.get();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("integration", r.integration());
      m.put("status", r.status());
      if (!r.runId().isEmpty()) {
        m.put("runId", r.runId());
      }
      m.put("dryRun", r.dryRun());
      m.put("finishedAt", r.finishedAt().toString());
      m.put("age", age(r.finishedAt(), now));
      for (Situation s : Situation.values()) {
        m.put(s.name().toLowerCase(Locale.ROOT), r.totals().getOrDefault(s, 0L));
      }
      r.reason().ifPresent(reason -> m.put("reason", reason));
      r.error().ifPresent(error -> m.put("error", error));
      details.put("lastRun", m);
      // Clustered: this instance's failed run counts only when no run of the cluster ended after it.
      boolean superseded = clusterFinal.flatMap(RunRecord::finishedAt).filter(at -> !at.isBefore(r.finishedAt()))
          .isPresent();
      if (!r.dryRun() && FAILED.contains(r.status()) && !superseded) {
        problems.add("the last run ended " + r.status() + r.reason().map(x -> ": " + x).orElse("")
            + r.error().map(x -> ": " + x).orElse(""));
      }
    }
    Optional<RunInfo> success = tracker.lastSuccess();
    success.ifPresent(s -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("runId", s.runId());
      m.put("finishedAt", s.finishedAt().toString());
      m.put("age", age(s.finishedAt(), now));
      details.put("lastSuccess", m);
    });
    if (maxAge != null) {
      Optional<Instant> local = success.map(RunInfo::finishedAt);
      Optional<Instant> latest = local.isEmpty() ? clusterSuccess
          : clusterSuccess.filter(at -> at.isAfter(local.get())).or(() -> local);
      overdue(latest, now, problems);
    }
  }

  private static void reach(String system, String url, Reachability check, Map<String, Object> details,
      List<String> problems) {
    if (url == null) {
      return;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("url", url);
    if (check != null) {
      Reachability.Result r = check.get();
      m.put("reachable", r.reachable());
      m.put("checkedAt", r.checkedAt().toString());
      r.error().ifPresent(e -> m.put("error", e));
      if (r.status() > 0) {
        m.put("status", r.status());
      }
      if (!r.reachable()) {
        problems.add(system + " is not reachable: " + r.error().orElse("?") + (r.status() > 0 ? " (HTTP " + r.status() + ")" : ""));
      }
    }
    details.put(system, m);
  }

  private static String age(Instant then, Instant now) {
    Duration d = Duration.between(then, now);
    return (d.isNegative() ? Duration.ZERO : d).truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** Builds {@link BrexsyncHealthIndicator}; everything is optional. */
  public static final class Builder {
    private SyncRunTracker tracker;
    private SyncScheduler scheduler;
    private Supplier<Optional<Instant>> nextRun;
    private RunHistory history;
    private String integration;
    private BrexClient brex;
    private OomnitzaClient oomnitza;
    private boolean checkReachability = true;
    private Duration cacheTtl = Duration.ofMinutes(1);
    private Duration timeout = Duration.ofSeconds(5);
    private Duration maxAge;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * The runs to report.
     *
     * @param tracker the runs to report
     * @return this builder
     */
    public Builder tracker(SyncRunTracker tracker) {
      this.tracker = tracker;
      return this;
    }

    /**
     * The scheduler whose next run to report.
     *
     * @param scheduler the scheduler whose next run to report
     * @return this builder
     */
    public Builder scheduler(SyncScheduler scheduler) {
      this.scheduler = scheduler;
      return this;
    }

    /**
     * The Brex client to check.
     *
     * @param brex the Brex client to check
     * @return this builder
     */
    public Builder brex(BrexClient brex) {
      this.brex = brex;
      return this;
    }

    /**
     * The Oomnitza client to check.
     *
     * @param oomnitza the Oomnitza client to check
     * @return this builder
     */
    public Builder oomnitza(OomnitzaClient oomnitza) {
      this.oomnitza = oomnitza;
      return this;
    }

    /**
     * Where the next run time comes from when there is no {@link #scheduler(SyncScheduler)} (e.g.
     * connector-jdbc's {@code ClusterScheduler}).
     *
     * @param nextRunAt when the next run is due, empty when unknown; it may throw when it cannot tell
     * @return this builder
     */
    public Builder nextRun(Supplier<Optional<Instant>> nextRunAt) {
      this.nextRun = nextRunAt;
      return this;
    }

    /**
     * The history of every instance's runs (clustered mode), read for the integration's last run and
     * last successful run on any instance: the latest 20
     * runs per health request.
     *
     * @param history the run history, e.g. connector-jdbc's {@code JdbcRunHistory}
     * @param integration the integration's name
     * @return this builder
     */
    public Builder runHistory(RunHistory history, String integration) {
      this.history = history;
      this.integration = history == null ? null : Objects.requireNonNull(integration, "integration");
      return this;
    }

    /**
     * Whether Brex and Oomnitza are asked (default true).
     *
     * @param check whether Brex and Oomnitza are asked (default true)
     * @return this builder
     */
    public Builder checkReachability(boolean check) {
      this.checkReachability = check;
      return this;
    }

    /**
     * How long a reachability result is reused (default 1 minute).
     *
     * @param ttl how long a reachability result is reused (default 1 minute)
     * @return this builder
     */
    public Builder cacheTtl(Duration ttl) {
      this.cacheTtl = positive(ttl, "cacheTtl");
      return this;
    }

    /**
     * Timeout of each reachability request (default 5 s).
     *
     * @param timeout timeout of each reachability request (default 5 s)
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      this.timeout = positive(timeout, "timeout");
      return this;
    }

    /**
     * DOWN when the last successful run is older than this (default: no such check).
     *
     * @param maxAge DOWN when the last successful run is older than this (default: no such check)
     * @return this builder
     */
    public Builder maxAge(Duration maxAge) {
      this.maxAge = maxAge == null ? null : positive(maxAge, "maxAge");
      return this;
    }

    /**
     * The clock of ages and the cache (default UTC system clock).
     *
     * @param clock the clock of ages and the cache (default UTC system clock)
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** {@return the indicator} */
    public BrexsyncHealthIndicator build() {
      return new BrexsyncHealthIndicator(this);
    }

    private static Duration positive(Duration d, String what) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(what + " must be positive");
      }
      return d;
    }
  }
}
