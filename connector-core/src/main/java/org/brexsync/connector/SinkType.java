package org.brexsync.connector;

/** How records are written into Oomnitza. */
public enum SinkType {
  /** Per-record {@code POST}/{@code PATCH /api/v3/users} with bounded concurrency. */
  REST,
  /**
   * {@code POST /api/v3/bulk} portions of a batch each, finalized at the end of the run, so the run
   * appears in Oomnitza's connector run logs.
   */
  BULK
}
