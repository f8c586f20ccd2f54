package org.brexsync.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.brexsync.testkit.internal.oomnitza.OomnitzaApi;
import org.brexsync.testkit.internal.oomnitza.OomnitzaFields;
import org.brexsync.testkit.internal.SimOptions;
import org.brexsync.testkit.internal.SimResponse;
import org.brexsync.testkit.internal.SimServer;

/**
 * A stateful HTTP simulator of an Oomnitza tenant: users REST v3 ({@code /api/v3/users}), the
 * connector bulk API ({@code /api/v3/bulk}, run logs), SaaS users and token auth
 * ({@code Authorization2: <token>}, {@code POST /api/request_token}).
 *
 * <pre>{@code
 * try (OomnitzaSimulator oomnitza = OomnitzaSimulator.start()) {
 *   URI base = oomnitza.baseUri();
 *   String token = oomnitza.apiToken();   // send as "Authorization2: <token>"
 * }
 * }</pre>
 *
 * <p>Users are JSON objects keyed by field External IDs ({@code username}, {@code email},
 * {@code first_name}, ...). The data model holds the standard user fields plus a unique custom
 * field {@code brex_user_id}; register more with {@link Builder#customField}. Thread-safe.
 */
public final class OomnitzaSimulator implements AutoCloseable {

  /** Username of the default account. */
  public static final String DEFAULT_USERNAME = "sim-admin";
  /** Password of the default account. */
  public static final String DEFAULT_PASSWORD = "sim-password";

  private final SimServer server;
  private final OomnitzaApi api;
  private final Builder config;

  private OomnitzaSimulator(Builder b) {
    this.config = b;
    this.api = new OomnitzaApi(b.options.clock);
    api.strictFields(b.options.strictRequestFields);
    init();
    this.server = b.options.startServer("oomnitza-sim", this::plugInto, api::register);
  }

  private void plugInto(SimServer.Config c) {
    c.errors = OomnitzaApi::error;
    c.rateLimited = () -> SimResponse.json(429, OomnitzaApi.error(429, "Too many requests").body())
        .header("Retry-After", "1");
    c.guards.add(req -> {
      if (req.path().equals("/api/request_token")) {
        return null;
      }
      String t = req.header("Authorization2");
      if (api.authenticate(t) == null) {
        return SimResponse.json(401, OomnitzaApi.error(401,
            t == null ? "Authentication credentials were not provided." : "Invalid token.").body());
      }
      return null;
    });
  }

  private void init() {
    api.addAccount(DEFAULT_USERNAME, DEFAULT_PASSWORD, config.apiToken);
    config.accounts.forEach((u, p) -> api.addAccount(u, p, newToken()));
    for (Object[] f : config.customFields) {
      api.customField((String) f[0], (String) f[1], (OomnitzaFields.Type) f[2], (Boolean) f[3]);
    }
    api.allowUnknownFields(config.allowUnknownFields);
    api.bulkAnswerDetails(config.bulkAnswerDetails);
    api.addSaas("Brex");
  }

  private static String newToken() {
    return SimOptions.randomHex128();
  }

  /**
   * Starts a simulator on a random free loopback port with defaults.
   *
   * @return the Oomnitza simulator
   */
  public static OomnitzaSimulator start() {
    return builder().start();
  }

  /** {@return a builder for a configured simulator} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return base URI, e.g. {@code http://127.0.0.1:53122} (no trailing slash)} */
  public URI baseUri() {
    return server.baseUri();
  }

  /** {@return the API token configured at start for the default account ({@code Authorization2} header)} */
  public String apiToken() {
    return config.apiToken;
  }

  /**
   * Adds an account for {@code POST /api/request_token}; returns its initial API token.
   * Issuing a new token for an account invalidates its previous one.
   *
   * @param username the username
   * @param password the password (never logged)
   * @return the string
   */
  public String addAccount(String username, String password) {
    return api.addAccount(username, password, newToken());
  }

