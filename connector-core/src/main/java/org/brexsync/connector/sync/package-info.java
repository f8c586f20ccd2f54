/** The SyncEngine, its ports to Oomnitza, policies, progress, and the run report. */
package org.brexsync.connector.sync;
