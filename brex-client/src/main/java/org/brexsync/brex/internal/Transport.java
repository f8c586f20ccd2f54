package org.brexsync.brex.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.brexsync.brex.BrexApiException;
import org.brexsync.brex.BrexAuthenticationException;
import org.brexsync.brex.BrexBadRequestException;
import org.brexsync.brex.BrexCardCreationLimitException;
import org.brexsync.brex.BrexClientClosedException;
import org.brexsync.brex.BrexConfigurationException;
import org.brexsync.brex.BrexException;
import org.brexsync.brex.BrexInterruptedException;
import org.brexsync.brex.BrexJson;
import org.brexsync.brex.BrexNetworkException;
import org.brexsync.brex.BrexNotFoundException;
import org.brexsync.brex.BrexPermissionException;
import org.brexsync.brex.BrexRateLimitException;
import org.brexsync.brex.BrexResponseException;
import org.brexsync.brex.BrexServerException;
import org.brexsync.brex.BrexTimeoutException;
import org.brexsync.brex.BrexTokenExpiredException;
import org.brexsync.brex.BrexValidationException;
import org.brexsync.brex.Page;
import org.brexsync.brex.RateLimiter;
import org.brexsync.brex.RequestOptions;
import org.brexsync.brex.RetryPolicy;
import org.brexsync.brex.TokenProvider;
import org.brexsync.brex.Violation;
import org.brexsync.http.RequestListener;
import org.brexsync.http.Sleeper;
import org.brexsync.http.internal.HttpResources;
import org.brexsync.http.internal.PathSegments;
import org.brexsync.http.internal.Redactor;
import org.brexsync.http.internal.Response;
import org.slf4j.LoggerFactory;

/**
 * What is Brex's in sending a call: the bearer token, Idempotency-Keys on writes (always on the
 * endpoints that require one), the card-number host, the card-creation budget, Brex's page and
 * error shapes and its exceptions. Sending, retries, rate limiting, logging and the listener are
 * the core's {@link org.brexsync.http.internal.Transport}. Immutable and thread-safe. Not public API.
 */
public final class Transport {
  private static final String TRACE_HEADER = "X-Brex-Trace-Id";

  private final org.brexsync.http.internal.Transport core;
  private final URI cardNumberBaseUri;
  private final TokenProvider tokens;
  private final RateLimiter cardCreationLimiter;
  private final Supplier<String> keys;

  private final int maxPages;
  private final Redactor redactor;
  // The last token put into a header: redacted from diagnostics without asking the provider again.
  private final AtomicReference<String> lastToken = new AtomicReference<>();

  /**
   * The mapper of every Brex transport: one copy of {@link BrexJson}'s, made when a transport first
   * reads or writes JSON rather than when it is built, because making it (Jackson, the Java-time
   * module, the model) is not needed to send the first request.
   */
  private static final class Json {
    static final ObjectMapper MAPPER = BrexJson.mapper();
  }

  private static ObjectMapper mapper() {
    return Json.MAPPER;
  }

  /**
   * Makes the transports' mapper and its reader of users, as reading the first answer would: for a
   * short-lived process's thread that has nothing else to do while that answer is on its way.
   */
  public static void warmUp() {
    try {
      mapper().readValue("{\"id\":\"cuuser_0\",\"first_name\":\"A\",\"last_name\":\"B\","
          + "\"email\":\"a@b.example\",\"status\":\"ACTIVE\"}", org.brexsync.brex.model.User.class);
    } catch (IOException e) {
      throw new IllegalStateException("the sample user no longer reads", e);
    }
  }

