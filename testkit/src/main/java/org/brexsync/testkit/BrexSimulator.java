package org.brexsync.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.brexsync.testkit.internal.RateLimiter;
import org.brexsync.testkit.internal.SimOptions;
import org.brexsync.testkit.internal.SimResponse;
import org.brexsync.testkit.internal.SimServer;
import org.brexsync.testkit.internal.brex.BrexApi;
import org.brexsync.testkit.internal.brex.WebhookDispatcher;

/**
 * A stateful HTTP simulator of the Brex Team API (2025-03 spec) and Webhooks API (2024-06),
 * listening on loopback.
 *
 * <pre>{@code
 * try (BrexSimulator brex = BrexSimulator.start()) {
 *   URI base = brex.baseUri();          // e.g. http://127.0.0.1:53121
 *   String token = brex.token();        // send as "Authorization: Bearer <token>"
 * }
 * }</pre>
 *
 * <p>An unseeded simulator holds one ACTIVE user, the account admin who owns every token
 * ({@code GET /v2/users/me}). {@link #seed(SyntheticCompany)} replaces the state by a generated
 * company whose user 0 is the admin. Thread-safe.
 */
public final class BrexSimulator implements AutoCloseable {

  private enum TokenState { VALID, EXPIRED }

  private final SimServer server;
  private final BrexApi api;
  private final WebhookDispatcher webhooks;
  private final RateLimiter limiter;
  private final ConcurrentHashMap<String, TokenState> tokens = new ConcurrentHashMap<>();
  private final String token;
  private final boolean sendRetryAfter;
  private final Clock clock;
  private final Duration inactivityExpiry;
  private final ConcurrentHashMap<String, Long> lastUsed = new ConcurrentHashMap<>();

  private BrexSimulator(Builder b) {
    this.token = b.token;
    this.sendRetryAfter = b.sendRetryAfter;
    this.clock = b.options.clock;
    this.inactivityExpiry = b.inactivityExpiry;
    tokens.put(token, TokenState.VALID);
    this.limiter = new RateLimiter(b.options.clock, b.rateLimit, b.rateWindow.toMillis());
    this.webhooks = new WebhookDispatcher(b.options.clock);
    this.api = new BrexApi(webhooks);
    api.strictFields(b.options.strictRequestFields);
    if (b.company != null) {
      api.reset(b.company);
    }
    this.server = b.options.startServer("brex-sim", this::plugInto, api::register);
  }

  private void plugInto(SimServer.Config c) {
    c.errors = BrexApi::error;
    c.rateLimited = () -> rateLimited(1);
    c.decorate = h -> h.set("X-Brex-Trace-Id", SimOptions.randomHex128());
    c.guards.add(req -> {
      String h = req.header("Authorization");
      String t = h != null && h.regionMatches(true, 0, "Bearer ", 0, 7) ? h.substring(7).trim() : null;
      TokenState st = t == null ? null : tokens.get(t);
      if (st == TokenState.VALID && inactivityExpiry != null) {
        long now = clock.millis();
        Long last = lastUsed.put(t, now);
        if (last != null && now - last > inactivityExpiry.toMillis()) {
          tokens.replace(t, TokenState.EXPIRED);
          st = TokenState.EXPIRED;
        }
      }
      if (st == null) {
        return SimResponse.json(401,
            BrexApi.error(401, "UNAUTHORIZED", "PERMISSION_DENIED: Invalid or Revoked Token", null).body());
      }
      if (st == TokenState.EXPIRED) {
        return SimResponse.json(403, BrexApi.error(403, "FORBIDDEN", "Expired token", null).body());
      }
      long waitMillis = limiter.acquire(t);
      return waitMillis > 0 ? rateLimited((waitMillis + 999) / 1000) : null;
    });
  }

  private SimResponse rateLimited(long retryAfterSeconds) {
    SimResponse r = SimResponse.json(429,
        BrexApi.error(429, "TOO_MANY_REQUESTS", "Rate limit exceeded", null).body());
    if (sendRetryAfter) {
      r.header("Retry-After", Long.toString(Math.max(1, retryAfterSeconds)));
    }
    return r;
  }

  /**
   * Starts a simulator on a random free loopback port with defaults.
   *
   * @return the Brex simulator
   */
  public static BrexSimulator start() {
    return builder().start();
  }

  /** {@return a builder for a configured simulator} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@return base URI to configure a client with, e.g. {@code http://127.0.0.1:53121} (no trailing slash)}
   */
  public URI baseUri() {
    return server.baseUri();
  }

