/**
 * brexsync on PostgreSQL: {@link org.brexsync.jdbc.BrexsyncDatabase} (pool, schema check and
 * migrations), the sync state ({@link org.brexsync.jdbc.PostgresStateStore}), the run history
 * ({@link org.brexsync.jdbc.JdbcRunHistory}), insight's shipment tracker
 * ({@link org.brexsync.jdbc.JdbcShipmentTracker}) and clustered scheduling of integrations and
 * workflows ({@link org.brexsync.jdbc.ClusterScheduler}, on db-scheduler). The schema:
 * {@link org.brexsync.jdbc.BrexsyncSchema}.
 */
package org.brexsync.jdbc;
