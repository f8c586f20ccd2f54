/** Implementation of the CLI and the client adapters; not public API, do not import. */
package org.brexsync.examples.internal;
