/** Implementation details of connector-core. Not API: do not import from outside this module. */
package org.brexsync.connector.internal;
