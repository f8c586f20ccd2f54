/**
 * The ports: the small interfaces through which connector-core talks to the outside, side by side.
 *
 * <ul>
 *   <li>Brex side: {@link org.brexsync.connector.port.UserSource} (users page by page, directories)
 *       with {@link org.brexsync.connector.port.UserPage}; {@link org.brexsync.connector.port.CardSource}
 *       (every card, for insight).
 *   <li>Oomnitza side: {@link org.brexsync.connector.port.UserSink} (correlate, create, update, bulk
 *       portions with {@link org.brexsync.connector.port.BulkUpload}, {@link org.brexsync.connector.port.BulkResult}
 *       and {@link org.brexsync.connector.port.BulkRunLog}, SaaS users);
 *       {@link org.brexsync.connector.port.PeopleLookup} (batched lookups, for insight).
 *   <li>Sync state: {@link org.brexsync.connector.port.SyncStateStore}, its
 *       {@link org.brexsync.connector.port.StateSession} and {@link org.brexsync.connector.port.RecordState}.
 * </ul>
 *
 * <p>Adapters are named after the system they adapt: {@code connector.brex.BrexUserSource},
 * {@code connector.brex.BrexCardSource}, {@code connector.oomnitza.OomnitzaUserSink},
 * {@code connector.oomnitza.OomnitzaPeopleLookup}; state stores live in {@code connector.state}.
 */
package org.brexsync.connector.port;
