/** Implementation of the {@code brexsync} commands; not public API, do not import. */
package org.brexsync.cli.internal;
