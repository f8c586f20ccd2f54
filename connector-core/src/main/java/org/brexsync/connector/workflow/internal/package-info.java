/** Implementation of the workflow package (templates, HTTP, Brex checks). Not API: do not import. */
package org.brexsync.connector.workflow.internal;
