/** Implementation of connector-jdbc; not API: may change in any release. */
package org.brexsync.jdbc.internal;
