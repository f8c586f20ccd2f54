package org.brexsync.connector;

/** Lifecycle state of an integration, as on the product page. */
public enum IntegrationStatus {
  /** Mandatory items are missing: the integration cannot run. */
  DRAFT,
  /** Every mandatory item is present: the integration can be launched. */
  LAUNCHABLE
}
