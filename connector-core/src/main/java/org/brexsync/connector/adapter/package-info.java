/** Adapters from the connector's ports to brex-client and oomnitza-client. */
package org.brexsync.connector.adapter;