  /** Creates a transport; all arguments are required. */
  public Transport(
      HttpResources http, URI baseUri, URI cardNumberBaseUri, TokenProvider tokens, RetryPolicy retry,
      RateLimiter rateLimiter, RateLimiter cardCreationLimiter, String userAgent, java.time.Clock clock,
      Sleeper sleeper, Duration requestTimeout, Supplier<String> keys, RequestListener listener,
      int maxPages) {
    this.cardNumberBaseUri = cardNumberBaseUri;
    this.tokens = tokens;
    this.cardCreationLimiter = cardCreationLimiter;
    this.keys = keys;

    this.maxPages = maxPages;
    this.redactor = new Redactor(() -> {
      String t = lastToken.get();
      return t == null ? List.of() : List.of(t);
    });
    this.core = org.brexsync.http.internal.Transport.builder()
        .http(http).baseUri(baseUri).service("Brex")
        .log(LoggerFactory.getLogger("org.brexsync.brex.BrexClient"))
        .retry(retry).sleeper(sleeper).clock(clock).rateLimiter(rateLimiter).listener(listener)
        .redactor(redactor).requestTimeout(requestTimeout).userAgent(userAgent)
        .traceHeaders(List.of(TRACE_HEADER)).auth(this::authorize).failures(new Failures())
        .build();
  }

  /** How many pages one auto-paging iteration may fetch. */
  public int maxPages() {
    return maxPages;
  }

  /**
   * Checks one id that goes into a path and percent-encodes it (UTF-8, space as {@code %20}).
   *
   * @param name the parameter's name in messages, e.g. {@code id}
   * @throws BrexValidationException when the id is empty, {@code .} or {@code ..}, or contains
   *     {@code /}, {@code ?}, {@code #} or a control character; nothing is sent
   */
  public static String segment(String name, String value) {
    Optional<String> problem = PathSegments.problem(value);
    if (problem.isPresent()) {
      throw new BrexValidationException("path parameter", List.of(new Violation(name, problem.get())));
    }
    return PathSegments.encode(value);
  }

  /**
   * What one call needs to know beyond method and path. A call is made from a path template whose
   * {@code {name}} placeholders are filled, in order, with checked and encoded values: the path goes
   * on the wire, the template names the call to listeners ({@code GET /v2/users/{id}}), so no id
   * ever reaches a metric tag.
   */
  public static final class Call {
    final String method;
    final String path;
    final String operation;
    final List<Map.Entry<String, String>> query = new ArrayList<>();
    Object body;
    RequestOptions options = RequestOptions.defaults();
    boolean keyRequired;
    boolean cardNumberHost;
    boolean createsCard;
    boolean sensitiveResponse;

    private Call(String method, String template, String... values) {
      this.method = method;
      this.path = fill(template, values);
      this.operation = org.brexsync.http.internal.Call.operationOf(method, template);
    }

    /** The template with each {@code {name}} replaced by the next value, checked and encoded. */
    private static String fill(String template, String... values) {
      StringBuilder sb = new StringBuilder(template.length() + 32);
      int from = 0;
      int next = 0;
      for (int open = template.indexOf('{'); open >= 0; open = template.indexOf('{', from)) {
        int close = template.indexOf('}', open);
        if (close < 0 || next >= values.length) {
          throw new IllegalStateException("template " + template + " does not match its " + values.length + " values");
        }
        sb.append(template, from, open).append(segment(template.substring(open + 1, close), values[next++]));
        from = close + 1;
      }
      if (next != values.length) {
        throw new IllegalStateException("template " + template + " does not match its " + values.length + " values");
      }
      return sb.append(template, from, template.length()).toString();
    }

    /** A GET of {@code template} (e.g. {@code /v2/users/{id}}) filled with {@code values}. */
    public static Call get(String template, String... values) {
      return new Call("GET", template, values);
    }

    /** A POST of {@code template} filled with {@code values}. */
    public static Call post(String template, String... values) {
      return new Call("POST", template, values);
    }

    /** A PUT of {@code template} filled with {@code values}. */
    public static Call put(String template, String... values) {
      return new Call("PUT", template, values);
    }

    /** A DELETE of {@code template} filled with {@code values}. */
    public static Call delete(String template, String... values) {
      return new Call("DELETE", template, values);
    }

