package org.brexsync.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.brexsync.brex.BrexClient;
import org.brexsync.cli.internal.SandboxPrep;
import org.brexsync.connector.Connection;
import org.brexsync.connector.Integration;
import org.brexsync.connector.ProgressListener;
import org.brexsync.connector.brex.BrexUserSource;
import org.brexsync.connector.oomnitza.OomnitzaUserSink;
import org.brexsync.connector.port.UserSource;
import org.brexsync.connector.port.UserSink;
import org.brexsync.connector.workflow.WorkflowRunner;
import org.brexsync.oomnitza.FieldCatalog;
import org.brexsync.oomnitza.OomnitzaClient;
import org.brexsync.testkit.Sandbox;

/**
 * Clients for Brex and Oomnitza from the environment, or the built-in {@link Sandbox} when no
 * credentials are set. Variables: {@value #BREX_API_TOKEN}, {@value #BREX_BASE_URL} (default Brex
 * production), {@value #OOMNITZA_URL}, {@value #OOMNITZA_API_TOKEN}. An integration document's
 * connections may name other token variables ({@code tokenEnv}); its base URLs are used only when
 * neither the command line ({@link Builder#brexUrl}, {@link Builder#oomnitzaUrl}) nor the environment
 * gives one: command line &gt; environment &gt; document &gt; default.
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
  /**
   * Opt-in variable ({@code true} or {@code false}, default false) for plain http to a host that is
   * not loopback, e.g. {@code brexsync sandbox} on another machine; the command-line form is
   * {@code --allow-plain-http}. Tokens then travel unencrypted.
   */
  public static final String BREXSYNC_ALLOW_PLAIN_HTTP = "BREXSYNC_ALLOW_PLAIN_HTTP";

  private final BrexClient brex;
  private final Optional<OomnitzaClient> oomnitza;
  private final Optional<Sandbox> sandbox;
  private final Connection brexCredential;
  private final Map<String, String> env;
  private final boolean retries;
  private final String brexSource;
  private final Optional<String> oomnitzaSource;
  private final org.brexsync.http.RequestListener requestListener;

  private Connections(BrexClient brex, Optional<OomnitzaClient> oomnitza, Optional<Sandbox> sandbox,
      Connection brexCredential, Map<String, String> env, boolean retries, String brexSource, Optional<String> oomnitzaSource,
      org.brexsync.http.RequestListener requestListener) {
    this.requestListener = requestListener;
    this.brex = brex;
    this.oomnitza = oomnitza;
    this.sandbox = sandbox;
    this.brexCredential = brexCredential;
    this.env = env;
    this.retries = retries;
    this.brexSource = brexSource;
    this.oomnitzaSource = oomnitzaSource;
  }

  /**
   * Which endpoints these connections talk to and where each came from, for the start of every
   * command, e.g. {@code Brex https://platform.brexapis.com (default); Oomnitza https://acme.oomnitza.com
   * (from $OOMNITZA_URL)}. Never a token.
   */
  public String describeEndpoints() {
    return "Brex " + shown(brex.baseUri()) + " (" + brexSource + "); Oomnitza "
        + oomnitza.map(o -> shown(o.baseUri()) + " (" + oomnitzaSource.orElse("?") + ")").orElse("not configured");
  }

  /** Scheme, host, port and path only: credentials in a URL's user info or query are never printed. */
  private static String shown(URI u) {
    return u.getScheme() + "://" + u.getHost() + (u.getPort() >= 0 ? ":" + u.getPort() : "")
        + (u.getRawPath() == null ? "" : u.getRawPath());
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

  /** connector-core's Oomnitza port over {@link #oomnitza()}, with the standard field catalog. */
  public UserSink userSink() {
    return OomnitzaUserSink.of(oomnitza());
  }

  /**
   * connector-core's Oomnitza port over {@link #oomnitza()} whose bulk uploads (the BULK sink)
   * translate External IDs to Field IDs through {@code catalog}.
   */
  public UserSink userSink(FieldCatalog catalog) {
    return OomnitzaUserSink.of(oomnitza(), catalog);
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
    return workflowRunner(ProgressListener.NONE);
  }

  /** {@link #workflowRunner()} telling {@code progress} how many of the selected people are done. */
  public WorkflowRunner workflowRunner(ProgressListener progress) {
    WorkflowRunner.Builder b = WorkflowRunner.builder()
        .progress(progress)
        .oomnitza(oomnitza())
        .brexBaseUri(brex.baseUri())
        .brexCredential(brexCredential)
        .env(env::get)
        .brexClient(brex)
        .requestListener(requestListener);
    if (!retries) {
      b.maxAttempts(1);
    }
    return b.build();
  }

  /**
   * Closes the Brex and Oomnitza clients these connections built (further calls through them are
   * refused) and stops the sandbox, if any. Idempotent.
   */
  @Override
  public void close() {
    try {
      brex.close();
    } finally {
      try {
        oomnitza.ifPresent(OomnitzaClient::close);
      } finally {
        sandbox.ifPresent(Sandbox::close);
      }
    }
  }

  /** Resolves connections; see {@link Connections}. */
  public static final class Builder {
    private Map<String, String> env = System.getenv();
    private Optional<Integration> integration = Optional.empty();
    private boolean requireOomnitza = true;
    private int sandboxUsers = Sandbox.DEFAULT_USERS;
    private boolean retries = true;
    private Optional<String> brexUrlFlag = Optional.empty();
    private Optional<String> oomnitzaUrlFlag = Optional.empty();
    private boolean allowPlainHttp;
    private org.brexsync.http.RequestListener requestListener = attempt -> { };
    private java.util.function.Consumer<BrexClient> brexBuilt = brex -> { };

    private Builder() {}

    /**
     * Given the Brex client of real (not sandbox) connections as soon as it is built, before the
     * Oomnitza client: a command can start a request that does not need Oomnitza (a credential check)
     * while the rest is set up. When a later step fails, the client is closed as usual. Default none.
     */
    public Builder whenBrexBuilt(java.util.function.Consumer<BrexClient> brexBuilt) {
      this.brexBuilt = Objects.requireNonNull(brexBuilt, "brexBuilt");
      return this;
    }

    /**
     * Told of every HTTP attempt of both clients (and, through {@link Connections#workflowRunner()},
     * of workflow API blocks), e.g. brexsync-micrometer's meters; default none.
     */
    public Builder requestListener(org.brexsync.http.RequestListener listener) {
      this.requestListener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Allows plain http to a Brex or Oomnitza host that is not loopback (default false; also set by
     * {@value #BREXSYNC_ALLOW_PLAIN_HTTP}{@code =true}), for a test rig such as
     * {@code brexsync sandbox} on another machine. Tokens then travel unencrypted.
     */
    public Builder allowPlainHttp(boolean allow) {
      this.allowPlainHttp = allow;
      return this;
    }

    /**
     * A Brex base URL given on the command line: it wins over {@value #BREX_BASE_URL} and the
     * integration's {@code baseUrl}.
     */
    public Builder brexUrl(Optional<String> url) {
      this.brexUrlFlag = Objects.requireNonNull(url, "url").map(String::trim).filter(u -> !u.isEmpty());
      return this;
    }

    /**
     * An Oomnitza URL given on the command line: it wins over {@value #OOMNITZA_URL} and the
     * integration's {@code baseUrl}.
     */
    public Builder oomnitzaUrl(Optional<String> url) {
      this.oomnitzaUrlFlag = Objects.requireNonNull(url, "url").map(String::trim).filter(u -> !u.isEmpty());
      return this;
    }

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
     * @throws ConfigurationException when credentials are incomplete, a URL is malformed, or a URL is
     *     plain http to a host that is not loopback without the opt-in
     */
    public Connections open() {
      boolean plainHttp = allowPlainHttp || flag(BREXSYNC_ALLOW_PLAIN_HTTP);
      Optional<Connection> brexConn = integration.flatMap(Integration::brex);
      Optional<Connection> oomConn = integration.flatMap(Integration::oomnitza);
      String brexTokenVar = brexConn.map(Connection::tokenEnv).orElse(BREX_API_TOKEN);
      String oomTokenVar = oomConn.map(Connection::tokenEnv).orElse(OOMNITZA_API_TOKEN);
      Optional<String> brexToken = get(brexTokenVar);
      Optional<String> oomToken = get(oomTokenVar);
      // The conventional order: command line > environment > integration document > default.
      Optional<String[]> brexUrl = endpoint(brexUrlFlag, "--brex-url", BREX_BASE_URL, brexConn);
      Optional<String[]> oomUrl = endpoint(oomnitzaUrlFlag, "--oomnitza-url", OOMNITZA_URL, oomConn);

      boolean anyBrex = brexToken.isPresent() || get(BREX_BASE_URL).isPresent() || brexUrlFlag.isPresent();
      boolean anyOomnitza = oomToken.isPresent() || get(OOMNITZA_URL).isPresent() || oomnitzaUrlFlag.isPresent();
      if (!anyBrex && !(requireOomnitza && anyOomnitza)) {
        Sandbox s = SandboxPrep.start(sandboxUsers, 0, 0, true);
        BrexClient brex = null;
        try {
          brex = BrexClient.builder().baseUri(s.brexUri()).token(s.brexToken()).requestListener(requestListener).build();
          OomnitzaClient oomnitza = OomnitzaClient.builder().baseUri(s.oomnitzaUri()).apiToken(s.oomnitzaToken())
              .requestListener(requestListener).build();
          return new Connections(brex, Optional.of(oomnitza), Optional.of(s),
              Connection.of(Optional.empty(), BREX_API_TOKEN), Map.of(BREX_API_TOKEN, s.brexToken()), retries,
              "sandbox", Optional.of("sandbox"), requestListener);
        } catch (RuntimeException e) {
          if (brex != null) {
            brex.close();
          }
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
      Optional<URI> brexUri = brexUrl.map(u -> uri(u[1], u[0]));
      Optional<URI> oomUri = oomToken.isPresent() ? oomUrl.map(u -> uri(u[1], u[0])) : Optional.empty();
      BrexClient brex = build("Brex", brexUrl, brexUri, plainHttp, allow -> {
        BrexClient.Builder bb = BrexClient.builder().token(brexToken.get()).allowPlainHttp(allow)
            .requestListener(requestListener);
        brexUri.ifPresent(bb::baseUri);
        if (!retries) {
          bb.retryPolicy(org.brexsync.brex.RetryPolicy.none());
        }
        return bb.build();
      });
      Optional<OomnitzaClient> oomnitza = Optional.empty();
      try {
        brexBuilt.accept(brex);
        if (oomUri.isPresent() && oomToken.isPresent()) {
          oomnitza = Optional.of(build("Oomnitza", oomUrl, oomUri, plainHttp, allow -> {
            OomnitzaClient.Builder ob = OomnitzaClient.builder().baseUri(oomUri.get()).apiToken(oomToken.get())
                .allowPlainHttp(allow).requestListener(requestListener);
            if (!retries) {
              ob.retryPolicy(org.brexsync.oomnitza.RetryPolicy.none());
            }
            return ob.build();
          }));
        }
      } catch (RuntimeException e) {
        brex.close();
        throw e;
      }
      return new Connections(brex, oomnitza, Optional.empty(),
          Connection.of(Optional.empty(), brexTokenVar), env, retries,
          brexUrl.map(u -> u[1]).orElse("default"), oomUrl.map(u -> u[1]), requestListener);
    }

    /**
     * A client from {@code build} (given whether plain http to a remote host is allowed), its
     * configuration errors as {@link ConfigurationException}s. A refusal of plain http names the
     * command line's opt-in, not the builder method the client's message names.
     */
    private static <C extends AutoCloseable> C build(String system, Optional<String[]> url, Optional<URI> uri,
        boolean allowPlainHttp, Function<Boolean, C> build) {
      try {
        return build.apply(allowPlainHttp);
      } catch (IllegalArgumentException | IllegalStateException | org.brexsync.brex.BrexConfigurationException
          | org.brexsync.oomnitza.OomnitzaConfigurationException e) {
        if (!allowPlainHttp && uri.isPresent() && "http".equalsIgnoreCase(uri.get().getScheme())
            && buildsWithPlainHttp(build)) {
          throw new ConfigurationException("bad " + system + " configuration: the URL " + shown(uri.get()) + " (" + url.get()[1]
              + ") is plain http to a host that is not loopback: the token would travel unencrypted. Use https, or, "
              + "for a test rig such as 'brexsync sandbox' on another machine, opt in with --allow-plain-http or "
              + BREXSYNC_ALLOW_PLAIN_HTTP + "=true.");
        }
        throw new ConfigurationException("bad " + system + " configuration: " + e.getMessage(), e);
      }
    }

    /**
     * Whether the client builds once plain http is allowed, i.e. plain http was its only objection.
     * The clients own the rule (which hosts count as loopback); asking them keeps one copy of it.
     */
    private static boolean buildsWithPlainHttp(Function<Boolean, ? extends AutoCloseable> build) {
      try {
        build.apply(true).close();
        return true;
      } catch (Exception e) {
        return false;
      }
    }

    /** The URL and where it came from ("from --flag", "from $VAR", "from the integration document"). */
    private Optional<String[]> endpoint(Optional<String> flag, String flagName, String var, Optional<Connection> doc) {
      if (flag.isPresent()) {
        return Optional.of(new String[] {flag.get(), "from " + flagName});
      }
      Optional<String> fromEnv = get(var);
      if (fromEnv.isPresent()) {
        return Optional.of(new String[] {fromEnv.get(), "from $" + var});
      }
      return doc.flatMap(Connection::baseUrl).map(u -> new String[] {u.toString(), "from the integration document"});
    }

    private Optional<String> get(String name) {
      return Optional.ofNullable(env.get(name)).map(String::trim).filter(s -> !s.isEmpty());
    }

    /** A true/false variable (unset or empty is false; {@code 1} and {@code 0} are accepted too). */
    private boolean flag(String name) {
      Optional<String> v = get(name).map(x -> x.toLowerCase(java.util.Locale.ROOT));
      if (v.isEmpty() || v.get().equals("false") || v.get().equals("0")) {
        return false;
      }
      if (v.get().equals("true") || v.get().equals("1")) {
        return true;
      }
      throw new ConfigurationException(name + " must be true or false, got '" + get(name).get() + "'");
    }

    /**
     * {@code source} says where the value came from, for the message. The message shows the value
     * without user info, query or fragment (they may hold credentials) and keeps no cause (the
     * parser's message repeats the whole value).
     */
    private static URI uri(String source, String value) {
      URI u;
      try {
        u = new URI(value);
      } catch (URISyntaxException e) {
        throw new ConfigurationException("the URL " + source + " is not a valid URL: '" + redacted(value) + "'");
      }
      if (u.getScheme() == null || u.getHost() == null) {
        throw new ConfigurationException("the URL " + source + " must be an absolute http(s) URL, got '"
            + redacted(value) + "'");
      }
      return u;
    }

    /** {@code value} with any user info, query and fragment replaced by {@code ****}. */
    static String redacted(String value) {
      String v = value;
      String tail = "";
      int cut = v.length();
      for (char c : new char[] {'?', '#'}) {
        int i = v.indexOf(c);
        if (i >= 0 && i < cut) {
          cut = i;
        }
      }
      if (cut < v.length()) {
        tail = v.charAt(cut) + "****";
        v = v.substring(0, cut);
      }
      int start = v.indexOf("//");
      start = start < 0 ? 0 : start + 2;
      // The last '@' anywhere: a malformed value may hold '/' in its password; masking too much is safe.
      int at = v.lastIndexOf('@');
      if (at >= start) {
        v = v.substring(0, start) + "****@" + v.substring(at + 1);
      }
      return v + tail;
    }
  }
}
