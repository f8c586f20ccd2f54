/**
 * Typed Java client for Oomnitza: REST v3 users, the connector ("bulk") API and SaaS users.
 *
 * <p>Start with {@link org.brexsync.oomnitza.OomnitzaClient#builder()}. Filters live in
 * {@code org.brexsync.oomnitza.filter}, the connector run API in {@code org.brexsync.oomnitza.bulk}
 * and SaaS users in {@code org.brexsync.oomnitza.saas}. Types in {@code ...internal} are not API.
 */
package org.brexsync.oomnitza;
