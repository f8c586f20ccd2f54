/** brexsync connector-core. */
package org.brexsync.connector;
