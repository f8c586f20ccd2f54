/** brexsync oomnitza-client. */
package org.brexsync.oomnitza;
