package org.brexsync.examples;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.brexsync.brex.BrexClient;
import org.brexsync.connector.Connection;
import org.brexsync.connector.Integration;
import org.brexsync.connector.adapter.BrexUserSource;
import org.brexsync.connector.adapter.OomnitzaUserSink;
import org.brexsync.connector.source.UserSource;
import org.brexsync.connector.sync.UserSink;
import org.brexsync.connector.workflow.WorkflowRunner;
import org.brexsync.oomnitza.OomnitzaClient;

/**
 * Clients for Brex and Oomnitza from the environment, or the built-in {@link Sandbox} when no
 * credentials are set. Variables: {@value #BREX_API_TOKEN}, {@value #BREX_BASE_URL} (default Brex
 * production), {@value #OOMNITZA_URL}, {@value #OOMNITZA_API_TOKEN}. An integration document's
 * connections may name other variables ({@code tokenEnv}) and base URLs; those win.
 *
 * <pre>{@code
 * try (Connections c = Connections.fromEnvironment()) {
 *   if (c.isSandbox()) System.out.println("sandbox: " + c.sandbox().get());
 *   c.brex().users().list().stream().limit(5).forEach(System.out::println);
 * }
 * }</pre>
 */
public final class Connections implements AutoCloseable {
  /** Brex API token variable. */
  public static final String BREX_API_TOKEN = "BREX_API_TOKEN";
  /** Brex base URL variable (default {@link BrexClient#PRODUCTION}). */
  public static final String BREX_BASE_URL = "BREX_BASE_URL";
  /** Oomnitza instance URL variable, e.g. {@code https://acme.oomnitza.com}. */
  public static final String OOMNITZA_URL = "OOMNITZA_URL";
  /** Oomnitza API token variable. */
  public static final String OOMNITZA_API_TOKEN = "OOMNITZA_API_TOKEN";

  private final BrexClient brex;
  private final Optional<OomnitzaClient> oomnitza;
  private final Optional<Sandbox> sandbox;
  private final Connection brexCredential;
  private final Map<String, String> env;
  private final boolean retries;

  private Connections(BrexClient brex, Optional<OomnitzaClient> oomnitza, Optional<Sandbox> sandbox,
      Connection brexCredential, Map<String, String> env, boolean retries) {
    this.brex = brex;
    this.oomnitza = oomnitza;
    this.sandbox = sandbox;
    this.brexCredential = brexCredential;
    this.env = env;
    this.retries = retries;
  }

