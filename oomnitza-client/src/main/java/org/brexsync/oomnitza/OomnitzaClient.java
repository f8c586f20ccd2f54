package org.brexsync.oomnitza;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import javax.net.ssl.SSLContext;
import org.brexsync.http.RateLimiter;
import org.brexsync.http.RequestListener;
import org.brexsync.http.internal.BaseUris;
import org.brexsync.http.internal.Call;
import org.brexsync.http.internal.HttpResources;
import org.brexsync.oomnitza.bulk.BulkApi;
import org.brexsync.oomnitza.internal.Authenticator;
import org.brexsync.oomnitza.internal.BulkApiImpl;
import org.brexsync.oomnitza.internal.Json;
import org.brexsync.oomnitza.internal.PasswordAuthenticator;
import org.brexsync.oomnitza.internal.SaasUsersApiImpl;
import org.brexsync.oomnitza.internal.StaticTokenAuthenticator;
import org.brexsync.oomnitza.internal.Tokens;
import org.brexsync.oomnitza.internal.Transport;
import org.brexsync.oomnitza.internal.UsersApiImpl;
import org.brexsync.oomnitza.saas.SaasUsersApi;

/**
 * The Oomnitza client: build once, share everywhere. Immutable and thread-safe.
 *
 * <p>{@link #close()} releases what the client owns: the HttpClient it built (its executor, and on
 * JDK 21+ the HttpClient itself). An HttpClient given to {@link Builder#httpClient(HttpClient)}
 * belongs to the caller and is never closed. A closed client refuses every call with {@link
 * OomnitzaClientClosedException}; closing twice is harmless.
 *
 * <pre>{@code
 * try (OomnitzaClient client = OomnitzaClient.builder()
 *     .baseUri("https://acme.oomnitza.com")
 *     .apiToken(System.getenv("OOMNITZA_API_TOKEN"))
 *     .build()) {
 *   client.verifyCredentials();
 *   Optional<OomnitzaUser> u = client.users().findByEmail("jane@acme.com");
 * }
 * }</pre>
 */
public final class OomnitzaClient implements AutoCloseable {
  /** Default connect timeout. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  /** Default request timeout. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);

  private final URI baseUri;
  private final Transport transport;
  private final OomnitzaConventions conventions;
  private final UsersApi users;
  private final BulkApi bulk;
  private final SaasUsersApi saasUsers;
  private final String authDescription;
  private final HttpResources http;

  private OomnitzaClient(Builder b, URI baseUri, Authenticator auth, HttpResources http) {
    this.baseUri = baseUri;
    this.conventions = b.conventions;
    this.http = http;
    this.transport = new Transport(baseUri, http, auth, b.retryPolicy, b.sleeper, b.clock, b.random,
        b.requestTimeout, b.conventions, b.userAgent, Optional.ofNullable(b.connectorSource), Json.newMapper(),
        b.maxPages, b.listener, b.rateLimiter);
    this.users = new UsersApiImpl(transport);
    this.bulk = new BulkApiImpl(transport);
    this.saasUsers = new SaasUsersApiImpl(transport);
    this.authDescription = b.username != null ? "password(user=" + b.username + ")" : "apiToken(****)";
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** People (REST v3 {@code /api/v3/users}). */
  public UsersApi users() {
    return users;
  }

  /** The connector ("bulk") API: runs, batches, finalize, run logs. */
  public BulkApi bulk() {
    return bulk;
  }

  /** SaaS users. */
  public SaasUsersApi saasUsers() {
    return saasUsers;
  }

  /** The instance base URI. */
  public URI baseUri() {
    return baseUri;
  }

  /** The conventions in force. */
  public OomnitzaConventions conventions() {
    return conventions;
  }

  /**
   * One cheap authenticated request ({@link OomnitzaConventions#verifyCredentialsPath()}, by
   * default the official connector's {@code GET /api/v2/mappings?name=AuthTest}); with
   * username/password this also performs the token exchange.
   *
   * @throws OomnitzaAuthenticationException if the token or credentials are rejected
   */
  public void verifyCredentials() {
    verifyCredentials(RequestOptions.none());
  }

  /** {@link #verifyCredentials()} with per-call options. */
  public void verifyCredentials(RequestOptions options) {
    transport.execute(Call.of("GET", conventions.verifyCredentialsPath())
        .options(Objects.requireNonNull(options, "options")).build());
  }

