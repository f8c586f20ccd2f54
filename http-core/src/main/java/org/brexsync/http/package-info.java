/**
 * The HTTP core every brexsync client builds on. Its public surface is small and is what a client's
 * user may meet: the exception root {@link org.brexsync.http.HttpClientException}, the
 * {@link org.brexsync.http.RetryPolicy}, the {@link org.brexsync.http.RateLimiter} token bucket,
 * the {@link org.brexsync.http.Sleeper} and {@link org.brexsync.http.RequestListener} hooks, per-call
 * {@link org.brexsync.http.CallOptions}, and paging ({@link org.brexsync.http.Page},
 * {@link org.brexsync.http.PagedIterable}). Each client re-exports these under its own names
 * (for example {@code org.brexsync.brex.RetryPolicy} is a {@code RetryPolicy} with Brex's
 * defaults). The transport, redaction, URI, token and path checks live in
 * {@code org.brexsync.http.internal}, shared by the clients and not an API.
 */
package org.brexsync.http;
