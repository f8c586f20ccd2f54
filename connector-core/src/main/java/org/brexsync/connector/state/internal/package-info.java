/**
 * Implementation of the file state store: the binary base file with its sparse index, the run
 * journal, the external sort that merges them, the off-heap run marks and the one-time migration from
 * the first (JSON lines) format. Not API: do not import from outside this module.
 */
package org.brexsync.connector.state.internal;
