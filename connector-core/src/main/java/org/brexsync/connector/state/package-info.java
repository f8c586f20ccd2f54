/** Sync state: per-record fingerprints and the last successful run, in memory or in crash-safe files. */
package org.brexsync.connector.state;