  /** {@return the default valid API token} */
  public String token() {
    return token;
  }

  /**
   * Makes another token valid (all tokens act as the account admin).
   *
   * @param t the value
   * @return the Brex simulator
   */
  public BrexSimulator addToken(String t) {
    tokens.put(Objects.requireNonNull(t), TokenState.VALID);
    lastUsed.remove(t);
    return this;
  }

  /**
   * Revokes a token: further calls with it get 401.
   *
   * @param t the value
   * @return the Brex simulator
   */
  public BrexSimulator revokeToken(String t) {
    tokens.remove(t);
    return this;
  }

  /**
   * Marks a token expired: further calls with it get 403 "Expired token".
   *
   * @param t the value
   * @return the Brex simulator
   */
  public BrexSimulator expireToken(String t) {
    tokens.replace(t, TokenState.EXPIRED);
    return this;
  }

  /**
   * {@return changes the rate limit (requests per window, per token); 0 disables it}
   *
   * @param requests the requests
   * @param window the window
   */
  public BrexSimulator rateLimit(int requests, Duration window) {
    limiter.configure(requests, window.toMillis());
    return this;
  }

  /** {@return fault injection for this simulator} */
  public FaultInjector faults() {
    return server.faults();
  }

  /** {@return the request log (bounded, oldest dropped first), oldest first} */
  public List<RecordedCall> requests() {
    return server.requests();
  }

  /**
   * Requests served for a spec path template, e.g. {@code count("POST", "/v2/cards")}.
   *
   * @param method the method
   * @param pathTemplate the path template
   * @return the long
   */
  public long count(String method, String pathTemplate) {
    return server.count(method, pathTemplate);
  }

  /** {@return request counters keyed by {@code "METHOD /template"}} */
  public Map<String, Long> counters() {
    return server.counters();
  }

  /**
   * Turns the request log on or off (counters always count).
   *
   * @param enabled whether it is on
   * @return the Brex simulator
   */
  public BrexSimulator recordRequests(boolean enabled) {
    server.recordRequests(enabled);
    return this;
  }

  /**
   * {@return back to the state the simulator started with (the builder's company, or the single admin):
   * clears changes, seeds made later, added/expired/revoked tokens (only {@link #token()} stays
   * valid), the request log, counters, faults, rate windows and webhooks}
   */
  public BrexSimulator reset() {
    seeded = initial;
    tokens.clear();
    lastUsed.clear();
    tokens.put(token, TokenState.VALID);
    api.reset(initial);
    server.resetLog();
    server.faults().clear();
    limiter.reset();
    return this;
  }

  private volatile SyntheticCompany seeded;
  private volatile SyntheticCompany initial;

  /**
   * Replaces all state by a generated company (user 0 is the admin who owns the tokens).
   *
   * @param company the company
   * @return the updated Brex simulator
   */
  public BrexSimulator seed(SyntheticCompany company) {
    this.seeded = company;
    api.reset(company);
    return this;
  }

  /**
   * Replaces all state by the company generated from {@code spec}.
   *
   * @param spec the spec
   * @return the updated Brex simulator
   */
  public BrexSimulator seed(CompanySpec spec) {
    return seed(SyntheticCompany.of(spec));
  }

  /** {@return the seeded company, if any} */
  public Optional<SyntheticCompany> company() {
    return Optional.ofNullable(seeded);
  }

  /** {@return a JSON snapshot of the state that differs from the seed (created or changed objects)} */
  public ObjectNode snapshot() {
    return api.snapshot();
  }

  /**
   * {@return the current state of a user as the API would return it}
   *
   * @param id the id
   */
  public Optional<ObjectNode> user(String id) {
    return Optional.ofNullable(api.user(id)).map(ObjectNode::deepCopy);
  }

  /**
   * {@return the current state of a card as the API would return it}
   *
   * @param id the id
   */
  public Optional<ObjectNode> card(String id) {
    return Optional.ofNullable(api.card(id)).map(ObjectNode::deepCopy);
  }

  /**
   * {@return current state of all cards of a user}
   *
   * @param userId the user id
   */
  public List<ObjectNode> cardsOf(String userId) {
    return api.cardIdsOf(userId).stream().map(api::card).map(ObjectNode::deepCopy).toList();
  }

  /** {@return number of users} */
  public int userCount() {
    return api.userCount();
  }

  /** {@return id of the admin user that owns the tokens} */
  public String adminUserId() {
    return api.meId();
  }