  /**
   * Releases what this client owns and refuses further calls (idempotent). The HttpClient the
   * client built is released without waiting (calls still in flight may fail); an injected
   * HttpClient is left open for its owner.
   */
  @Override
  public void close() {
    http.close();
  }

  /** Whether {@link #close()} was called. */
  public boolean isClosed() {
    return http.isClosed();
  }

  /** The HTTP resources, for tests of {@link #close()}. */
  HttpResources httpResources() {
    return http;
  }

  @Override
  public String toString() {
    return "OomnitzaClient{baseUri=" + baseUri + ", auth=" + authDescription
        + (isClosed() ? ", closed" : "") + "}";
  }

  /** Builds an {@link OomnitzaClient}; {@link #baseUri} and one way to authenticate are required. */
  public static final class Builder {
    private URI baseUri;
    private String apiToken;
    private String username;
    private String password;
    private SSLContext sslContext;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private Clock clock = Clock.systemUTC();
    private HttpClient httpClient;
    private Sleeper sleeper = Sleeper.SYSTEM;
    private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
    private OomnitzaConventions conventions = OomnitzaConventions.defaults();
    private String userAgent = "brexsync-oomnitza-client/0.1.0";
    private String connectorSource;
    private boolean allowPlainHttp;
    private int maxPages = PagedIterable.DEFAULT_MAX_PAGES;
    private RequestListener listener = RequestListener.none();
    private RateLimiter rateLimiter;

    private Builder() {}

    /**
     * The instance, e.g. {@code https://acme.oomnitza.com}. Plain {@code http} is refused except
     * for loopback hosts (tests, local simulators) or with {@link #allowPlainHttp(boolean)}.
     */
    public Builder baseUri(URI uri) {
      this.baseUri = Objects.requireNonNull(uri, "uri");
      return this;
    }

    /**
     * {@link #baseUri(URI)} from text.
     *
     * @throws OomnitzaConfigurationException when the text is missing or not a URI
     */
    public Builder baseUri(String uri) {
      if (uri == null || uri.isBlank()) {
        throw new OomnitzaConfigurationException("The Oomnitza base URI is missing: pass the instance,"
            + " e.g. https://acme.oomnitza.com, usually from the OOMNITZA_URL environment variable.");
      }
      try {
        return baseUri(URI.create(uri.strip()));
      } catch (IllegalArgumentException e) {
        throw new OomnitzaConfigurationException("The Oomnitza base URI is not a valid URI;"
            + " expected e.g. https://acme.oomnitza.com");
      }
    }

    /**
     * Allows plain http to a host that is not loopback (default false), for test rigs whose
     * simulator runs on another host. Never for a real instance: the token would travel
     * unencrypted.
     */
    public Builder allowPlainHttp(boolean allow) {
      this.allowPlainHttp = allow;
      return this;
    }

    /**
     * Most pages one iteration of a list fetches (default 100,000); beyond it the iteration fails
     * instead of paging for ever.
     */
    public Builder maxPages(int maxPages) {
      if (maxPages < 1) {
        throw new IllegalArgumentException("maxPages must be at least 1");
      }
      this.maxPages = maxPages;
      return this;
    }

    /**
     * An API token, sent raw as {@code Authorization2}, checked now: surrounding whitespace (a
     * trailing newline from a file or a paste) is removed. Replaces username/password.
     *
     * @throws OomnitzaConfigurationException when the token is null, blank, or has whitespace or
     *     control characters inside; the message says where tokens come from, never the token
     */
    public Builder apiToken(String token) {
      this.apiToken = Tokens.check(token, "The Oomnitza API token");
      this.username = null;
      this.password = null;
      return this;
    }

    /**
     * Username and password, exchanged for a token via {@code POST /api/request_token} on first use
     * and again when Oomnitza rejects the token. Replaces an API token.
     */
    public Builder credentials(String username, String password) {
      if (username == null || username.isBlank() || password == null || password.isEmpty()) {
        throw new OomnitzaConfigurationException("The Oomnitza "
            + (username == null || username.isBlank() ? "username" : "password")
            + " is missing or blank: credentials(username, password) needs both (an Oomnitza user"
            + " allowed to use the API), or use apiToken(...) instead.");
      }
      this.username = username;
      this.password = password;
      this.apiToken = null;
      return this;
    }

