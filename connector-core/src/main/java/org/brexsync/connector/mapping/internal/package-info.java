/** Implementation details of the mapping feature. Not API: do not import from outside this module. */
package org.brexsync.connector.mapping.internal;
