package org.brexsync.brex;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import org.brexsync.brex.internal.Services;
import org.brexsync.brex.internal.Tokens;
import org.brexsync.brex.internal.Transport;
import org.brexsync.http.ClientBuilder;
import org.brexsync.http.internal.BaseUris;
import org.brexsync.http.internal.HttpResources;

/**
 * Client for the Brex Team API (users, cards, departments, locations, titles, company) and the
 * Webhooks API. Build once with {@link #builder()} and share: immutable and thread-safe.
 *
 * <p>{@link #close()} releases what the client owns: the HttpClient it built (its executor, and on
 * JDK 21+ the HttpClient itself). An HttpClient given to {@link Builder#httpClient(HttpClient)}
 * belongs to the caller and is never closed. A closed client refuses every call with {@link
 * BrexClientClosedException}; closing twice is harmless.
 *
 * <pre>{@code
 * try (BrexClient brex = BrexClient.builder().token(System.getenv("BREX_API_TOKEN")).build()) {
 *   for (User u : brex.users().list()) { ... }
 * }
 * }</pre>
 */
public final class BrexClient implements AutoCloseable {
  /** Production API base URI. */
  public static final URI PRODUCTION = URI.create("https://platform.brexapis.com");
  /** Brex staging (not a sandbox: it rejects customer tokens). */
  public static final URI STAGING = URI.create("https://platform.staging.brexapps.com");
  /** Default User-Agent. */
  public static final String DEFAULT_USER_AGENT = "brexsync-brex-client/0.1.0 (Java "
      + Runtime.version().feature() + ")";

  private final URI baseUri;
  private final URI cardNumberBaseUri;
  private final RetryPolicy retryPolicy;
  private final RateLimiter rateLimiter;
  private final UserService users;
  private final CardService cards;
  private final DepartmentService departments;
  private final LocationService locations;
  private final TitleService titles;
  private final CompanyService company;
  private final LegalEntityService legalEntities;
  private final WebhookService webhooks;
  private final HttpResources http;

  private BrexClient(Builder b, URI baseUri, URI cardNumberBaseUri, RateLimiter rateLimiter,
      HttpResources http, Transport t) {
    this.baseUri = baseUri;
    this.cardNumberBaseUri = cardNumberBaseUri;
    this.retryPolicy = b.retryPolicy;
    this.rateLimiter = rateLimiter;
    this.http = http;
    this.users = new Services.Users(t);
    this.cards = new Services.Cards(t);
    this.departments = new Services.Departments(t);
    this.locations = new Services.Locations(t);
    this.titles = new Services.Titles(t);
    this.company = new Services.Companies(t);
    this.legalEntities = new Services.LegalEntities(t);
    this.webhooks = new Services.Webhooks(t);
  }

  /** {@return a builder; {@link Builder#token(String)} or {@link Builder#tokenProvider} is required} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return users: list, get, me, invite, update, activate, deactivate, limits} */
  public UserService users() {
    return users;
  }

  /** {@return cards: list, get, create, update, lock, unlock, terminate, card number, secure email} */
  public CardService cards() {
    return cards;
  }

  /** {@return departments} */
  public DepartmentService departments() {
    return departments;
  }

  /** {@return locations} */
  public LocationService locations() {
    return locations;
  }

  /** {@return titles} */
  public TitleService titles() {
    return titles;
  }

  /** {@return the token's company} */
  public CompanyService company() {
    return company;
  }

  /** {@return legal entities of the company} */
  public LegalEntityService legalEntities() {
    return legalEntities;
  }

  /** {@return webhook subscriptions and secrets} */
  public WebhookService webhooks() {
    return webhooks;
  }

  /** {@return the API base URI} */
  public URI baseUri() {
    return baseUri;
  }

  /** {@return the base URI of the card-number call} */
  public URI cardNumberBaseUri() {
    return cardNumberBaseUri;
  }

  /** {@return the retry policy} */
  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  /** {@return the request rate limiter (share it with other clients of the same token)} */
  public RateLimiter rateLimiter() {
    return rateLimiter;
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
    return "BrexClient[baseUri=" + baseUri + ", token=****" + (isClosed() ? ", closed" : "") + "]";
  }

  /**
   * Builder of {@link BrexClient}: Brex's settings here, the settings every brexsync client shares
   * (HttpClient, timeouts, clock, sleeper, listener, User-Agent, plain http, maxPages) in {@link
   * ClientBuilder}. Default request timeout 30 s. Not thread-safe; the client it builds is.
   */
  public static final class Builder extends ClientBuilder<Builder> {
    private TokenProvider tokenProvider;
    private URI baseUri = PRODUCTION;
    private URI cardNumberBaseUri;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private RateLimiter rateLimiter;
    private RateLimiter cardCreationLimiter;
    private Supplier<String> idempotencyKeys = () -> UUID.randomUUID().toString();