    /**
     * TLS context for the built-in HTTP client, e.g. with a client certificate (mTLS) for tenants
     * that require one. Not combinable with {@link #httpClient(HttpClient)}.
     */
    public Builder sslContext(SSLContext sslContext) {
      this.sslContext = Objects.requireNonNull(sslContext, "sslContext");
      return this;
    }

    /** Connect timeout of the built-in HTTP client (default 10 s). */
    public Builder connectTimeout(Duration d) {
      this.connectTimeout = positive(d, "connectTimeout");
      return this;
    }

    /** Timeout of each HTTP attempt (default 60 s); {@link RequestOptions#timeout()} overrides it. */
    public Builder requestTimeout(Duration d) {
      this.requestTimeout = positive(d, "requestTimeout");
      return this;
    }

    /** The retry policy (default {@link RetryPolicy#defaults()}). */
    public Builder retryPolicy(RetryPolicy policy) {
      this.retryPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** The clock (for {@code Retry-After} dates and durations). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Your own {@link HttpClient} (proxies, executors, TLS); its own timeouts then apply for
     * connects. It stays the caller's: {@link OomnitzaClient#close()} does not close it.
     */
    public Builder httpClient(HttpClient client) {
      this.httpClient = Objects.requireNonNull(client, "client");
      return this;
    }

    /** How to wait between retries (tests inject a recording no-op). */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** Source of uniform [0,1) numbers for backoff jitter (tests inject a constant). */
    public Builder jitterSource(DoubleSupplier random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /** Observer of every HTTP attempt (metrics, auditing); never sees bodies or tokens. */
    public Builder requestListener(RequestListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * A client-side token bucket: a permit is taken before every attempt (default none; Oomnitza
     * documents no limit, but a shared instance may answer 429 under load).
     */
    public Builder rateLimiter(RateLimiter limiter) {
      this.rateLimiter = Objects.requireNonNull(limiter, "limiter");
      return this;
    }

    /** Undocumented API details (paths, ident field, envelope keys, filter syntax). */
    public Builder conventions(OomnitzaConventions conventions) {
      this.conventions = Objects.requireNonNull(conventions, "conventions");
      return this;
    }

    /** The {@code User-Agent} header. */
    public Builder userAgent(String userAgent) {
      this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
      return this;
    }

    /** Sends {@code X-Connector-Source} (as the official connector does from its environment). */
    public Builder connectorSource(String source) {
      this.connectorSource = Objects.requireNonNull(source, "source");
      return this;
    }

    /**
     * Builds the client. Makes no network call.
     *
     * @throws OomnitzaConfigurationException if the base URI or credentials are missing, or the
     *     base URI is not https (plain http only to loopback, or with {@link #allowPlainHttp})
     * @throws IllegalStateException if an HTTP client and an SSL context were both given
     */
    public OomnitzaClient build() {
      if (baseUri == null) {
        throw new OomnitzaConfigurationException("The Oomnitza base URI is missing: call baseUri(...),"
            + " e.g. https://acme.oomnitza.com, usually from the OOMNITZA_URL environment variable.");
      }
      URI uri = BaseUris.check(baseUri, allowPlainHttp, "baseUri", "https://<instance>.oomnitza.com",
          OomnitzaConfigurationException::new);
      if (apiToken == null && username == null) {
        throw new OomnitzaConfigurationException("No Oomnitza credentials: call apiToken(...) or"
            + " credentials(username, password) on the builder. " + Tokens.HINT);
      }
      if (httpClient != null && sslContext != null) {
        throw new IllegalStateException("give either an HttpClient or an SSLContext, not both");
      }
      HttpResources http;
      if (httpClient != null) {
        http = HttpResources.borrow(httpClient);
      } else {
        HttpClient.Builder hb = HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER);
        if (sslContext != null) {
          hb.sslContext(sslContext);
        }
        http = HttpResources.own(hb, "brexsync-oomnitza-http-");
      }
      Authenticator auth = apiToken != null
          ? new StaticTokenAuthenticator(apiToken)
          : new PasswordAuthenticator(username, password, conventions.requestTokenPath(), conventions.echoCsrfToken());
      return new OomnitzaClient(this, uri, auth, http);
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive");
      }
      return d;
    }

    @Override
    public String toString() {
      return "OomnitzaClient.Builder{baseUri=" + baseUri + ", auth="
          + (apiToken != null ? "apiToken(****)" : username != null ? "password(****)" : "none") + "}";
    }
  }
}
