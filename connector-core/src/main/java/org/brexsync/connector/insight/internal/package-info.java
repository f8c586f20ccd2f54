/** Implementation of the insight feature: row building, view evaluation and writers. Not API. */
package org.brexsync.connector.insight.internal;
