package org.brexsync.oomnitza;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import javax.net.ssl.SSLContext;
import org.brexsync.http.ClientBuilder;
import org.brexsync.http.RateLimiter;
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

  private OomnitzaClient(Builder b, URI baseUri, HttpResources http, Transport transport) {
    this.baseUri = baseUri;
    this.conventions = b.conventions;
    this.http = http;
    this.transport = transport;
    this.users = new UsersApiImpl(transport);
    this.bulk = new BulkApiImpl(transport);
    this.saasUsers = new SaasUsersApiImpl(transport);
    this.authDescription = b.username != null ? "password(user=" + b.username + ")" : "apiToken(****)";
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return people (REST v3 {@code /api/v3/users})} */
  public UsersApi users() {
    return users;
  }

  /** {@return the connector ("bulk") API: runs, batches, finalize, run logs} */
  public BulkApi bulk() {
    return bulk;
  }

  /** {@return SaaS users} */
  public SaasUsersApi saasUsers() {
    return saasUsers;
  }

  /** {@return the instance base URI} */
  public URI baseUri() {
    return baseUri;
  }

  /** {@return the conventions in force} */
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

  /**
   * {@link #verifyCredentials()} with per-call options.
   *
   * @param options options of this call only
   */
  public void verifyCredentials(RequestOptions options) {
    transport.execute(Call.of("GET", conventions.verifyCredentialsPath())
        .operation(Call.operationOf("GET", conventions.verifyCredentialsPath()))
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

  /** {@return whether {@link #close()} was called} */
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

  /**
   * Builds an {@link OomnitzaClient}; {@link #baseUri} and one way to authenticate are required.
   * Oomnitza's settings here, the settings every brexsync client shares (HttpClient, timeouts,
   * clock, sleeper, listener, User-Agent, plain http, maxPages) in {@link ClientBuilder}. Default
   * request timeout 60 s.
   */
  public static final class Builder extends ClientBuilder<Builder> {
    private URI baseUri;
    private String apiToken;
    private String username;
    private String password;
    private SSLContext sslContext;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    /** Null: the retry policy's own jitter source ({@link RetryPolicy#random()}). */
    private DoubleSupplier random;
    private OomnitzaConventions conventions = OomnitzaConventions.defaults();
    private String connectorSource;
    private RateLimiter rateLimiter;

    private Builder() {
      super(DEFAULT_REQUEST_TIMEOUT, "brexsync-oomnitza-client/0.1.0");
    }

    /**
     * The instance, e.g. {@code https://acme.oomnitza.com}. Plain {@code http} is refused except
     * for loopback hosts (tests, local simulators) or with {@link #allowPlainHttp(boolean)}.
     *
     * @param uri the instance, e.g. {@code https://acme.oomnitza.com}
     * @return this builder
     */
    public Builder baseUri(URI uri) {
      this.baseUri = Objects.requireNonNull(uri, "uri");
      return this;
    }

    /**
     * {@link #baseUri(URI)} from text.
     *
     * @param uri the instance URI as text, e.g. {@code https://acme.oomnitza.com}
     * @return this builder
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
     * An API token, sent raw as {@code Authorization2}, checked now: surrounding whitespace (a
     * trailing newline from a file or a paste) is removed. Replaces username/password.
     *
     * @param token an API token, sent raw as {@code Authorization2}, checked now: surrounding
     *     whitespace (a trailing newline from a file or a paste) is removed
     * @return this builder
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
     *
     * @param username the username
     * @param password the password (never logged)
     * @return this builder
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
     *
     * @param sslContext TLS context for the built-in HTTP client, e.g. with a client certificate
     *     (mTLS) for tenants that require one
     * @return this builder
     */
    public Builder sslContext(SSLContext sslContext) {
      this.sslContext = Objects.requireNonNull(sslContext, "sslContext");
      return this;
    }

    /**
     * The retry policy (default {@link RetryPolicy#defaults()}).
     *
     * @param policy the retry policy (default {@link RetryPolicy#defaults()})
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy policy) {
      this.retryPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Source of uniform [0,1) numbers for backoff jitter (tests inject a constant); it wins over the
     * retry policy's {@code random} (default: the policy's, itself {@code ThreadLocalRandom}).
     *
     * @param random source of uniform [0,1) numbers for backoff jitter (tests inject a constant)
     * @return this builder
     */
    public Builder jitterSource(DoubleSupplier random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /**
     * A client-side token bucket: a permit is taken before every attempt (default none; Oomnitza
     * documents no limit, but a shared instance may answer 429 under load).
     *
     * @param limiter a client-side token bucket: a permit is taken before every attempt (default
     *     none; Oomnitza documents no limit, but a shared instance may answer 429 under load)
     * @return this builder
     */
    public Builder rateLimiter(RateLimiter limiter) {
      this.rateLimiter = Objects.requireNonNull(limiter, "limiter");
      return this;
    }

    /**
     * Undocumented API details (paths, ident field, envelope keys, filter syntax).
     *
     * @param conventions undocumented API details (paths, ident field, envelope keys, filter syntax)
     * @return this builder
     */
    public Builder conventions(OomnitzaConventions conventions) {
      this.conventions = Objects.requireNonNull(conventions, "conventions");
      return this;
    }

    /**
     * Sends {@code X-Connector-Source} (as the official connector does from its environment).
     *
     * @param source the source
     * @return this builder
     */
    public Builder connectorSource(String source) {
      this.connectorSource = Objects.requireNonNull(source, "source");
      return this;
    }

    /**
     * Builds the client. Makes no network call.
     *
     * @return the new Oomnitza client
     * @throws OomnitzaConfigurationException if the base URI or credentials are missing, or the
     *     base URI is not https (plain http only to loopback, or with {@link #allowPlainHttp})
     * @throws IllegalStateException if an HTTP client and an SSL context were both given
     */
    public OomnitzaClient build() {
      if (baseUri == null) {
        throw new OomnitzaConfigurationException("The Oomnitza base URI is missing: call baseUri(...),"
            + " e.g. https://acme.oomnitza.com, usually from the OOMNITZA_URL environment variable.");
      }
      URI uri = BaseUris.check(baseUri, allowPlainHttp(), "baseUri", "https://<instance>.oomnitza.com",
          OomnitzaConfigurationException::new);
      if (apiToken == null && username == null) {
        throw new OomnitzaConfigurationException("No Oomnitza credentials: call apiToken(...) or"
            + " credentials(username, password) on the builder. " + Tokens.HINT);
      }
      HttpResources http = httpResources("brexsync-oomnitza-http-", sslContext);
      Authenticator auth = apiToken != null
          ? new StaticTokenAuthenticator(apiToken)
          : new PasswordAuthenticator(username, password, conventions.requestTokenPath(), conventions.echoCsrfToken());
      Transport transport = new Transport(uri, http, auth, retryPolicy, sleeper(), clock(), random,
          requestTimeout(), conventions, userAgent(), Optional.ofNullable(connectorSource),
          Json::newMapper, maxPages(), requestListener(), rateLimiter);
      return new OomnitzaClient(this, uri, http, transport);
    }

    @Override
    public String toString() {
      return "OomnitzaClient.Builder{baseUri=" + baseUri + ", auth="
          + (apiToken != null ? "apiToken(****)" : username != null ? "password(****)" : "none") + "}";
    }
  }
}
