package org.brexsync.connector;

/** What a run writes into Oomnitza. */
public enum SyncMode {
  /** People records only. */
  USER_ONLY,
  /** People records, and each synced person assigned as a SaaS user of the configured SaaS application. */
  USER_PLUS_SAAS_USER
}
