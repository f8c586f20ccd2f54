package org.brexsync.connector.port;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.Optional;
import org.brexsync.connector.internal.ValueStyle;
import org.brexsync.connector.sync.Situation;
import org.brexsync.connector.sync.SyncReport;
import org.brexsync.connector.workflow.WorkflowReport;
import org.immutables.value.Value;

/**
 * One run of an integration or workflow as a {@link RunHistory} keeps it, like Oomnitza's connector run
 * logs: who ran it, when, how it ended, how many records it created, updated, left unchanged, skipped or
 * failed, and why it failed. A run is recorded twice: {@link Status#RUNNING} when it starts, its final
 * status when it ends; a run whose worker died stays {@code RUNNING} until the next run of the same
 * integration marks it {@link Status#ABANDONED}.
 */
@Value.Immutable
@ValueStyle
@JsonSerialize(as = ImmutableRunRecord.class)
@JsonDeserialize(as = ImmutableRunRecord.class)
@JsonInclude(JsonInclude.Include.NON_ABSENT)
@JsonPropertyOrder({"runId", "integration", "kind", "worker", "startedAt", "finishedAt", "status"})
public abstract class RunRecord implements WithRunRecord {

  RunRecord() {}

  /** What was run. */
  public enum Kind {
    /** A sync of an integration. */
    SYNC,
    /** A scheduled workflow (a Begin block with a schedule, offboarding). */
    WORKFLOW
  }

  /** How a run stands. */
  public enum Status {
    /** Started, not finished (or its worker died: see {@link #ABANDONED}). */
    RUNNING,
    /** Every record went through. */
    SUCCEEDED,
    /** Finished; some records failed. */
    COMPLETED_WITH_FAILURES,
    /** The safety guard stopped the run. */
    ABORTED,
    /** Cancelled (e.g. the worker was asked to stop). */
    CANCELLED,
    /** The run could not continue; {@link #reason()} says why. */
    FAILED,
    /** Its worker died mid-run; a later run of the integration took over. */
    ABANDONED;

    /** {@return whether the run is over (anything but {@link #RUNNING})} */
    public boolean isFinal() {
      return this != RUNNING;
    }

    /** {@return whether the run counts against health: it failed, was aborted or abandoned} */
    public boolean isFailure() {
      return this == FAILED || this == ABORTED || this == ABANDONED;
    }
  }

  /** {@return the run's id (unique across workers)} */
  @JsonProperty("runId")
  public abstract String runId();

  /** {@return the integration's (or workflow's) name} */
  @JsonProperty("integration")
  public abstract String integration();

  /** {@return what was run (default {@link Kind#SYNC})} */
  @JsonProperty("kind")
  @Value.Default
  public Kind kind() {
    return Kind.SYNC;
  }

  /** {@return the worker (process) that ran it, e.g. {@code host:pid}} */
  @JsonProperty("worker")
  public abstract String worker();

  /** {@return when it started} */
  @JsonProperty("startedAt")
  public abstract Instant startedAt();

  /** {@return when it ended (absent while running)} */
  @JsonProperty("finishedAt")
  public abstract Optional<Instant> finishedAt();

  /** {@return how it stands} */
  @JsonProperty("status")
  public abstract Status status();

  /** {@return people created in Oomnitza (workflows: records that went through)} */
  @JsonProperty("created")
  @Value.Default
  public long created() {
    return 0;
  }

  /** {@return people updated} */
  @JsonProperty("updated")
  @Value.Default
  public long updated() {
    return 0;
  }

  /** {@return records found unchanged} */
  @JsonProperty("unchanged")
  @Value.Default
  public long unchanged() {
    return 0;
  }

  /** {@return records skipped (filter, preference)} */
  @JsonProperty("skipped")
  @Value.Default
  public long skipped() {
    return 0;
  }

  /** {@return records that failed} */
  @JsonProperty("failed")
  @Value.Default
  public long failed() {
    return 0;
  }

