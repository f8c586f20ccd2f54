package org.brexsync.brex.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * Verification status of a legal entity.
 *
 * <p>Brex adds enum constants without notice: values this version does not know read as
 * {@link #UNKNOWN}, which is never sent.
 */
public enum LegalEntityStatus {
  /** UNSUBMITTED. */
  UNSUBMITTED,
  /** UNVERIFIED. */
  UNVERIFIED,
  /** IN_PROGRESS. */
  IN_PROGRESS,
  /** VERIFIED. */
  VERIFIED,
  /** REJECTED. */
  REJECTED,
  /** A value this client version does not know. */
  @JsonEnumDefaultValue
  UNKNOWN
}
