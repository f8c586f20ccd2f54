/** Implementation of the Oomnitza client. Not API: may change in any release; do not import. */
package org.brexsync.oomnitza.internal;
