/**
 * The Oomnitza side: adapters over oomnitza-client ({@link org.brexsync.connector.oomnitza.OomnitzaUserSink},
 * {@link org.brexsync.connector.oomnitza.OomnitzaPeopleLookup}).
 */
package org.brexsync.connector.oomnitza;
