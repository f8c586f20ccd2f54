/** Implementation details of the sync feature. Not API: do not import from outside this module. */
package org.brexsync.connector.sync.internal;
