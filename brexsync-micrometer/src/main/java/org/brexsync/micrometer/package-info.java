/**
 * Micrometer meters and observations for brexsync: {@link org.brexsync.micrometer.BrexsyncObservations}
 * gives the hooks for the clients, the sync engine and the workflow runner; {@link
 * org.brexsync.micrometer.BrexsyncMeters} names every meter and tag; {@code prometheus} serves them.
 */
package org.brexsync.micrometer;
