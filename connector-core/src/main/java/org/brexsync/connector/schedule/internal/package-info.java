/** Implementation details of the schedule feature. Not API: do not import from outside this module. */
package org.brexsync.connector.schedule.internal;
