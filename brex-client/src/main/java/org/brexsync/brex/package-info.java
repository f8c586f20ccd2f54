/** brexsync brex-client. */
package org.brexsync.brex;
