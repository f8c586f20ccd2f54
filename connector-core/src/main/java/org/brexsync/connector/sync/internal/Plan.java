package org.brexsync.connector.sync.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.brexsync.connector.mapping.FieldChange;
import org.brexsync.connector.sync.Situation;

/**
 * What the planner decided for one record and what the writer made of it. Written by one thread at a
 * time: the planner, then the writer, then (after the batch's future completed) the run's thread.
 */
final class Plan {
  /** The fingerprint kept for a record written without a per-record answer: it matches no real fingerprint. */
  static final String UNVERIFIED = "unverified";
  /** The fingerprint kept for a record deprovisioned because it is gone from Brex. */
  static final String GONE = "gone";
  /** The fingerprint kept for a bulk-created record still to be assigned as a SaaS user. */
  static final String PENDING_SAAS = "pending-saas";

  final Candidate c;
  Situation situation;
  ObjectNode existing;
  ObjectNode fields;
  List<FieldChange> changes = List.of();
  boolean deprovision;
  Optional<String> targetId = Optional.empty();
  Optional<String> error = Optional.empty();
  boolean needsSaas;
  /** Written in a bulk portion whose answer said nothing about this record. */
  boolean unverified;
  /** A CREATE decided from the first run's listing of Oomnitza's sync keys, without a lookup. */
  boolean assumedNew;
  /** Never tried: the run stopped (guard, circuit, cancellation) before this record's write. */
  boolean notAttempted;
  /** The fingerprint to keep when the write succeeds. */
  String keep;

  Plan(Candidate c) {
    this.c = c;
    this.keep = c.fingerprint;
  }

  boolean isWrite() {
    return situation == Situation.CREATE || situation == Situation.UPDATE;
  }
}
