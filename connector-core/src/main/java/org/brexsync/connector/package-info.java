/**
 * brexsync connector-core: stream Brex users into Oomnitza people records.
 *
 * <p>Entry points: {@link org.brexsync.connector.Integration} (the integration as data, readable from
 * and writable to a JSON document with {@link org.brexsync.connector.IntegrationJson}),
 * {@link org.brexsync.connector.sync.SyncEngine} (one run, returning a
 * {@link org.brexsync.connector.sync.SyncReport}) and
 * {@link org.brexsync.connector.schedule.SyncScheduler}.
 */
package org.brexsync.connector;