  /**
   * Creates an ACTIVE user directly, without a request.
   *
   * @param firstName the first name
   * @param lastName the last name
   * @param email the email address
   * @return the created object node
   */
  public ObjectNode createUser(String firstName, String lastName, String email) {
    return api.createUserDirect(firstName, lastName, email, "ACTIVE");
  }

  /**
   * Creates a user with any UserStatus directly, without a request.
   *
   * @param firstName the first name
   * @param lastName the last name
   * @param email the email address
   * @param status the status
   * @return the created object node
   */
  public ObjectNode createUser(String firstName, String lastName, String email, String status) {
    return api.createUserDirect(firstName, lastName, email, status);
  }

  /**
   * Sets a user's status (any UserStatus, e.g. an invite being accepted); fires USER_UPDATED on change.
   *
   * @param userId the user id
   * @param status the status
   * @return the object node
   */
  public ObjectNode setUserStatus(String userId, String status) {
    return api.setUserStatus(userId, status);
  }

  /**
   * {@return the invited user accepts: INVITED → ACTIVE, firing USER_UPDATED}
   *
   * @param userId the user id
   */
  public ObjectNode acceptInvite(String userId) {
    return api.setUserStatus(userId, "ACTIVE");
  }

  /**
   * Creates an ACTIVE card directly (no validation): {@code cardType} VIRTUAL|PHYSICAL,
   * {@code limitType} USER|CARD.
   *
   * @param userId the user id
   * @param cardType the card type
   * @param limitType the limit type
   * @return the created object node
   */
  public ObjectNode createCard(String userId, String cardType, String limitType) {
    return api.createCardDirect(userId, cardType, limitType, "ACTIVE", "Test Card");
  }

  /**
   * Creates a card with any status directly (no validation).
   *
   * @param userId the user id
   * @param cardType the card type
   * @param limitType the limit type
   * @param status the status
   * @param name the name
   * @return the created object node
   */
  public ObjectNode createCard(String userId, String cardType, String limitType, String status, String name) {
    return api.createCardDirect(userId, cardType, limitType, status, name);
  }

  /**
   * Sets a card's status directly.
   *
   * @param cardId the card id
   * @param status the status
   * @return the object node
   */
  public ObjectNode setCardStatus(String cardId, String status) {
    return api.setCardStatus(cardId, status);
  }

  /**
   * {@return the live webhook secrets (base64), newest first; the same values {@code GET /v1/webhooks/secrets} returns}
   */
  public List<String> webhookSecrets() {
    return api.webhookSecrets();
  }

  /**
   * Rotates the webhook secret: a new ACTIVE one, the old ones PENDING_REVOKE (both sign).
   *
   * @return the string
   */
  public String rotateWebhookSecret() {
    return api.rotateWebhookSecret();
  }

  /** {@return webhook deliveries attempted so far (completed ones; delivery is asynchronous)} */
  public List<WebhookDelivery> webhookDeliveries() {
    return webhooks.deliveries();
  }

  /**
   * Waits until at least {@code count} webhook deliveries have completed (or {@code timeout}
   * passed) and returns all deliveries so far; check the size to know whether it timed out.
   *
   * @param count how many deliveries to wait for
   * @param timeout how long to wait at most
   * @return every delivery so far
   * @throws InterruptedException when the thread is interrupted while waiting
   */
  public List<WebhookDelivery> awaitWebhookDeliveries(int count, Duration timeout) throws InterruptedException {
    return webhooks.await(count, timeout);
  }

  /**
   * Waits until every webhook queued so far has been attempted (delivered, refused or failed):
   * afterwards a receiver has seen all the simulator will ever send for the changes made before
   * the call, so a test can assert that something was <em>not</em> delivered without racing the
   * background sender. Returns false when {@code timeout} passed first.
   *
   * @param timeout how long to wait at most
   * @return true when every queued webhook was attempted, false when {@code timeout} passed first
   * @throws InterruptedException when the thread is interrupted while waiting
   */
  public boolean awaitWebhooksIdle(Duration timeout) throws InterruptedException {
    return webhooks.awaitIdle(timeout);
  }

  /** {@return secure-email requests ({@code POST /v2/cards/{id}/secure_email}) received} */
  public List<ObjectNode> secureEmails() {
    return api.secureEmails();
  }

  /** Stops the server and the webhook sender. */
  @Override
  public void close() {
    server.close();
    webhooks.close();
  }

  @Override
  public String toString() {
    return "BrexSimulator{" + baseUri() + "}";
  }

