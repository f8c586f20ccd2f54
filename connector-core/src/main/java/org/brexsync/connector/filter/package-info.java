/**
 * The include/exclude rule language over record fields (equals, in, not in, regex, empty), used by
 * the sync engine and reusable by any feature that selects records.
 */
package org.brexsync.connector.filter;
