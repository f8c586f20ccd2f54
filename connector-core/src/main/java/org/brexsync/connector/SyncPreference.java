package org.brexsync.connector;

/** The integration preference of the product page: which writes a run may make. */
public enum SyncPreference {
  /** Add and update records. */
  CREATE_AND_UPDATE,
  /** Add records only; existing records are SKIPPED. */
  CREATE_ONLY,
  /** Update records only; new records are SKIPPED. */
  UPDATE_ONLY;

  /** {@return whether creates are allowed} */
  public boolean creates() {
    return this != UPDATE_ONLY;
  }

  /** {@return whether updates are allowed} */
  public boolean updates() {
    return this != CREATE_ONLY;
  }
}
