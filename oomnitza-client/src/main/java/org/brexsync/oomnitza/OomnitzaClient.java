package org.brexsync.oomnitza;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import javax.net.ssl.SSLContext;
import org.brexsync.oomnitza.bulk.BulkApi;
import org.brexsync.oomnitza.internal.Authenticator;
import org.brexsync.oomnitza.internal.BulkApiImpl;
import org.brexsync.oomnitza.internal.Call;
import org.brexsync.oomnitza.internal.Json;
import org.brexsync.oomnitza.internal.PasswordAuthenticator;
import org.brexsync.oomnitza.internal.SaasUsersApiImpl;
import org.brexsync.oomnitza.internal.StaticTokenAuthenticator;
import org.brexsync.oomnitza.internal.Transport;
import org.brexsync.oomnitza.internal.UsersApiImpl;
import org.brexsync.oomnitza.saas.SaasUsersApi;

/**
 * The Oomnitza client: build once, share everywhere. Immutable and thread-safe.
 *
 * <pre>{@code
 * OomnitzaClient client = OomnitzaClient.builder()
 *     .baseUri("https://acme.oomnitza.com")
 *     .apiToken(System.getenv("OOMNITZA_TOKEN"))
 *     .build();
 * client.verifyCredentials();
 * Optional<OomnitzaUser> u = client.users().findByEmail("jane@acme.com");
 * }</pre>
 */
public final class OomnitzaClient {
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

  private OomnitzaClient(Builder b, URI baseUri, Authenticator auth, HttpClient http) {
    this.baseUri = baseUri;
    this.conventions = b.conventions;
    this.transport = new Transport(baseUri, http, auth, b.retryPolicy, b.sleeper, b.clock, b.random,
        b.requestTimeout, b.conventions, b.userAgent, Optional.ofNullable(b.connectorSource), Json.newMapper());
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
    transport.execute(Call.of("GET", conventions.verifyCredentialsPath()).build());
  }

  @Override
  public String toString() {
    return "OomnitzaClient{baseUri=" + baseUri + ", auth=" + authDescription + "}";
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

    private Builder() {}

    /**
     * The instance, e.g. {@code https://acme.oomnitza.com}. Plain {@code http} is refused except
     * for loopback hosts (tests, local simulators).
     */
    public Builder baseUri(URI uri) {
      this.baseUri = Objects.requireNonNull(uri, "uri");
      return this;
    }

    /** {@link #baseUri(URI)} from text. */
    public Builder baseUri(String uri) {
      return baseUri(URI.create(Objects.requireNonNull(uri, "uri")));
    }

    /** An API token, sent raw as {@code Authorization2}. Replaces username/password. */
    public Builder apiToken(String token) {
      Objects.requireNonNull(token, "token");
      if (token.isBlank()) {
        throw new IllegalArgumentException("the API token must not be blank");
      }
      this.apiToken = token;
      this.username = null;
      this.password = null;
      return this;
    }

    /**
     * Username and password, exchanged for a token via {@code POST /api/request_token} on first use
     * and again when Oomnitza rejects the token. Replaces an API token.
     */
    public Builder credentials(String username, String password) {
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(password, "password");
      if (username.isBlank() || password.isEmpty()) {
        throw new IllegalArgumentException("username and password must not be empty");
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

    /** Your own {@link HttpClient} (proxies, executors, TLS); its own timeouts then apply for connects. */
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
     * @throws IllegalStateException if the base URI or credentials are missing, or an HTTP client
     *     and an SSL context were both given
     * @throws IllegalArgumentException if the base URI is not https (outside loopback)
     */
    public OomnitzaClient build() {
      if (baseUri == null) {
        throw new IllegalStateException("baseUri is required, e.g. https://<instance>.oomnitza.com");
      }
      URI uri = validate(baseUri);
      if (apiToken == null && username == null) {
        throw new IllegalStateException("an API token or username/password is required");
      }
      if (httpClient != null && sslContext != null) {
        throw new IllegalStateException("give either an HttpClient or an SSLContext, not both");
      }
      HttpClient http = httpClient;
      if (http == null) {
        HttpClient.Builder hb = HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER);
        if (sslContext != null) {
          hb.sslContext(sslContext);
        }
        http = hb.build();
      }
      Authenticator auth = apiToken != null
          ? new StaticTokenAuthenticator(apiToken)
          : new PasswordAuthenticator(username, password, conventions.requestTokenPath(), conventions.echoCsrfToken());
      return new OomnitzaClient(this, uri, auth, http);
    }

    private static URI validate(URI uri) {
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (uri.getHost() == null) {
        throw new IllegalArgumentException("baseUri needs a host: " + uri);
      }
      if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
        throw new IllegalArgumentException("baseUri must not contain user info, a query or a fragment");
      }
      if (scheme.equals("http")) {
        if (!isLoopback(uri.getHost())) {
          throw new IllegalArgumentException(
              "plain http is refused for non-loopback hosts; use https://<instance>.oomnitza.com");
        }
      } else if (!scheme.equals("https")) {
        throw new IllegalArgumentException("baseUri must be https: " + uri);
      }
      String s = uri.toString();
      return URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
    }

    private static boolean isLoopback(String host) {
      String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
      if (h.equalsIgnoreCase("localhost")) {
        return true;
      }
      // Only literal addresses are resolved here (no DNS lookup for names).
      if (h.matches("[0-9.]+") || h.contains(":")) {
        try {
          return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
          return false;
        }
      }
      return false;
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
