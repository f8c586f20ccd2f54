package org.brexsync.http;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import org.brexsync.http.internal.HttpResources;

/**
 * The settings every brexsync client's builder shares, with their validation: the HttpClient (the
 * caller's, never closed by the client, or one the client builds and {@code close()} releases),
 * timeouts, clock, sleeper, request listener, User-Agent, the plain-http opt-in and the paging
 * bound. Each client's {@code Builder} extends it and adds its vendor's settings. Not thread-safe;
 * the client it builds is.
 *
 * @param <B> the client's builder
 */
public abstract class ClientBuilder<B extends ClientBuilder<B>> {
  private HttpClient httpClient;
  private Duration connectTimeout = Duration.ofSeconds(10);
  private Duration requestTimeout;
  private Clock clock = Clock.systemUTC();
  private Sleeper sleeper = Sleeper.system();
  private RequestListener listener = RequestListener.none();
  private String userAgent;
  private boolean allowPlainHttp;
  private int maxPages = PagedIterable.DEFAULT_MAX_PAGES;

  /** A builder whose client's default request timeout and User-Agent are these. */
  protected ClientBuilder(Duration defaultRequestTimeout, String defaultUserAgent) {
    this.requestTimeout = positive(defaultRequestTimeout, "requestTimeout");
    this.userAgent = Objects.requireNonNull(defaultUserAgent, "userAgent");
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }

  /**
   * The HTTP client to use (proxies, executors, TLS; its own connect timeout then applies). It stays
   * the caller's: the client's {@code close()} does not close it.
   */
  public B httpClient(HttpClient client) {
    this.httpClient = Objects.requireNonNull(client, "client");
    return self();
  }

  /** Connect timeout of the HTTP client the client builds (default 10 s). */
  public B connectTimeout(Duration d) {
    this.connectTimeout = positive(d, "connectTimeout");
    return self();
  }

  /** Timeout of each attempt; a call's {@code RequestOptions} may override it. */
  public B requestTimeout(Duration d) {
    this.requestTimeout = positive(d, "requestTimeout");
    return self();
  }

  /** Clock for time budgets, durations and {@code Retry-After} dates. */
  public B clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return self();
  }

  /** How to wait for back-off and rate-limit permits (tests inject a recording no-op). */
  public B sleeper(Sleeper sleeper) {
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    return self();
  }

  /** Observer of every HTTP attempt (metrics, auditing); never sees bodies or tokens. */
  public B requestListener(RequestListener listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
    return self();
  }

  /** The {@code User-Agent} header. */
  public B userAgent(String userAgent) {
    this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
    return self();
  }

  /**
   * Allows plain http to a host that is not loopback (default false), for test rigs whose
   * simulator runs on another host. Never for a real service: the token would travel unencrypted.
   */
  public B allowPlainHttp(boolean allow) {
    this.allowPlainHttp = allow;
    return self();
  }

  /**
   * Most pages one iteration of a list fetches (default {@link PagedIterable#DEFAULT_MAX_PAGES});
   * beyond it the iteration fails instead of paging for ever.
   */
  public B maxPages(int maxPages) {
    if (maxPages < 1) {
      throw new IllegalArgumentException("maxPages must be at least 1");
    }
    this.maxPages = maxPages;
    return self();
  }

  /** The caller's HttpClient, or null. */
  protected final HttpClient httpClient() {
    return httpClient;
  }

  /** The request timeout. */
  protected final Duration requestTimeout() {
    return requestTimeout;
  }

  /** The clock. */
  protected final Clock clock() {
    return clock;
  }

  /** The sleeper. */
  protected final Sleeper sleeper() {
    return sleeper;
  }

  /** The request listener. */
  protected final RequestListener requestListener() {
    return listener;
  }

  /** The User-Agent. */
  protected final String userAgent() {
    return userAgent;
  }

  /** Whether plain http to any host is allowed. */
  protected final boolean allowPlainHttp() {
    return allowPlainHttp;
  }

  /** The paging bound. */
  protected final int maxPages() {
    return maxPages;
  }

  /**
   * The client's HTTP resources: the caller's HttpClient, borrowed, or one built here (connect
   * timeout, no redirects, {@code sslContext} when given) and owned: released by the client's
   * {@code close()}. Not public API: for the clients' {@code build()}.
   *
   * @throws IllegalStateException when both an HttpClient and an SSLContext were given
   */
  protected final HttpResources httpResources(String threadPrefix, SSLContext sslContext) {
    if (httpClient != null) {
      if (sslContext != null) {
        throw new IllegalStateException("give either an HttpClient or an SSLContext, not both");
      }
      return HttpResources.borrow(httpClient);
    }
    HttpClient.Builder hb = HttpClient.newBuilder().connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER);
    if (sslContext != null) {
      hb.sslContext(sslContext);
    }
    return HttpResources.own(hb, threadPrefix);
  }

  /** {@code d}, or an {@link IllegalArgumentException} when it is not positive. */
  protected static Duration positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + d);
    }
    return d;
  }
}
