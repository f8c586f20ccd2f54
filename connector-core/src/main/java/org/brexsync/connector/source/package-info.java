/** The Brex side of a sync: the {@link org.brexsync.connector.source.UserSource} port, enriched user views and cached lookups. */
package org.brexsync.connector.source;