    private Builder() {
      super(Duration.ofSeconds(30), DEFAULT_USER_AGENT);
    }

    /**
     * A fixed bearer token ({@code bxt_...}), checked now: surrounding whitespace (a trailing
     * newline from a file or a paste) is removed.
     *
     * @param token a fixed bearer token ({@code bxt_...}), checked now: surrounding whitespace (a
     *     trailing newline from a file or a paste) is removed
     * @return this builder
     * @throws BrexConfigurationException when the token is null, blank, or has whitespace or
     *     control characters inside; the message says where tokens come from, never the token
     */
    public Builder token(String token) {
      this.tokenProvider = TokenProvider.of(token);
      return this;
    }

    /**
     * A token source consulted (and checked) on every attempt, for rotation.
     *
     * @param provider a token source consulted (and checked) on every attempt, for rotation
     * @return this builder
     */
    public Builder tokenProvider(TokenProvider provider) {
      if (provider == null) {
        throw new BrexConfigurationException("The Brex TokenProvider is missing (null). " + Tokens.HINT);
      }
      this.tokenProvider = provider;
      return this;
    }

    /**
     * API base URI; default {@link #PRODUCTION}; {@link #STAGING} or a test server. Must be https;
     * plain http only to a loopback host, or with {@link #allowPlainHttp(boolean)}.
     *
     * @param uri API base URI; default {@link #PRODUCTION}; {@link #STAGING} or a test server
     * @return this builder
     */
    public Builder baseUri(URI uri) {
      this.baseUri = Objects.requireNonNull(uri, "uri");
      return this;
    }

    /**
     * Base URI of {@code GET /v2/cards/{id}/pan}; defaults to {@link #baseUri(URI)}.
     *
     * @param uri base URI of {@code GET /v2/cards/{id}/pan}; defaults to {@link #baseUri(URI)}
     * @return this builder
     */
    public Builder cardNumberBaseUri(URI uri) {
      this.cardNumberBaseUri = Objects.requireNonNull(uri, "uri");
      return this;
    }

    /**
     * Retry policy (default {@link RetryPolicy#defaults()}).
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy policy) {
      this.retryPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Request rate limiter (default: a new 1,000 per 60 s bucket; share one per token).
     *
     * @param limiter request rate limiter (default: a new 1,000 per 60 s bucket; share one per token)
     * @return this builder
     */
    public Builder rateLimiter(RateLimiter limiter) {
      this.rateLimiter = Objects.requireNonNull(limiter, "limiter");
      return this;
    }

    /**
     * Card-creation budget (default: a new 5,000 per 24 h bucket); fails fast when empty.
     *
     * @param limiter card-creation budget (default: a new 5,000 per 24 h bucket); fails fast when empty
     * @return this builder
     */
    public Builder cardCreationLimiter(RateLimiter limiter) {
      this.cardCreationLimiter = Objects.requireNonNull(limiter, "limiter");
      return this;
    }

    /**
     * Source of generated Idempotency-Keys (default random UUIDs).
     *
     * @param keys source of generated Idempotency-Keys (default random UUIDs)
     * @return this builder
     */
    public Builder idempotencyKeyGenerator(Supplier<String> keys) {
      this.idempotencyKeys = Objects.requireNonNull(keys, "keys");
      return this;
    }

    /**
     * Builds the client. Makes no network call.
     *
     * @return the new Brex client
     * @throws BrexConfigurationException when no token was given, or a base URI is not https
     *     (plain http only to loopback, or with {@link #allowPlainHttp(boolean)})
     */
    public BrexClient build() {
      if (tokenProvider == null) {
        throw new BrexConfigurationException("No Brex API token: call token(...) or tokenProvider(...)"
            + " on the builder. " + Tokens.HINT);
      }
      URI base = checked(baseUri, "baseUri");
      URI cardNumbers = cardNumberBaseUri == null ? base : checked(cardNumberBaseUri, "cardNumberBaseUri");
      RateLimiter limiter = rateLimiter == null ? RateLimiter.brexDefault() : rateLimiter;
      HttpResources http = httpResources("brexsync-brex-http-", null);
      Transport t = new Transport(http, base, cardNumbers, tokenProvider, retryPolicy, limiter,
          cardCreationLimiter == null ? RateLimiter.brexCardCreationDefault() : cardCreationLimiter,
          userAgent(), clock(), sleeper(), requestTimeout(), idempotencyKeys, requestListener(),
          maxPages());
      return new BrexClient(this, base, cardNumbers, limiter, http, t);
    }

    private URI checked(URI uri, String what) {
      return BaseUris.check(uri, allowPlainHttp(), what, "https://platform.brexapis.com",
          BrexConfigurationException::new);
    }

    @Override
    public String toString() {
      return "BrexClient.Builder[baseUri=" + baseUri + ", token=****]";
    }
  }
}
