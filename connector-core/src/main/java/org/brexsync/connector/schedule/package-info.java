/** Scheduling of integration runs: {@link org.brexsync.connector.schedule.Schedule} and {@link org.brexsync.connector.schedule.SyncScheduler}. */
package org.brexsync.connector.schedule;
