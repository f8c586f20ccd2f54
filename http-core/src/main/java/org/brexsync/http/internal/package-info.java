/**
 * The shared implementation of the brexsync clients: the {@link
 * org.brexsync.http.internal.Transport}, calls and responses, paging, redaction, the HttpClient's
 * lifecycle, and the base-URI, token, path-segment and header checks. Used by brex-client,
 * oomnitza-client and connector-core's workflow sender; not an API (it may change in any release).
 */
package org.brexsync.http.internal;
