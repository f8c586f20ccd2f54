package org.brexsync.connector.workflow;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a workflow run did, per record.
 *
 * @param workflow the workflow's name
 * @param dryRun whether nothing was sent (requests are {@link StepStatus#PLANNED})
 * @param startedAt when the run started (runner clock)
 * @param finishedAt when it finished
 * @param records one result per record, in the order processed
 */
public record WorkflowReport(String workflow, boolean dryRun, Instant startedAt, Instant finishedAt,
    List<RecordResult> records) {
  /**
   * A report (copies the list).
   *
   * @param dryRun true to write nothing
   * @param finishedAt the finished at
   * @param records the records
   * @param startedAt the started at
   * @param workflow the workflow
   */
  public WorkflowReport {
    Objects.requireNonNull(workflow, "workflow");
    records = List.copyOf(records);
  }

  /** {@return records with a failed step} */
  public List<RecordResult> failures() {
    return records.stream().filter(RecordResult::failed).toList();
  }

  /** {@return whether every record went through without a failed step} */
  public boolean ok() {
    return failures().isEmpty();
  }

  /**
   * {@return the result for one record ident}
   *
   * @param ident the record's Oomnitza ident
   */
  public Optional<RecordResult> record(String ident) {
    return records.stream().filter(r -> r.record().equals(ident)).findFirst();
  }

  /** {@return one line: counts of records processed and failed} */
  public String summary() {
    return String.format("workflow '%s'%s: %d record(s), %d failed", workflow,
        dryRun ? " (dry run)" : "", records.size(), failures().size());
  }

  /**
   * {@return the report as JSON (for machines, e.g. a CLI's {@code --json}): workflow, dryRun, startedAt,
   * finishedAt and records with their steps, requests (credentials redacted), statuses and reasons}
   */
  public String toJson() {
    try {
      return org.brexsync.connector.workflow.internal.Json.mapper().writerWithDefaultPrettyPrinter()
          .writeValueAsString(this);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new WorkflowException("cannot write the report as JSON", e);
    }
  }

  /** {@return a multi-line text report: one line per step, requests shown in dry runs} */
  public String render() {
    StringBuilder sb = new StringBuilder(summary()).append('\n');
    for (RecordResult r : records) {
      sb.append(r.record()).append('\n');
      for (StepOutcome s : r.steps()) {
        sb.append("  ").append(s).append('\n');
        if (dryRun || s.status() == StepStatus.FAILED) {
          s.request().ifPresent(q -> sb.append("    ").append(q.describe().replace("\n", "\n    ")).append('\n'));
        }
      }
    }
    return sb.toString();
  }
}
