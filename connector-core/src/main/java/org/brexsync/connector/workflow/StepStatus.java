package org.brexsync.connector.workflow;

/** What happened to one step for one record. */
public enum StepStatus {
  /** Sent and answered 2xx; positive mappings written. */
  SUCCEEDED,
  /** Not sent because there was nothing to change (e.g. the user is already disabled). */
  SKIPPED,
  /** Dry run: the request that would be sent is recorded, nothing was sent. */
  PLANNED,
  /** Invalid input (nothing sent), an error answer, a network failure, or a failed write-back. */
  FAILED,
  /** Not attempted because an earlier step of the same record failed. */
  NOT_RUN
}
