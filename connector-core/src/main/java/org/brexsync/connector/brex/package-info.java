/**
 * The Brex side: adapters over brex-client ({@link org.brexsync.connector.brex.BrexUserSource},
 * {@link org.brexsync.connector.brex.BrexCardSource}), the enriched Brex user view
 * ({@link org.brexsync.connector.brex.BrexUserRecord}) and its cached lookups
 * ({@link org.brexsync.connector.brex.BrexLookups}).
 */
package org.brexsync.connector.brex;
