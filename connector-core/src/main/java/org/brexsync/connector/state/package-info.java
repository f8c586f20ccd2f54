/** Sync state stores: the default crash-safe files ({@code FileSyncStateStore}) and an in-memory store for tests. */
package org.brexsync.connector.state;