  /** {@return people deprovisioned (gone from Brex)} */
  @JsonProperty("deprovisioned")
  @Value.Default
  public long deprovisioned() {
    return 0;
  }

  /** {@return why the run failed, was aborted, cancelled or abandoned} */
  @JsonProperty("reason")
  public abstract Optional<String> reason();

  /** {@return a new, empty builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builder of {@link RunRecord}, from {@link #builder()}; {@code from(value)} starts from the attributes of
   * an existing value.
   */
  public static final class Builder extends ImmutableRunRecord.Builder {
    Builder() {}
  }

  /**
   * A run that starts now.
   *
   * @param runId the run's id, unique across workers
   * @param integration the integration's (or workflow's) name
   * @param kind what is run
   * @param worker the worker (process) running it, e.g. {@code host:pid}
   * @param at when it started
   * @return a {@link Status#RUNNING} record
   */
  public static RunRecord started(String runId, String integration, Kind kind, String worker, Instant at) {
    return builder().runId(runId).integration(integration).kind(kind).worker(worker).startedAt(at)
        .status(Status.RUNNING).build();
  }

  /**
   * This run, finished as a sync ended (status, counts and reason from the report).
   *
   * @param report the sync's report
   * @param at when it ended
   * @return a copy of this record with the final status and counts
   */
  public RunRecord finished(SyncReport report, Instant at) {
    return this
        .withFinishedAt(at)
        .withStatus(Status.valueOf(report.status().name()))
        .withCreated(report.count(Situation.CREATE))
        .withUpdated(report.count(Situation.UPDATE))
        .withUnchanged(report.count(Situation.UNCHANGED))
        .withSkipped(report.count(Situation.SKIPPED))
        .withFailed(report.count(Situation.FAILED))
        .withDeprovisioned(report.deprovisioned())
        .withReason(report.reason());
  }

  /**
   * This run, finished as a workflow ended (records that went through count as created).
   *
   * @param report the workflow's report
   * @param at when it ended
   * @return a copy of this record with the final status and counts
   */
  public RunRecord finished(WorkflowReport report, Instant at) {
    long failures = report.failures().size();
    return this
        .withFinishedAt(at)
        .withStatus(failures == 0 ? Status.SUCCEEDED : Status.COMPLETED_WITH_FAILURES)
        .withCreated(report.records().size() - failures)
        .withFailed(failures);
  }

  /**
   * This run, ended with {@code status} for {@code reason} (a failure that left no report).
   *
   * @param status the final status
   * @param reason why it ended so
   * @param at when it ended
   * @return a copy of this record with the status and reason
   */
  public RunRecord ended(Status status, String reason, Instant at) {
    return this.withFinishedAt(at).withStatus(status).withReason(reason);
  }

  /**
   * {@return one log line for the run, e.g. {@code sync 'acme' run 5f0c… on host:42: SUCCEEDED in 1.2 s (created 3,
   * updated 1, unchanged 40, skipped 0, failed 0, deprovisioned 0)}}
   */
  public String line() {
    String took = finishedAt().map(f -> String.format(java.util.Locale.ROOT, " in %.1f s",
        java.time.Duration.between(startedAt(), f).toMillis() / 1000.0)).orElse("");
    return kind().name().toLowerCase(java.util.Locale.ROOT) + " '" + integration() + "' run " + runId() + " on " + worker()
        + ": " + status() + took
        + String.format(java.util.Locale.ROOT, " (created %d, updated %d, unchanged %d, skipped %d, failed %d, deprovisioned %d)",
            created(), updated(), unchanged(), skipped(), failed(), deprovisioned())
        + reason().map(r -> ": " + r).orElse("");
  }

  @Value.Check
  void check() {
    if (runId().isBlank() || integration().isBlank()) {
      throw new IllegalStateException("a run record needs a run id and an integration");
    }
  }
}
