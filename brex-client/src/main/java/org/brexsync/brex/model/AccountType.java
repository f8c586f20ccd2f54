package org.brexsync.brex.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * Brex account type of a company.
 *
 * <p>Brex adds enum constants without notice: values this version does not know read as
 * {@link #UNKNOWN}, which is never sent.
 */
public enum AccountType {
  /** BREX_CLASSIC. */
  BREX_CLASSIC,
  /** BREX_EMPOWER. */
  BREX_EMPOWER,
  /** A value this client version does not know. */
  @JsonEnumDefaultValue
  UNKNOWN
}