  /** Brex and Oomnitza from {@code System.getenv()}, or a default sandbox. */
  public static Connections fromEnvironment() {
    return builder().open();
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Whether these are the built-in simulators rather than real systems. */
  public boolean isSandbox() {
    return sandbox.isPresent();
  }

  /** The sandbox, when no credentials were set. */
  public Optional<Sandbox> sandbox() {
    return sandbox;
  }

  /** The Brex client. */
  public BrexClient brex() {
    return brex;
  }

  /**
   * The Oomnitza client.
   *
   * @throws ConfigurationException when Oomnitza was not required and is not configured
   */
  public OomnitzaClient oomnitza() {
    return oomnitza.orElseThrow(() -> new ConfigurationException(
        "Oomnitza is not configured: set " + OOMNITZA_URL + " and " + OOMNITZA_API_TOKEN));
  }

  /** The Oomnitza client when Oomnitza is configured (always in the sandbox). */
  public Optional<OomnitzaClient> oomnitzaIfConfigured() {
    return oomnitza;
  }

  /** connector-core's Brex port over {@link #brex()}. */
  public UserSource userSource() {
    return BrexUserSource.of(brex);
  }

  /** connector-core's Oomnitza port over {@link #oomnitza()}. */
  public UserSink userSink() {
    return OomnitzaUserSink.of(oomnitza());
  }

  /**
   * connector-core's workflow runner over these connections: Oomnitza selects the records and takes
   * the results back; Brex API blocks go to {@link #brex()}'s base URL with the token read from the
   * same variable the clients use ({@value #BREX_API_TOKEN}, or the integration's {@code tokenEnv}).
   * In the sandbox that variable holds the simulator's token, so every call stays in-process.
   *
   * @throws ConfigurationException when Oomnitza is not configured
   */
  public WorkflowRunner workflowRunner() {
    WorkflowRunner.Builder b = WorkflowRunner.builder()
        .oomnitza(oomnitza())
        .brexBaseUri(brex.baseUri())
        .brexCredential(brexCredential)
        .env(env::get)
        .brexClient(brex);
    if (!retries) {
      b.maxAttempts(1);
    }
    return b.build();
  }

  /** Stops the sandbox, if any. */
  @Override
  public void close() {
    sandbox.ifPresent(Sandbox::close);
  }

  /** Resolves connections; see {@link Connections}. */
  public static final class Builder {
    private Map<String, String> env = System.getenv();
    private Optional<Integration> integration = Optional.empty();
    private boolean requireOomnitza = true;
    private int sandboxUsers = Sandbox.DEFAULT_USERS;
    private boolean retries = true;

    private Builder() {}

    /** The environment (default {@code System.getenv()}). */
    public Builder environment(Map<String, String> env) {
      this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
      return this;
    }

    /** An integration whose connections name the token variables and base URLs. */
    public Builder integration(Optional<Integration> integration) {
      this.integration = Objects.requireNonNull(integration, "integration");
      return this;
    }

    /** Whether Oomnitza is needed (default true); listing Brex users needs only Brex. */
    public Builder requireOomnitza(boolean require) {
      this.requireOomnitza = require;
      return this;
    }

    /** Users of the sandbox company when no credentials are set (default 500). */
    public Builder sandboxUsers(int users) {
      this.sandboxUsers = users;
      return this;
    }

    /** Whether the clients retry transient failures (default true). */
    public Builder retries(boolean retries) {
      this.retries = retries;
      return this;
    }

    /**
     * Builds the clients, or starts the sandbox when none of the variables is set.
     *
     * @throws ConfigurationException when credentials are incomplete or a URL is malformed
     */
    public Connections open() {
      Optional<Connection> brexConn = integration.flatMap(Integration::brex);
      Optional<Connection> oomConn = integration.flatMap(Integration::oomnitza);
      String brexTokenVar = brexConn.map(Connection::tokenEnv).orElse(BREX_API_TOKEN);
      String oomTokenVar = oomConn.map(Connection::tokenEnv).orElse(OOMNITZA_API_TOKEN);
      Optional<String> brexToken = get(brexTokenVar);
      Optional<String> brexUrl = brexConn.flatMap(Connection::baseUrl).map(URI::toString).or(() -> get(BREX_BASE_URL));
      Optional<String> oomToken = get(oomTokenVar);
      Optional<String> oomUrl = oomConn.flatMap(Connection::baseUrl).map(URI::toString).or(() -> get(OOMNITZA_URL));

      boolean anyBrex = brexToken.isPresent() || get(BREX_BASE_URL).isPresent();
      boolean anyOomnitza = oomToken.isPresent() || get(OOMNITZA_URL).isPresent();
      if (!anyBrex && !(requireOomnitza && anyOomnitza)) {
        Sandbox s = Sandbox.start(sandboxUsers);
        try {
          return new Connections(s.brexClient(), Optional.of(s.oomnitzaClient()), Optional.of(s),
              Connection.of(Optional.empty(), BREX_API_TOKEN), Map.of(BREX_API_TOKEN, s.brexToken()), retries);
        } catch (RuntimeException e) {
          s.close();
          throw e;
        }
      }
      List<String> missing = new ArrayList<>();
      if (brexToken.isEmpty()) {
        missing.add(brexTokenVar);
      }
      if (requireOomnitza && oomUrl.isEmpty()) {
        missing.add(OOMNITZA_URL);
      }
      if (requireOomnitza && oomToken.isEmpty()) {
        missing.add(oomTokenVar);
      }
      if (!missing.isEmpty()) {
        throw new ConfigurationException("incomplete credentials: " + String.join(", ", missing)
            + (missing.size() == 1 ? " is" : " are") + " not set. Set "
            + (requireOomnitza ? "all of " + brexTokenVar + ", " + OOMNITZA_URL + " and " + oomTokenVar : brexTokenVar)
            + ", or none of them to use the built-in sandbox.");
      }
      BrexClient brex;
      try {
        BrexClient.Builder bb = BrexClient.builder().token(brexToken.get());
        brexUrl.ifPresent(u -> bb.baseUri(uri(BREX_BASE_URL, u)));
        if (!retries) {
          bb.retryPolicy(org.brexsync.brex.RetryPolicy.none());
        }
        brex = bb.build();
      } catch (IllegalArgumentException | IllegalStateException
          | org.brexsync.brex.BrexConfigurationException e) {
        throw new ConfigurationException("bad Brex configuration: " + e.getMessage(), e);
      }
      Optional<OomnitzaClient> oomnitza = Optional.empty();
      if (oomUrl.isPresent() && oomToken.isPresent()) {
        try {
          OomnitzaClient.Builder ob = OomnitzaClient.builder().baseUri(uri(OOMNITZA_URL, oomUrl.get())).apiToken(oomToken.get());
          if (!retries) {
            ob.retryPolicy(org.brexsync.oomnitza.RetryPolicy.none());
          }
          oomnitza = Optional.of(ob.build());
        } catch (IllegalArgumentException | IllegalStateException
            | org.brexsync.oomnitza.OomnitzaConfigurationException e) {
          throw new ConfigurationException("bad Oomnitza configuration: " + e.getMessage(), e);
        }
      }
      return new Connections(brex, oomnitza, Optional.empty(),
          Connection.of(Optional.empty(), brexTokenVar), env, retries);
    }

    private Optional<String> get(String name) {
      return Optional.ofNullable(env.get(name)).map(String::trim).filter(s -> !s.isEmpty());
    }

    private static URI uri(String var, String value) {
      try {
        URI u = new URI(value);
        if (u.getScheme() == null || u.getHost() == null) {
          throw new ConfigurationException(var + " must be an absolute http(s) URL, got '" + value + "'");
        }
        return u;
      } catch (URISyntaxException e) {
        throw new ConfigurationException(var + " is not a valid URL: '" + value + "'", e);
      }
    }
  }
}
