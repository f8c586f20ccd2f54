package org.brexsync.oomnitza.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import org.brexsync.http.RateLimiter;
import org.brexsync.http.RequestListener;
import org.brexsync.http.Sleeper;
import org.brexsync.http.internal.Call;
import org.brexsync.http.internal.HttpResources;
import org.brexsync.http.internal.Lazy;
import org.brexsync.http.internal.PathSegments;
import org.brexsync.http.internal.Redactor;
import org.brexsync.http.internal.Response;
import org.brexsync.oomnitza.OomnitzaApiException;
import org.brexsync.oomnitza.OomnitzaArgumentException;
import org.brexsync.oomnitza.OomnitzaAuthenticationException;
import org.brexsync.oomnitza.OomnitzaCancelledException;
import org.brexsync.oomnitza.OomnitzaClientClosedException;
import org.brexsync.oomnitza.OomnitzaConfigurationException;
import org.brexsync.oomnitza.OomnitzaConventions;
import org.brexsync.oomnitza.OomnitzaNetworkException;
import org.brexsync.oomnitza.OomnitzaNotFoundException;
import org.brexsync.oomnitza.OomnitzaRateLimitException;
import org.brexsync.oomnitza.OomnitzaResponseException;
import org.brexsync.oomnitza.OomnitzaServerException;
import org.brexsync.oomnitza.OomnitzaValidationException;
import org.brexsync.oomnitza.RequestOptions;
import org.brexsync.oomnitza.RetryPolicy;
import org.slf4j.LoggerFactory;

/**
 * What is Oomnitza's in sending a call: the {@code Authorization2} token (and one refresh per call
 * on 401 with username/password), its behaviour headers, the connector source, its undocumented
 * error body shapes and its exceptions. Sending, retries, logging and the listener are the core's
 * {@link org.brexsync.http.internal.Transport}. Not public API.
 */
public final class Transport {
  private final org.brexsync.http.internal.Transport core;
  private final OomnitzaConventions conventions;
  // Made at first use: a process can send its first request before the mapper exists.
  private final Lazy<ObjectMapper> mapper;
  private final int maxPages;
  private final Redactor redactor;

  /** Creates a transport; all arguments are required except {@code connectorSource} and {@code rateLimiter}. */
  public Transport(
      URI baseUri,
      HttpResources http,
      Authenticator auth,
      RetryPolicy retry,
      Sleeper sleeper,
      Clock clock,
      DoubleSupplier random,
      Duration requestTimeout,
      OomnitzaConventions conventions,
      String userAgent,
      Optional<String> connectorSource,
      Supplier<ObjectMapper> mapper,
      int maxPages,
      RequestListener listener,
      RateLimiter rateLimiter) {
    this.conventions = conventions;
    this.mapper = Lazy.of(mapper);
    this.maxPages = maxPages;
    // Oomnitza's error texts can be long (field-by-field validation): a longer excerpt than Brex's.
    this.redactor = new Redactor(() -> {
      List<String> out = new ArrayList<>();
      auth.secrets().forEach(out::add);
      return out;
    }, 300);
    this.core = org.brexsync.http.internal.Transport.builder()
        .http(http).baseUri(baseUri).service("Oomnitza")
        .log(LoggerFactory.getLogger("org.brexsync.oomnitza"))
        .retry(retry).random(random).sleeper(sleeper).clock(clock).rateLimiter(rateLimiter)
        .listener(listener).redactor(redactor).requestTimeout(requestTimeout).userAgent(userAgent)
        .traceHeaders(conventions.traceIdHeaders())
        .auth(new org.brexsync.http.internal.Transport.Auth() {
          @Override
          public Object apply(Call call, String path, HttpRequest.Builder b) {
            Authenticator.TokenState token = auth.current(Transport.this);
            b.header("Authorization2", token.token);
            if (token.csrfToken != null) {
              b.header("X-CSRF-Token", token.csrfToken);
            }
            return token;
          }

          @Override
          public boolean refresh(Call call, Object used) {
            return auth.refresh(Transport.this, (Authenticator.TokenState) used).isPresent();
          }
        })
        .decorator((call, b) -> {
          connectorSource.ifPresent(s -> b.header("X-Connector-Source", s));
          if (call.options() instanceof RequestOptions o) {
            if (o.ignoreMetaRestriction()) {
              b.header("Oomnitza-Ignore-Meta-Restriction", "1");
            }
            if (o.allowUnknownMetaFields()) {
              b.header("Oomnitza-Allow-Unknown-Meta-Fields", "1");
            }
            if (o.notTriggerWorkflows()) {
              b.header("Oomnitza-Not-Trigger-WF", "1");
            }
          }
        })
        .failures(new Failures())
        .build();
  }

