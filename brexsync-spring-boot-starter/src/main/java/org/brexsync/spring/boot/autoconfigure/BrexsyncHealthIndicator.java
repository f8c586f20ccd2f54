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
import org.brexsync.brex.BrexClient;
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
 */
public final class BrexsyncHealthIndicator implements HealthIndicator {
  private static final Set<String> FAILED = Set.of("FAILED", "ABORTED", RunInfo.ERROR);

  private final SyncRunTracker tracker;
  private final SyncScheduler scheduler;
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

  /** A builder: give it what the application has. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Health health() {
    Instant now = clock.instant();
    Map<String, Object> details = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    if (tracker != null) {
      runs(now, details, problems);
    }
    if (scheduler != null) {
      scheduler.nextRunAt().ifPresent(at -> details.put("nextRunAt", at.toString()));
    }
    reach("brex", brex == null ? null : Endpoints.shown(brex.baseUri()), brexCheck, details, problems);
    reach("oomnitza", oomnitza == null ? null : Endpoints.shown(oomnitza.baseUri()), oomnitzaCheck, details, problems);
    if (!problems.isEmpty()) {
      details.put("problems", List.copyOf(problems));
    }
    return (problems.isEmpty() ? Health.up() : Health.down()).withDetails(details).build();
  }

  private void runs(Instant now, Map<String, Object> details, List<String> problems) {
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
      if (!r.dryRun() && FAILED.contains(r.status())) {
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
      Instant since = success.map(RunInfo::finishedAt).orElse(createdAt);
      if (Duration.between(since, now).compareTo(maxAge) > 0) {
        problems.add(success.isPresent()
            ? "the last successful run finished " + age(since, now) + " ago, longer than brexsync.health.max-age " + maxAge
            : "no successful run since the start " + age(since, now) + " ago, longer than brexsync.health.max-age " + maxAge);
      }
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
    private BrexClient brex;
    private OomnitzaClient oomnitza;
    private boolean checkReachability = true;
    private Duration cacheTtl = Duration.ofMinutes(1);
    private Duration timeout = Duration.ofSeconds(5);
    private Duration maxAge;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** The runs to report. */
    public Builder tracker(SyncRunTracker tracker) {
      this.tracker = tracker;
      return this;
    }

    /** The scheduler whose next run to report. */
    public Builder scheduler(SyncScheduler scheduler) {
      this.scheduler = scheduler;
      return this;
    }

    /** The Brex client to check. */
    public Builder brex(BrexClient brex) {
      this.brex = brex;
      return this;
    }

    /** The Oomnitza client to check. */
    public Builder oomnitza(OomnitzaClient oomnitza) {
      this.oomnitza = oomnitza;
      return this;
    }

    /** Whether Brex and Oomnitza are asked (default true). */
    public Builder checkReachability(boolean check) {
      this.checkReachability = check;
      return this;
    }

    /** How long a reachability result is reused (default 1 minute). */
    public Builder cacheTtl(Duration ttl) {
      this.cacheTtl = positive(ttl, "cacheTtl");
      return this;
    }

    /** Timeout of each reachability request (default 5 s). */
    public Builder timeout(Duration timeout) {
      this.timeout = positive(timeout, "timeout");
      return this;
    }

    /** DOWN when the last successful run is older than this (default: no such check). */
    public Builder maxAge(Duration maxAge) {
      this.maxAge = maxAge == null ? null : positive(maxAge, "maxAge");
      return this;
    }

    /** The clock of ages and the cache (default UTC system clock). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Builds the indicator. */
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