  /**
   * Invalidates a token (as refreshing it in the Oomnitza UI would).
   *
   * @param token the token
   * @return the Oomnitza simulator
   */
  public OomnitzaSimulator revokeToken(String token) {
    api.revokeToken(token);
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
   * Requests served for a path template, e.g. {@code count("PATCH", "/api/v3/users/{ident}")}.
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
   * @return the Oomnitza simulator
   */
  public OomnitzaSimulator recordRequests(boolean enabled) {
    server.recordRequests(enabled);
    return this;
  }

  /**
   * Clears users, runs, SaaS data, the log, counters and faults; accounts and tokens go back to
   * those of the builder (tokens issued since are invalid; builder accounts get new tokens).
   *
   * @return the Oomnitza simulator
   */
  public OomnitzaSimulator reset() {
    api.reset();
    init();
    server.resetLog();
    server.faults().clear();
    return this;
  }

  /** {@return a JSON snapshot: users, run summaries, SaaS applications and SaaS users} */
  public ObjectNode snapshot() {
    return api.snapshot();
  }

  /** {@return all users (copies), in creation order} */
  public List<ObjectNode> users() {
    return api.users();
  }

  /** {@return number of users} */
  public int userCount() {
    return api.userCount();
  }

  /**
   * {@return the user whose field (External ID) has this value; unique fields compare case-insensitively}
   *
   * @param field the field's external id
   * @param value the value
   */
  public Optional<ObjectNode> userBy(String field, String value) {
    return Optional.ofNullable(api.userBy(field, value));
  }

  /**
   * Adds a user directly (validated as {@code POST /api/v3/users} would); returns it with {@code uid}.
   *
   * @param user the user
   * @return the object node
   */
  public ObjectNode addUser(ObjectNode user) {
    return api.addUser(user);
  }

  /**
   * Adds many users directly, e.g. {@code seedUsers(company.oomnitzaUsers().limit(500))}.
   *
   * @param users the users
   * @return the Oomnitza simulator
   */
  public OomnitzaSimulator seedUsers(Stream<ObjectNode> users) {
    users.forEach(api::addUser);
    return this;
  }

  /**
   * Summaries of all bulk runs, oldest first (same shape as the run-log list endpoint).
   *
   * @return the object nodes
   */
  public List<ObjectNode> runs() {
    return api.runs();
  }

  /**
   * {@return details of one bulk run (same shape as {@code GET /api/v3/connector_run_logs/connectors/{portion}})}
   *
   * @param portion the bulk run id (Oomnitza's {@code portion})
   */
  public Optional<ObjectNode> run(String portion) {
    return Optional.ofNullable(api.run(portion));
  }

  /**
   * Cancels a run as a user would in the UI; further batches for it answer 409.
   *
   * @param portion the bulk run id (Oomnitza's {@code portion})
   * @return the object node
   */
  public ObjectNode cancelRun(String portion) {
    return api.cancelRun(portion);
  }

  /**
   * {@return the id of a SaaS application, creating it if needed ("Brex" exists from the start)}
   *
   * @param name the name
   */
  public String saasId(String name) {
    return api.addSaas(name).get("saas_id").asText();
  }

  /** {@return all SaaS user assignments} */
  public List<ObjectNode> saasUsers() {
    return api.saasUsers();
  }

  /**
   * {@return field ID (the bulk API key) of a custom field registered with an External ID}
   *
   * @param externalId the field's external id
   */
  public static String customFieldId(String externalId) {
    try {
      byte[] d = MessageDigest.getInstance("MD5").digest(externalId.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().withUpperCase().formatHex(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.close();
  }

  @Override
  public String toString() {
    return "OomnitzaSimulator{" + baseUri() + "}";
  }

  /** Configures an {@link OomnitzaSimulator}. */
  public static final class Builder {
    private String apiToken = newToken();
    private final Map<String, String> accounts = new java.util.LinkedHashMap<>();
    private final List<Object[]> customFields = new ArrayList<>();
    private boolean allowUnknownFields;
    private boolean bulkAnswerDetails = true;
    private final SimOptions options = new SimOptions();

    private Builder() {
      customFields.add(new Object[] {"brex_user_id", customFieldId("brex_user_id"), OomnitzaFields.Type.STRING, true});
    }

    /**
     * API token of the default account (default: random hex).
     *
     * @param token API token of the default account (default: random hex)
     * @return this builder
     */
    public Builder apiToken(String token) {
      this.apiToken = Objects.requireNonNull(token);
      return this;
    }

    /**
     * Adds an account for {@code POST /api/request_token}.
     *
     * @param username the username
     * @param password the password (never logged)
     * @return this builder
     */
    public Builder account(String username, String password) {
      accounts.put(username, password);
      return this;
    }

    /**
     * Registers a custom string field of users, with Field ID {@link #customFieldId(String)}.
     *
     * @param externalId the field's external id
     * @param unique whether values must be unique (case-insensitive)
     * @return this builder
     */
    public Builder customField(String externalId, boolean unique) {
      return customField(externalId, customFieldId(externalId), "string", unique);
    }

    /**
     * Registers a custom field of users.
     *
     * @param externalId the field's external id
     * @param fieldId the field's id
     * @param type string, integer, boolean or decimal
     * @param unique the unique
     * @return this builder
     */
    public Builder customField(String externalId, String fieldId, String type, boolean unique) {
      customFields.add(new Object[] {externalId, fieldId,
          OomnitzaFields.Type.valueOf(type.toUpperCase(Locale.ROOT)), unique});
      return this;
    }

    /**
     * Accept unknown user fields, adding them as string custom fields (default false: 400).
     *
     * @param allow whether to allow it
     * @return this builder
     */
    public Builder allowUnknownFields(boolean allow) {
      this.allowUnknownFields = allow;
      return this;
    }

    /**
     * Whether the answer to {@code POST /api/v3/bulk} carries the batch's outcome counts
     * ({@code objects}) and per-record errors ({@code errors}) — default true. Oomnitza does not
     * document its answer; {@code false} answers only {@code {"portion","status"}}, so a client must
     * read the run log (or report the records as unverified) to learn what was rejected.
     *
     * @param details whether the answer to {@code POST /api/v3/bulk} carries the batch's outcome
     *     counts ({@code objects}) and per-record errors ({@code errors}) — default true
     * @return this builder
     */
    public Builder bulkAnswerDetails(boolean details) {
      this.bulkAnswerDetails = details;
      return this;
    }

    /**
     * Clock for timestamps and the request log.
     *
     * @param clock clock for timestamps and the request log
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
     * Server threads (default 32).
     *
     * @param threads server threads (default 32)
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
     * Starts the simulator.
     *
     * @return the Oomnitza simulator
     */
    public OomnitzaSimulator start() {
      return new OomnitzaSimulator(this);
    }
  }
}