  /** How many pages one auto-paging iteration may fetch. */
  public int maxPages() {
    return maxPages;
  }

  /** The mapper (made at its first use). */
  public ObjectMapper mapper() {
    return mapper.get();
  }

  /** The conventions. */
  public OomnitzaConventions conventions() {
    return conventions;
  }

  /**
   * Checks one id that goes into a path and percent-encodes it (UTF-8; space as {@code %20}).
   *
   * @param name the parameter's name in messages, e.g. {@code ident}
   * @throws OomnitzaArgumentException when the id is empty, {@code .} or {@code ..}, or contains
   *     {@code /}, {@code ?}, {@code #} or a control character; nothing is sent
   */
  public static String segment(String name, String value) {
    Optional<String> problem = PathSegments.problem(value);
    if (problem.isPresent()) {
      throw new OomnitzaArgumentException(name, problem.get());
    }
    return PathSegments.encode(value);
  }

  /** Serialises {@code value} to JSON bytes. */
  public byte[] toJson(Object value) {
    try {
      return mapper().writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot serialise request body: " + e.getOriginalMessage(), e);
    }
  }

  /** Parses the body as JSON; empty body → {@link NullNode}; malformed → {@link OomnitzaResponseException}. */
  public JsonNode readTree(Response r) {
    if (r.isBlank()) {
      return NullNode.getInstance();
    }
    try {
      return mapper().readTree(r.body());
    } catch (IOException e) {
      throw new OomnitzaResponseException(r.status(), r.call().method(), r.path(), "malformed JSON", null);
    }
  }

