/** The SyncEngine, its policies, progress, and the run report. Its ports are in {@code org.brexsync.connector.port}. */
package org.brexsync.connector.sync;
