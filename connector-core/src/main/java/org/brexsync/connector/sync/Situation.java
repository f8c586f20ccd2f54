package org.brexsync.connector.sync;

/** The classification of one source record in a run; identical in a dry run and a real run. */
public enum Situation {
  /** Not in Oomnitza: created. */
  CREATE,
  /** In Oomnitza with differences: the changed fields are written. */
  UPDATE,
  /** In Oomnitza and equal (or unchanged since the last run): nothing written. */
  UNCHANGED,
  /** Left out by a filter or the preference. */
  SKIPPED,
  /** Could not be mapped, correlated or written; the reason says why. */
  FAILED
}
