/**
 * Implementation details shared by every feature of connector-core (the JSON mapper, fingerprints,
 * the value style). Feature-specific internals live in the feature's own {@code internal} package.
 * Not API: do not import from outside this module.
 */
package org.brexsync.connector.internal;
