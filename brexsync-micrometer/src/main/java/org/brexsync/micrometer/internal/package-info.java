/** Implementation of brexsync-micrometer's listeners. Not public API: it may change in any release. */
package org.brexsync.micrometer.internal;
