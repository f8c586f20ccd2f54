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

  /** Starts a simulator on a random free loopback port with defaults. */
  public static OomnitzaSimulator start() {
    return builder().start();
  }

  /** A builder for a configured simulator. */
  public static Builder builder() {
    return new Builder();
  }

  /** Base URI, e.g. {@code http://127.0.0.1:53122} (no trailing slash). */
  public URI baseUri() {
    return server.baseUri();
  }

  /** The API token configured at start for the default account ({@code Authorization2} header). */
  public String apiToken() {
    return config.apiToken;
  }

  /**
   * Adds an account for {@code POST /api/request_token}; returns its initial API token.
   * Issuing a new token for an account invalidates its previous one.
   */
  public String addAccount(String username, String password) {
    return api.addAccount(username, password, newToken());
  }

  /** Invalidates a token (as refreshing it in the Oomnitza UI would). */
  public OomnitzaSimulator revokeToken(String token) {
    api.revokeToken(token);
    return this;
  }

  /** Fault injection for this simulator. */
  public FaultInjector faults() {
    return server.faults();
  }

  /** The request log (bounded, oldest dropped first), oldest first. */
  public List<RecordedCall> requests() {
    return server.requests();
  }

  /** Requests served for a path template, e.g. {@code count("PATCH", "/api/v3/users/{ident}")}. */
  public long count(String method, String pathTemplate) {
    return server.count(method, pathTemplate);
  }

  /** Request counters keyed by {@code "METHOD /template"}. */
  public Map<String, Long> counters() {
    return server.counters();
  }

  /** Turns the request log on or off (counters always count). */
  public OomnitzaSimulator recordRequests(boolean enabled) {
    server.recordRequests(enabled);
    return this;
  }

  /**
   * Clears users, runs, SaaS data, the log, counters and faults; accounts and tokens go back to
   * those of the builder (tokens issued since are invalid; builder accounts get new tokens).
   */
  public OomnitzaSimulator reset() {
    api.reset();
    init();
    server.resetLog();
    server.faults().clear();
    return this;
  }

  /** A JSON snapshot: users, run summaries, SaaS applications and SaaS users. */
  public ObjectNode snapshot() {
    return api.snapshot();
  }

  /** All users (copies), in creation order. */
  public List<ObjectNode> users() {
    return api.users();
  }

  /** Number of users. */
  public int userCount() {
    return api.userCount();
  }

  /** The user whose field (External ID) has this value; unique fields compare case-insensitively. */
  public Optional<ObjectNode> userBy(String field, String value) {
    return Optional.ofNullable(api.userBy(field, value));
  }

  /** Adds a user directly (validated as {@code POST /api/v3/users} would); returns it with {@code uid}. */
  public ObjectNode addUser(ObjectNode user) {
    return api.addUser(user);
  }

  /** Adds many users directly, e.g. {@code seedUsers(company.oomnitzaUsers().limit(500))}. */
  public OomnitzaSimulator seedUsers(Stream<ObjectNode> users) {
    users.forEach(api::addUser);
    return this;
  }

  /** Summaries of all bulk runs, oldest first (same shape as the run-log list endpoint). */
  public List<ObjectNode> runs() {
    return api.runs();
  }

  /** Details of one bulk run (same shape as {@code GET /api/v3/connector_run_logs/connectors/{portion}}). */
  public Optional<ObjectNode> run(String portion) {
    return Optional.ofNullable(api.run(portion));
  }

  /** Cancels a run as a user would in the UI; further batches for it answer 409. */
  public ObjectNode cancelRun(String portion) {
    return api.cancelRun(portion);
  }

  /** The id of a SaaS application, creating it if needed ("Brex" exists from the start). */
  public String saasId(String name) {
    return api.addSaas(name).get("saas_id").asText();
  }

  /** All SaaS user assignments. */
  public List<ObjectNode> saasUsers() {
    return api.saasUsers();
  }

  /** Field ID (the bulk API key) of a custom field registered with an External ID. */
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

    /** API token of the default account (default: random hex). */
    public Builder apiToken(String token) {
      this.apiToken = Objects.requireNonNull(token);
      return this;
    }

    /** Adds an account for {@code POST /api/request_token}. */
    public Builder account(String username, String password) {
      accounts.put(username, password);
      return this;
    }

    /**
     * Registers a custom string field of users, with Field ID {@link #customFieldId(String)}.
     *
     * @param unique whether values must be unique (case-insensitive)
     */
    public Builder customField(String externalId, boolean unique) {
      return customField(externalId, customFieldId(externalId), "string", unique);
    }

    /**
     * Registers a custom field of users.
     *
     * @param type string, integer, boolean or decimal
     */
    public Builder customField(String externalId, String fieldId, String type, boolean unique) {
      customFields.add(new Object[] {externalId, fieldId,
          OomnitzaFields.Type.valueOf(type.toUpperCase(Locale.ROOT)), unique});
      return this;
    }

    /** Accept unknown user fields, adding them as string custom fields (default false: 400). */
    public Builder allowUnknownFields(boolean allow) {
      this.allowUnknownFields = allow;
      return this;
    }

    /**
     * Whether the answer to {@code POST /api/v3/bulk} carries the batch's outcome counts
     * ({@code objects}) and per-record errors ({@code errors}) — default true. Oomnitza does not
     * document its answer; {@code false} answers only {@code {"portion","status"}}, so a client must
     * read the run log (or report the records as unverified) to learn what was rejected.
     */
    public Builder bulkAnswerDetails(boolean details) {
      this.bulkAnswerDetails = details;
      return this;
    }

    /** Clock for timestamps and the request log. */
    public Builder clock(Clock clock) {
      options.clock = Objects.requireNonNull(clock);
      return this;
    }

    /** Port (default 0 = a random free port). */
    public Builder port(int port) {
      options.port = port;
      return this;
    }

    /** Server threads (default 32). */
    public Builder threads(int threads) {
      options.threads = threads;
      return this;
    }

    /** How many requests the log keeps (default 10,000). */
    public Builder requestLogLimit(int limit) {
      options.requestLogLimit = limit;
      return this;
    }

    /**
     * Whether request bodies with properties the vendor spec does not define are rejected with 400
     * (default true: a misspelt optional field in a client fails instead of being ignored).
     */
    public Builder strictRequestFields(boolean strict) {
      options.strictRequestFields = strict;
      return this;
    }

    /** Whether to keep the request log (default true; counters always count). Off for long benchmarks. */
    public Builder recordRequests(boolean enabled) {
      options.recordRequests = enabled;
      return this;
    }

    /** Seed of the fault injector's random source (default 0). */
    public Builder faultSeed(long seed) {
      options.faults.seed(seed);
      return this;
    }

    /** Starts the simulator. */
    public OomnitzaSimulator start() {
      return new OomnitzaSimulator(this);
    }
  }
}