  /** Converts a JSON tree to {@code type}; failures → {@link OomnitzaResponseException}. */
  public <T> T convert(Response r, JsonNode node, Class<T> type) {
    try {
      return mapper().treeToValue(node, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new OomnitzaResponseException(r.status(), r.call().method(), r.path(),
          "unexpected shape for " + type.getSimpleName(), null);
    }
  }

  /** Executes {@code call}; returns a 2xx response or throws a mapped {@link org.brexsync.oomnitza.OomnitzaException}. */
  public Response execute(Call call) {
    return core.execute(call);
  }

  /**
   * Executes {@code call} and reads the 2xx answer with {@code reader}. An answer to a GET that
   * the reader cannot read ({@link OomnitzaResponseException}: truncated or malformed) is retried
   * like a 5xx, within the same attempts; other calls are never repeated for it.
   */
  public <T> T execute(Call call, Function<Response, T> reader) {
    return core.execute(call, reader);
  }

  /** Oomnitza's exceptions for the outcomes of a call. */
  private final class Failures implements org.brexsync.http.internal.Transport.Failures {
    @Override
    public RuntimeException closed(Call call, String path) {
      return new OomnitzaClientClosedException("This OomnitzaClient has been closed; " + call.method()
          + " " + path + " was not sent. Build a new client (close() releases its connections).");
    }

    @Override
    public RuntimeException interrupted(Call call, String path, boolean waiting, InterruptedException e) {
      return new OomnitzaCancelledException((waiting ? "interrupted while waiting to retry Oomnitza "
          : "interrupted during Oomnitza ") + call.method() + " " + path, e);
    }

    @Override
    public RuntimeException cannotBuild(Call call, String path, String reason) {
      return new OomnitzaConfigurationException("Cannot build the HTTP request for " + call.method()
          + " " + path + " (nothing was sent): " + reason
          + ". Check the API token, the User-Agent, the connector source and the per-call headers.");
    }

    @Override
    public RuntimeException network(org.brexsync.http.internal.Transport.NetworkFailure f) {
      return new OomnitzaNetworkException(f.call().method(), f.path(), f.description(), f.cause());
    }

    @Override
    public RuntimeException status(Response r, int attempts) {
      return mapError(r);
    }

    @Override
    public boolean isGarbled(RuntimeException e) {
      return e instanceof OomnitzaResponseException;
    }
  }

  @SuppressWarnings("deprecation") // OomnitzaValidationException stays the thrown type until removed
  private OomnitzaApiException mapError(Response r) {
    String text = r.text();
    String message = redactor.redact(errorMessage(text));
    String excerpt = text.isBlank() ? null : redactor.excerpt(text);
    String m = r.call().method();
    String p = r.path();
    String traceId = r.traceId().orElse(null);
    int status = r.status();
    if (status == 401 || status == 403) {
      return new OomnitzaAuthenticationException(status, m, p, message, excerpt, traceId);
    }
    if (status == 404) {
      return new OomnitzaNotFoundException(status, m, p, message, excerpt, traceId);
    }
    if (status == 400 || status == 422) {
      return new OomnitzaValidationException(status, m, p, message, excerpt, traceId);
    }
    if (status == 429) {
      return new OomnitzaRateLimitException(m, p, message, excerpt, traceId,
          core.retryAfter(r.headers()).orElse(null));
    }
    if (status >= 500) {
      return new OomnitzaServerException(status, m, p, message, excerpt, traceId);
    }
    return new OomnitzaApiException(status, m, p, message, excerpt, traceId);
  }

  /** Oomnitza's 4xx body shape is undocumented: look for the usual keys. */
  private String errorMessage(String text) {
    if (text.isBlank()) {
      return null;
    }
    JsonNode n;
    try {
      n = mapper().readTree(text);
    } catch (IOException e) {
      return null;
    }
    if (n == null) {
      return null;
    }
    if (n.isTextual()) {
      return n.asText();
    }
    if (n.isArray()) {
      return joinScalars(n);
    }
    for (String k : new String[] {"error", "message", "detail", "errors", "non_field_errors", "error_message"}) {
      JsonNode v = n.get(k);
      if (v == null || v.isNull()) {
        continue;
      }
      if (v.isTextual()) {
        return v.asText();
      }
      if (v.isArray()) {
        String j = joinScalars(v);
        if (j != null) {
          return j;
        }
      }
      if (v.isObject()) {
        StringBuilder sb = new StringBuilder();
        Iterator<Map.Entry<String, JsonNode>> it = v.fields();
        while (it.hasNext()) {
          Map.Entry<String, JsonNode> e = it.next();
          if (sb.length() > 0) {
            sb.append("; ");
          }
          sb.append(e.getKey()).append(": ")
              .append(e.getValue().isArray() ? joinScalars(e.getValue()) : e.getValue().asText());
        }
        return sb.toString();
      }
      if (v.isValueNode()) {
        return v.asText();
      }
    }
    return null;
  }

  private static String joinScalars(JsonNode array) {
    StringBuilder sb = new StringBuilder();
    for (JsonNode e : array) {
      String s = e.isValueNode() ? e.asText() : e.has("message") ? e.get("message").asText() : e.toString();
      if (sb.length() > 0) {
        sb.append("; ");
      }
      sb.append(s);
    }
    return sb.length() == 0 ? null : sb.toString();
  }
}
