/** JSON-tree views of records and paths into them, shared by mapping, filters, workflows and insight. */
package org.brexsync.connector.record;
