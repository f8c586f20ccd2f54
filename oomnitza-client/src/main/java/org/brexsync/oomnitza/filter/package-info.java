/** A safe builder for Oomnitza's REST v3 filter expressions: {@link org.brexsync.oomnitza.filter.Filter}. */
package org.brexsync.oomnitza.filter;
