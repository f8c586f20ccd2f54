package org.brexsync.spring.boot.autoconfigure.internal;

import java.net.URI;
import java.util.Optional;
import java.util.function.Function;
import org.brexsync.brex.BrexClient;
import org.brexsync.connector.Connection;
import org.brexsync.connector.Integration;
import org.brexsync.spring.boot.autoconfigure.BrexsyncConfigurationException;
import org.brexsync.spring.boot.autoconfigure.BrexsyncProperties;
import org.springframework.core.env.PropertyResolver;

/**
 * Where Brex and Oomnitza are and which token each takes, resolved as the CLI resolves them: base
 * URL from the property, else the CLI's variable ({@value #BREX_BASE_URL}, {@value #OOMNITZA_URL}),
 * else the integration document, else the default; token from the property, else the variable the
 * document names ({@code tokenEnv}), else the CLI's variable. Variables are looked up in the Spring
 * {@code Environment}, so they may also be properties. Not API.
 */
public final class Endpoints {
  /** Brex token variable of the CLI. */
  public static final String BREX_API_TOKEN = "BREX_API_TOKEN";
  /** Brex base URL variable of the CLI. */
  public static final String BREX_BASE_URL = "BREX_BASE_URL";
  /** Oomnitza instance URL variable of the CLI. */
  public static final String OOMNITZA_URL = "OOMNITZA_URL";
  /** Oomnitza token variable of the CLI. */
  public static final String OOMNITZA_API_TOKEN = "OOMNITZA_API_TOKEN";

  private Endpoints() {}

  /** The Brex side. */
  public static Endpoint brex(BrexsyncProperties p, PropertyResolver env, Optional<Integration> document) {
    Optional<Connection> c = document.flatMap(Integration::brex);
    return resolve("Brex", "brexsync.brex", p.getBrex().getBaseUrl(), p.getBrex().getToken(), BREX_BASE_URL,
        BREX_API_TOKEN, c, env, Optional.of(BrexClient.PRODUCTION));
  }

  /** The Oomnitza side. */
  public static Endpoint oomnitza(BrexsyncProperties p, PropertyResolver env, Optional<Integration> document) {
    Optional<Connection> c = document.flatMap(Integration::oomnitza);
    return resolve("Oomnitza", "brexsync.oomnitza", p.getOomnitza().getBaseUrl(), p.getOomnitza().getToken(),
        OOMNITZA_URL, OOMNITZA_API_TOKEN, c, env, Optional.empty());
  }

  private static Endpoint resolve(String system, String prefix, URI urlProperty, String tokenProperty,
      String urlVariable, String tokenVariable, Optional<Connection> connection, PropertyResolver env,
      Optional<URI> defaultUrl) {
    Function<String, String> lookup = name -> {
      String v = env.getProperty(name);
      return v == null || v.isBlank() ? null : v.strip();
    };
    URI url;
    String urlSource;
    if (urlProperty != null) {
      url = urlProperty;
      urlSource = prefix + ".base-url";
    } else if (lookup.apply(urlVariable) != null) {
      url = parse(lookup.apply(urlVariable), urlVariable, prefix);
      urlSource = urlVariable;
    } else if (connection.flatMap(Connection::baseUrl).isPresent()) {
      url = connection.flatMap(Connection::baseUrl).get();
      urlSource = "the integration document";
    } else {
      url = defaultUrl.orElse(null);
      urlSource = "default";
    }
    String variable = connection.map(Connection::tokenEnv).orElse(tokenVariable);
    String token = tokenProperty != null && !tokenProperty.isBlank() ? tokenProperty : lookup.apply(variable);
    String tokenSource = tokenProperty != null && !tokenProperty.isBlank() ? prefix + ".token" : variable;
    String where = prefix + ".token or " + (connection.isPresent()
        ? "the variable " + variable + " (named by the integration document's tokenEnv)"
        : "the environment variable " + variable);
    return new Endpoint(system, prefix, Optional.ofNullable(url), urlSource, Optional.ofNullable(token),
        tokenSource, where, variable, urlVariable);
  }

  private static URI parse(String value, String variable, String prefix) {
    try {
      return URI.create(value);
    } catch (IllegalArgumentException e) {
      throw new BrexsyncConfigurationException("The variable " + variable + " is not a URL.",
          "Set " + variable + " or " + prefix + ".base-url to a URL such as https://acme.oomnitza.com.");
    }
  }

  /** Scheme, host, port and path of a URL: never its user info or query, which may hold secrets. */
  public static String shown(URI u) {
    if (u.getHost() == null) {
      return "(not a URL)";
    }
    return u.getScheme() + "://" + u.getHost() + (u.getPort() >= 0 ? ":" + u.getPort() : "")
        + (u.getRawPath() == null ? "" : u.getRawPath());
  }

  /**
   * One system: its base URL (empty for Oomnitza when nothing names one) and token, and where each
   * came from. {@link #toString()} never shows the token.
   */
  public static final class Endpoint {
    private final String system;
    private final String prefix;
    private final Optional<URI> baseUrl;
    private final String baseUrlSource;
    private final Optional<String> token;
    private final String tokenSource;
    private final String tokenHint;
    private final String tokenVariable;
    private final String urlVariable;

    Endpoint(String system, String prefix, Optional<URI> baseUrl, String baseUrlSource, Optional<String> token,
        String tokenSource, String tokenHint, String tokenVariable, String urlVariable) {
      this.system = system;
      this.prefix = prefix;
      this.baseUrl = baseUrl;
      this.baseUrlSource = baseUrlSource;
      this.token = token;
      this.tokenSource = tokenSource;
      this.tokenHint = tokenHint;
      this.tokenVariable = tokenVariable;
      this.urlVariable = urlVariable;
    }

    /** "Brex" or "Oomnitza". */
    public String system() {
      return system;
    }

    /** The property prefix, e.g. {@code brexsync.brex}. */
    public String prefix() {
      return prefix;
    }

    /** The base URL, if any names one. */
    public Optional<URI> baseUrl() {
      return baseUrl;
    }

    /** Where the base URL came from. */
    public String baseUrlSource() {
      return baseUrlSource;
    }

    /** The token, if set. */
    public Optional<String> token() {
      return token;
    }

    /** The property or variable the token came from (or would have). */
    public String tokenSource() {
      return tokenSource;
    }

    /** Where a token is looked for, for messages: "brexsync.brex.token or the environment variable ...". */
    public String tokenHint() {
      return tokenHint;
    }

    /** The variable the token is read from when the property is not set. */
    public String tokenVariable() {
      return tokenVariable;
    }

    /** The CLI's base URL variable. */
    public String urlVariable() {
      return urlVariable;
    }

    /** Why there is no client, or empty when there is a token. */
    public Optional<String> missingToken() {
      return token.isPresent() ? Optional.empty()
          : Optional.of("no " + system + " API token: set " + tokenHint);
    }

    /** Scheme, host, port and path of the base URL: never user info or a query. */
    public String shownUrl() {
      return baseUrl.map(Endpoints::shown).orElse("(none)");
    }


    @Override
    public String toString() {
      return system + "[" + shownUrl() + " (" + baseUrlSource + "), token " + (token.isPresent() ? "**** (" + tokenSource + ")" : "unset") + "]";
    }
  }
}
