package org.brexsync.http;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import org.brexsync.http.internal.DeferredTls;
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

  /**
   * A builder whose client's default request timeout and User-Agent are these.
   *
   * @param defaultRequestTimeout the default request timeout
   * @param defaultUserAgent the default user agent
   */
  protected ClientBuilder(Duration defaultRequestTimeout, String defaultUserAgent) {
    this.requestTimeout = positive(defaultRequestTimeout, "requestTimeout");
    this.userAgent = Objects.requireNonNull(defaultUserAgent, "userAgent");
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }

  /**
   * {@return the HTTP client to use (proxies, executors, TLS; its own connect timeout then applies)} It stays
   * the caller's: the client's {@code close()} does not close it.
   *
   * @param client the http client
   */
  public B httpClient(HttpClient client) {
    this.httpClient = Objects.requireNonNull(client, "client");
    return self();
  }

  /**
   * {@return connect timeout of the HTTP client the client builds (default 10 s)}
   *
   * @param d connect timeout of the HTTP client the client builds (default 10 s)
   */
  public B connectTimeout(Duration d) {
    this.connectTimeout = positive(d, "connectTimeout");
    return self();
  }

  /**
   * {@return timeout of each attempt; a call's {@code RequestOptions} may override it}
   *
   * @param d timeout of each attempt; a call's {@code RequestOptions} may override it
   */
  public B requestTimeout(Duration d) {
    this.requestTimeout = positive(d, "requestTimeout");
    return self();
  }

  /**
   * {@return clock for time budgets, durations and {@code Retry-After} dates}
   *
   * @param clock clock for time budgets, durations and {@code Retry-After} dates
   */
  public B clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return self();
  }

  /**
   * {@return how to wait for back-off and rate-limit permits (tests inject a recording no-op)}
   *
   * @param sleeper how to wait for back-off and rate-limit permits (tests inject a recording no-op)
   */
  public B sleeper(Sleeper sleeper) {
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    return self();
  }

  /**
   * {@return observer of every HTTP attempt (metrics, auditing); never sees bodies or tokens}
   *
   * @param listener observer of every HTTP attempt (metrics, auditing); never sees bodies or tokens
   */
  public B requestListener(RequestListener listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
    return self();
  }

  /**
   * {@return the {@code User-Agent} header}
   *
   * @param userAgent the {@code User-Agent} header
   */
  public B userAgent(String userAgent) {
    this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
    return self();
  }

  /**
   * Allows plain http to a host that is not loopback (default false), for test rigs whose
   * simulator runs on another host. Never for a real service: the token would travel unencrypted.
   *
   * @param allow whether to allow it
   * @return the b
   */
  public B allowPlainHttp(boolean allow) {
    this.allowPlainHttp = allow;
    return self();
  }

  /**
   * {@return most pages one iteration of a list fetches (default {@link PagedIterable#DEFAULT_MAX_PAGES});
   * beyond it the iteration fails instead of paging for ever}
   *
   * @param maxPages most pages one iteration of a list fetches (default {@link
   *     PagedIterable#DEFAULT_MAX_PAGES}); beyond it the iteration fails instead of paging for ever
   */
  public B maxPages(int maxPages) {
    if (maxPages < 1) {
      throw new IllegalArgumentException("maxPages must be at least 1");
    }
    this.maxPages = maxPages;
    return self();
  }

  /** {@return the caller's HttpClient, or null} */
  protected final HttpClient httpClient() {
    return httpClient;
  }

  /** {@return the request timeout} */
  protected final Duration requestTimeout() {
    return requestTimeout;
  }

  /** {@return the clock} */
  protected final Clock clock() {
    return clock;
  }

  /** {@return the sleeper} */
  protected final Sleeper sleeper() {
    return sleeper;
  }

  /** {@return the request listener} */
  protected final RequestListener requestListener() {
    return listener;
  }

  /** {@return the User-Agent} */
  protected final String userAgent() {
    return userAgent;
  }

  /** {@return whether plain http to any host is allowed} */
  protected final boolean allowPlainHttp() {
    return allowPlainHttp;
  }

  /** {@return the paging bound} */
  protected final int maxPages() {
    return maxPages;
  }

  /**
   * {@return the client's HTTP resources: the caller's HttpClient, borrowed, or one built here (connect
   * timeout, no redirects, {@code sslContext} when given) and owned: released by the client's
   * {@code close()}} Not public API: for the clients' {@code build()}.
   *
   * @param threadPrefix the thread prefix
   * @param sslContext the ssl context
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
    // Without a context of the caller's, the JDK's default one, made only when a TLS connection
    // first needs it (the JDK's HTTP client would make it here, even for http:// endpoints).
    hb.sslContext(sslContext != null ? sslContext : DeferredTls.context());
    return HttpResources.own(hb, threadPrefix);
  }

  /**
   * {@return {@code d}, or an {@link IllegalArgumentException} when it is not positive}
   *
   * @param d the duration
   * @param name the name
   */
  protected static Duration positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + d);
    }
    return d;
  }
}