  /** Configures a {@link BrexSimulator}. */
  public static final class Builder {
    private String token = "bxt_sim_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    private int rateLimit = 1000;
    private Duration rateWindow = Duration.ofSeconds(60);
    private boolean sendRetryAfter = true;
    private Duration inactivityExpiry;
    private final SimOptions options = new SimOptions();
    private SyntheticCompany company;

    private Builder() {}

    /**
     * The default valid token (default: a random {@code bxt_sim_...}).
     *
     * @param token the default valid token (default: a random {@code bxt_sim_...})
     * @return this builder
     */
    public Builder token(String token) {
      this.token = Objects.requireNonNull(token);
      return this;
    }

    /**
     * Requests allowed per window per token (default 1000 per 60 s, as Brex documents); 0 disables.
     *
     * @param requests the requests
     * @param window the window
     * @return this builder
     */
    public Builder rateLimit(int requests, Duration window) {
      this.rateLimit = requests;
      this.rateWindow = window;
      return this;
    }

    /**
     * Expire a token that was not used for longer than {@code idle} (Brex: 30 or 90 days, the docs
     * disagree); default: never. Measured on {@link #clock(Clock)} from each token's last call.
     *
     * @param idle expire a token that was not used for longer than {@code idle} (Brex: 30 or 90
     *     days, the docs disagree); default: never
     * @return this builder
     */
    public Builder tokenExpiryAfterInactivity(Duration idle) {
      this.inactivityExpiry = Objects.requireNonNull(idle);
      return this;
    }

    /**
     * Whether 429s carry {@code Retry-After} (Brex does not document it; default true).
     *
     * @param send whether 429s carry {@code Retry-After} (Brex does not document it; default true)
     * @return this builder
     */
    public Builder sendRetryAfter(boolean send) {
      this.sendRetryAfter = send;
      return this;
    }

    /**
     * Clock for rate-limit windows, webhook timestamps and the request log (default system UTC).
     *
     * @param clock clock for rate-limit windows, webhook timestamps and the request log (default system UTC)
     * @return this builder
     */
    public Builder clock(Clock clock) {
      options.clock = Objects.requireNonNull(clock);
      return this;
    }

    /**
     * Port (default 0 = a random free port).
     *
     * @param port port (default 0 = a random free port)
     * @return this builder
     */
    public Builder port(int port) {
      options.port = port;
      return this;
    }

    /**
     * Server threads (default 32; raise it when injecting latency under high concurrency).
     *
     * @param threads server threads (default 32; raise it when injecting latency under high concurrency)
     * @return this builder
     */
    public Builder threads(int threads) {
      options.threads = threads;
      return this;
    }

    /**
     * How many requests the log keeps (default 10,000).
     *
     * @param limit how many requests the log keeps (default 10,000)
     * @return this builder
     */
    public Builder requestLogLimit(int limit) {
      options.requestLogLimit = limit;
      return this;
    }

    /**
     * Whether request bodies with properties the vendor spec does not define are rejected with 400
     * (default true: a misspelt optional field in a client fails instead of being ignored).
     *
     * @param strict whether request bodies with properties the vendor spec does not define are
     *     rejected with 400 (default true: a misspelt optional field in a client fails instead of
     *     being ignored)
     * @return this builder
     */
    public Builder strictRequestFields(boolean strict) {
      options.strictRequestFields = strict;
      return this;
    }

    /**
     * Whether to keep the request log (default true; counters always count). Off for long benchmarks.
     *
     * @param enabled whether to keep the request log (default true; counters always count)
     * @return this builder
     */
    public Builder recordRequests(boolean enabled) {
      options.recordRequests = enabled;
      return this;
    }

    /**
     * Seed of the fault injector's random source (default 0).
     *
     * @param seed seed of the fault injector's random source (default 0)
     * @return this builder
     */
    public Builder faultSeed(long seed) {
      options.faults.seed(seed);
      return this;
    }

    /**
     * Starts with a generated company.
     *
     * @param company the company
     * @return this builder
     */
    public Builder company(SyntheticCompany company) {
      this.company = company;
      return this;
    }

    /**
     * Starts with the company generated from {@code spec}.
     *
     * @param spec the spec
     * @return this builder
     */
    public Builder company(CompanySpec spec) {
      return company(SyntheticCompany.of(spec));
    }

    /**
     * Starts the simulator.
     *
     * @return the Brex simulator
     */
    public BrexSimulator start() {
      BrexSimulator s = new BrexSimulator(this);
      s.seeded = company;
      s.initial = company;
      return s;
    }
  }
}
