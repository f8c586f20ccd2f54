/**
 * Oomnitza's connector ("bulk") API: a connector run ({@link org.brexsync.oomnitza.bulk.BulkRun})
 * uploads records keyed by {@link org.brexsync.oomnitza.FieldId} in batches, is finalized even
 * after a failure, can be cancelled, and is reported in run logs.
 */
package org.brexsync.oomnitza.bulk;
