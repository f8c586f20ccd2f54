package org.brexsync.connector.sync.internal;

import java.util.Optional;
import org.brexsync.connector.mapping.MappedRecord;
import org.brexsync.connector.port.RecordState;

/** A Brex user that passed filter and mapping and may need a write: what the planner knows of it. */
final class Candidate {
  final String sourceId;
  final MappedRecord mapped;
  final String key;
  /** {@link #key} as correlation compares it (trimmed, lower case), made once for the stages that need it. */
  final String normKey;
  final String fingerprint;
  final boolean departed;
  /** What the last run wrote, if anything. */
  Optional<RecordState> prior = Optional.empty();
  /** Another Brex user of this run that holds the same sync-key value, if any. */
  String duplicateOf;
  /** Not looked up: the first run's listing of Oomnitza's sync keys does not hold its key. */
  boolean assumedNew;

  Candidate(String sourceId, MappedRecord mapped, String key, String fingerprint, boolean departed) {
    this.sourceId = sourceId;
    this.mapped = mapped;
    this.key = key;
    this.normKey = RecordPreparer.norm(key);
    this.fingerprint = fingerprint;
    this.departed = departed;
  }

  /** A known record gone from Brex (the end-of-run pass). */
  static Candidate gone(String sourceId, RecordState prior) {
    Candidate c = new Candidate(sourceId, null, prior.syncKey(), Plan.GONE, false);
    c.prior = Optional.of(prior);
    return c;
  }
}