    /** Adds a query parameter when the value is present. */
    public Call query(String name, Optional<?> value) {
      value.ifPresent(v -> query.add(Map.entry(name, String.valueOf(v))));
      return this;
    }

    /** Adds a query parameter once per value. */
    public Call queryAll(String name, List<String> values) {
      values.forEach(v -> query.add(Map.entry(name, v)));
      return this;
    }

    /** JSON body. */
    public Call body(Object body) {
      this.body = body;
      return this;
    }

    /** Per-call options. */
    public Call options(RequestOptions options) {
      this.options = java.util.Objects.requireNonNull(options, "options");
      return this;
    }

    /** Brex requires an Idempotency-Key: always send one. */
    public Call keyRequired() {
      this.keyRequired = true;
      return this;
    }

    /** Use the card-number base URI. */
    public Call cardNumberHost() {
      this.cardNumberHost = true;
      return this;
    }

    /** Counts against the card-creation budget. */
    public Call createsCard() {
      this.createsCard = true;
      return this;
    }

    /** The response holds secrets: never quote its body. */
    public Call sensitiveResponse() {
      this.sensitiveResponse = true;
      return this;
    }

    boolean isWrite() {
      return method.equals("POST") || method.equals("PUT");
    }
  }

  /** Sends the call and reads the body as {@code type}. */
  public <T> T send(Call call, Class<T> type) {
    return execute(call, body -> mapper().readValue(body, type));
  }

  /** Sends the call and ignores the body. */
  public void sendNoContent(Call call) {
    execute(call, body -> Boolean.TRUE);
  }

  /** Sends the call and reads a JSON array of {@code type}. */
  public <T> List<T> sendList(Call call, Class<T> type) {
    return execute(call, body -> {
      JsonNode tree = mapper().readTree(body);
      if (tree == null || !tree.isArray()) {
        throw new IOException("expected a JSON array");
      }
      List<T> out = new ArrayList<>(tree.size());
      for (JsonNode n : tree) {
        out.add(mapper().treeToValue(n, type));
      }
      return out;
    });
  }

  /** Sends the call and reads a Brex page ({@code items}, {@code next_cursor}) of {@code type}. */
  public <T> Page<T> sendPage(Call call, Class<T> type) {
    // Read in one pass, straight into the model: a page of a thousand users used to become a JSON
    // tree first and then the models. The answer it accepts is the same: an object with an items
    // array (the last one, if the key repeats), next_cursor read as JsonNode.asText() read it.
    return execute(call, body -> {
      // asked for only once an answer is in: the mapper is not needed to send the request
      ObjectReader reader = mapper().readerFor(type);
      try (JsonParser p = mapper().getFactory().createParser(body)) {
        if (p.nextToken() != JsonToken.START_OBJECT) {
          throw new IOException("expected a page object with an items array");
        }
        List<T> items = null;
        String next = null;
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
          String name = p.currentName();
          JsonToken value = p.nextToken();
          if (name.equals("items")) {
            if (value != JsonToken.START_ARRAY) {
              throw new IOException("expected a page object with an items array");
            }
            items = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
              items.add(reader.readValue(p));
            }
          } else if (name.equals("next_cursor")) {
            next = value == JsonToken.VALUE_NULL ? null : value.isScalarValue() ? p.getText() : "";
            p.skipChildren();
          } else {
            p.skipChildren();
          }
        }
        if (items == null) {
          throw new IOException("expected a page object with an items array");
        }
        return new Page<>(items, next);
      }
    });
  }

  private interface Reader<T> {
    T read(byte[] body) throws IOException;
  }

  private <T> T execute(Call call, Reader<T> reader) {
    String path = redactor.redact(call.path);
    if (core.isClosed()) {
      throw closed(call.method, path);
    }
    String key = call.options.idempotencyKey().orElse(null);
    if (key == null && call.isWrite() && (call.keyRequired || call.options.autoIdempotencyKey())) {
      key = keys.get();
    }
    org.brexsync.http.internal.Call.Builder b = org.brexsync.http.internal.Call.of(call.method, call.path)
        .options(call.options).idempotencyKey(key).operation(call.operation).tag(call);
    call.query.forEach(q -> b.query(q.getKey(), q.getValue()));
    if (call.body != null) {
      b.body(serialize(call, path), "application/json");
    }
    if (call.cardNumberHost) {
      b.baseUri(cardNumberBaseUri);
    }
    if (call.createsCard && !cardCreationLimiter.tryAcquire()) {
      throw new BrexCardCreationLimitException(
          "Client-side card-creation budget exhausted (" + cardCreationLimiter.permits() + " per "
              + cardCreationLimiter.period() + ", Brex's documented limit); not sending "
              + call.method + " " + path + ". Try again later.");
    }
    return core.execute(b.build(), r -> decode(call, r, reader));
  }

  private <T> T decode(Call call, Response r, Reader<T> reader) {
    try {
      T value = reader.read(r.body());
      if (value == null) {
        throw new IOException("empty body");
      }
      return value;
    } catch (IOException | RuntimeException e) {
      String excerpt = call.sensitiveResponse ? "(redacted)" : redactor.excerpt(r.text());
      String cause = call.sensitiveResponse ? e.getClass().getSimpleName() : redactor.describe(e);
      // Jackson's own message quotes the input: the cause is dropped, its gist is in the message
      throw new BrexResponseException(
          "Unexpected response body from Brex for " + call.method + " " + r.path() + " (HTTP "
              + r.status() + ", trace id " + r.traceId().orElse("none")
              + (r.attempt() > 1 ? ", " + r.attempt() + " attempts" : "") + "): " + cause
              + "; body starts: " + excerpt,
          r.status(), call.method, r.path(), excerpt, null);
    }
  }

  /**
   * The bearer token of one attempt. The token is asked for (and checked) on every attempt so a
   * rotating provider is honoured.
   */
  private Object authorize(org.brexsync.http.internal.Call call, String path, HttpRequest.Builder b) {
    String token;
    try {
      token = Tokens.check(tokens.token(), "The Brex API token returned by the TokenProvider");
      lastToken.set(token);
    } catch (BrexConfigurationException e) {
      throw new BrexConfigurationException(e.getMessage() + " (" + call.method() + " " + path
          + " was not sent)");
    }
    b.header("Authorization", "Bearer " + token);
    return token;
  }

  private byte[] serialize(Call call, String path) {
    try {
      return mapper().writeValueAsBytes(call.body);
    } catch (IOException e) {
      throw new BrexException("Cannot serialize the body of " + call.method + " " + path
          + ": " + redactor.describe(e));
    }
  }

  private static BrexClientClosedException closed(String method, String path) {
    return new BrexClientClosedException("This BrexClient has been closed; " + method + " "
        + path + " was not sent. Build a new client (close() releases its connections).");
  }

  /** Brex's exceptions for the outcomes of a call. */
  private final class Failures implements org.brexsync.http.internal.Transport.Failures {
    @Override
    public RuntimeException closed(org.brexsync.http.internal.Call call, String path) {
      return Transport.closed(call.method(), path);
    }

    @Override
    public RuntimeException interrupted(org.brexsync.http.internal.Call call, String path,
        boolean waiting, InterruptedException e) {
      return new BrexInterruptedException("Interrupted while waiting "
          + (waiting ? "to send Brex " : "for Brex ") + call.method() + " " + path, e);
    }

    @Override
    public RuntimeException cannotBuild(org.brexsync.http.internal.Call call, String path, String reason) {
      return new BrexConfigurationException("Cannot build the HTTP request for " + call.method() + " "
          + path + " (nothing was sent): " + reason
          + ". Check the User-Agent, the Idempotency-Key and the per-call headers.");
    }

    @Override
    public RuntimeException network(org.brexsync.http.internal.Transport.NetworkFailure f) {
      String msg = "Brex " + f.call().method() + " " + f.path() + " failed after " + f.attempts()
          + " attempt" + (f.attempts() == 1 ? "" : "s") + ": " + f.description()
          + (f.call().idempotency() == org.brexsync.http.internal.Call.Idempotency.NOT_REPEATABLE
              ? " (not retried: a write without Idempotency-Key is never replayed)" : "");
      return f.timedOut()
          ? new BrexTimeoutException(msg, f.call().method(), f.path(), f.cause())
          : new BrexNetworkException(msg, f.call().method(), f.path(), f.cause());
    }

    @Override
    public boolean isGarbled(RuntimeException e) {
      return e instanceof BrexResponseException;
    }

    @Override
    public RuntimeException status(Response r, int attempts) {
      return error((Call) r.call().tag(), r, attempts);
    }
  }

  private BrexException error(Call call, Response r, int attempts) {
    String path = r.path();
    String type = "";
    String code = "";
    String message = "";
    String text = r.text();
    try {
      JsonNode n = mapper().readTree(text);
      if (n != null && n.isObject()) {
        type = n.path("type").asText("");
        code = n.path("code").asText("");
        message = n.path("message").asText("");
      }
    } catch (IOException | RuntimeException notJson) {
      message = "";
    }
    // classified on what Brex said; only redacted text reaches the exception
    boolean expired = (message + " " + code + " " + type).toLowerCase(Locale.ROOT).contains("expired");
    if (message.isEmpty() && !call.sensitiveResponse) {
      message = redactor.excerpt(text);
    }
    type = redactor.redact(type);
    code = redactor.redact(code);
    message = redactor.redact(message);
    String trace = r.traceId().orElse("");
    StringBuilder sb = new StringBuilder("Brex ").append(call.method).append(' ').append(path)
        .append(" failed: HTTP ").append(r.status());
    if (!type.isEmpty()) {
      sb.append(' ').append(type);
    }
    if (!code.isEmpty()) {
      sb.append(" (").append(code).append(')');
    }
    if (!message.isEmpty()) {
      sb.append(": ").append(message);
    }
    sb.append(" [trace id ").append(trace.isEmpty() ? "none" : trace);
    if (attempts > 1) {
      sb.append(", ").append(attempts).append(" attempts");
    }
    sb.append(']');
    String base = sb.toString();
    int s = r.status();
    if (s == 401) {
      return new BrexAuthenticationException(base + ". The API token is invalid or has been revoked."
          + " An account admin or card admin can create a new user token in the Brex dashboard"
          + " under Developer > Settings (Developer settings).",
          s, type, code, message, trace, call.method, path);
    }
    if (s == 403 && expired) {
      return new BrexTokenExpiredException(base + ". The API token has expired: Brex user tokens"
          + " expire after a period without any API call (30 days per Brex's FAQ; 90 per its"
          + " authentication page). Create a new token under Developer settings in the Brex dashboard"
          + " (account admin or card admin) and use it regularly.",
          s, type, code, message, trace, call.method, path);
    }
    if (s == 403) {
      return new BrexPermissionException(base + ". The token lacks a required scope, or its user"
          + " lacks the required role (most endpoints need an account admin or card admin), or the"
          + " account lacks the feature.",
          s, type, code, message, trace, call.method, path);
    }
    if (s == 404) {
      return new BrexNotFoundException(base, s, type, code, message, trace, call.method, path);
    }
    if (s == 429) {
      Duration ra = core.retryAfter(r.headers()).orElse(null);
      return new BrexRateLimitException(base + ". Brex rate limit exceeded (1,000 requests per 60 s"
          + " per client and account)" + (ra == null ? "" : "; Retry-After " + ra.toSeconds() + " s"),
          s, type, code, message, trace, call.method, path, ra);
    }
    if (s >= 500) {
      return new BrexServerException(base, s, type, code, message, trace, call.method, path);
    }
    if (s >= 400) {
      return new BrexBadRequestException(base, s, type, code, message, trace, call.method, path);
    }
    return new BrexApiException(base + " (unexpected status)", s, type, code, message, trace,
        call.method, path);
  }
}
