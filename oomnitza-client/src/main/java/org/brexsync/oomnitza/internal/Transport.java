package org.brexsync.oomnitza.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
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
import org.brexsync.oomnitza.Sleeper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends calls: authentication header, retries with backoff and {@code Retry-After}, one token
 * refresh per call on 401, error mapping, DEBUG/WARN logging without bodies or secrets. Every
 * excerpt of a body, header or URL that reaches a message or a log line goes through one {@link
 * Redactor}.
 */
public final class Transport {
  private static final Logger LOG = LoggerFactory.getLogger("org.brexsync.oomnitza");

  private final String baseUri;
  private final HttpResources http;
  private final Authenticator auth;
  private final RetryPolicy retry;
  private final Sleeper sleeper;
  private final Clock clock;
  private final DoubleSupplier random;
  private final Duration requestTimeout;
  private final OomnitzaConventions conventions;
  private final String userAgent;
  private final Optional<String> connectorSource;
  private final ObjectMapper mapper;
  private final int maxPages;
  private final Redactor redactor;

  /** Creates a transport; all arguments are required except {@code connectorSource}. */
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
      ObjectMapper mapper,
      int maxPages) {
    String b = baseUri.toString();
    this.baseUri = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    this.http = http;
    this.auth = auth;
    this.retry = retry;
    this.sleeper = sleeper;
    this.clock = clock;
    this.random = random;
    this.requestTimeout = requestTimeout;
    this.conventions = conventions;
    this.userAgent = userAgent;
    this.connectorSource = connectorSource;
    this.mapper = mapper;
    this.maxPages = maxPages;
    this.redactor = new Redactor(() -> {
      java.util.List<String> out = new java.util.ArrayList<>();
      auth.secrets().forEach(out::add);
      return out;
    });
  }

  /** The redaction of this client's secrets and of secret-shaped text. */
  public Redactor redactor() {
    return redactor;
  }

  /** How many pages one auto-paging iteration may fetch. */
  public int maxPages() {
    return maxPages;
  }

  /** Whether the client was closed. */
  public boolean isClosed() {
    return http.isClosed();
  }

  /** The mapper. */
  public ObjectMapper mapper() {
    return mapper;
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
    Optional<String> problem = segmentProblem(value);
    if (problem.isPresent()) {
      throw new OomnitzaArgumentException(name, problem.get());
    }
    return encode(value);
  }

  /** Why {@code value} cannot be one path segment, if it cannot. */
  public static Optional<String> segmentProblem(String value) {
    if (value == null || value.isEmpty()) {
      return Optional.of("must not be empty");
    }
    if (value.isBlank()) {
      return Optional.of("must not be blank");
    }
    if (value.equals(".") || value.equals("..")) {
      return Optional.of("must not be '.' or '..' (it would change the path)");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '/' || c == '?' || c == '#') {
        return Optional.of("must not contain '" + c + "' (it would change the path)");
      }
      if (Character.isISOControl(c)) {
        return Optional.of("must not contain control characters");
      }
    }
    return Optional.empty();
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Serialises {@code value} to JSON bytes. */
  public byte[] toJson(Object value) {
    try {
      return mapper.writeValueAsBytes(value);
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
      return mapper.readTree(r.body());
    } catch (IOException e) {
      throw new OomnitzaResponseException(r.status(), r.call.method, redactor.redact(r.call.path),
          "malformed JSON", null);
    }
  }

  /** Converts a JSON tree to {@code type}; failures → {@link OomnitzaResponseException}. */
  public <T> T convert(Response r, JsonNode node, Class<T> type) {
    try {
      return mapper.treeToValue(node, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new OomnitzaResponseException(r.status(), r.call.method, redactor.redact(r.call.path),
          "unexpected shape for " + type.getSimpleName(), null);
    }
  }

  /** Executes {@code call}; returns a 2xx response or throws a mapped {@link org.brexsync.oomnitza.OomnitzaException}. */
  public Response execute(Call call) {
    return execute(call, r -> r);
  }

  /**
   * Executes {@code call} and reads the 2xx answer with {@code reader}. An answer to a GET that
   * the reader cannot read ({@link OomnitzaResponseException}: truncated or malformed) is retried
   * like a 5xx, within the same attempts; other calls are never repeated for it.
   */
  public <T> T execute(Call call, Function<Response, T> reader) {
    String path = redactor.redact(call.path);
    ensureOpen(call, path);
    int attempt = 1;
    boolean refreshed = false;
    while (true) {
      ensureOpen(call, path);
      Authenticator.TokenState token = call.authenticated ? auth.current(this) : null;
      HttpRequest request = buildRequest(call, path, token);
      long start = clock.millis();
      HttpResponse<byte[]> resp;
      if (!http.enter()) {
        throw closed(call, path);
      }
      try {
        resp = http.client().send(request, HttpResponse.BodyHandlers.ofByteArray());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new OomnitzaCancelledException(
            "interrupted during Oomnitza " + call.method + " " + path, e);
      } catch (RuntimeException e) {
        // typed and redacted, never raw
        throw new OomnitzaNetworkException(call.method, path, redactor.describe(e), null);
      } catch (IOException e) {
        boolean connectFailure = isConnectFailure(e);
        String what = describe(e, connectFailure);
        boolean mayRetry = retry.retryNetworkErrors()
            && attempt < retry.maxAttempts()
            && (connectFailure || call.idempotency == Call.Idempotency.IDEMPOTENT);
        if (mayRetry) {
          Duration d = retry.backoff(attempt, random.getAsDouble());
          LOG.warn("Oomnitza {} {} failed ({}); retry {} of {} in {} ms",
              call.method, path, what, attempt, retry.maxAttempts() - 1, d.toMillis());
          sleep(d, call, path);
          attempt++;
          continue;
        }
        throw new OomnitzaNetworkException(call.method, path, what, e);
      } finally {
        http.exit();
      }
      int status = resp.statusCode();
      String traceId = traceId(resp.headers());
      if (LOG.isDebugEnabled()) {
        LOG.debug("Oomnitza {} {} -> {} (attempt {}, {} ms{})", call.method, path, status, attempt,
            clock.millis() - start, traceId == null ? "" : ", trace " + traceId);
      }
      if (status >= 200 && status < 300) {
        Response response = new Response(status, resp.headers(), resp.body(), call);
        try {
          return reader.apply(response);
        } catch (OomnitzaResponseException garbled) {
          // An unreadable answer to a read is retried like a 5xx: one bad page must not fail a sync.
          if (!call.method.equals("GET") || attempt >= retry.maxAttempts()) {
            throw garbled;
          }
          Duration d = retry.backoff(attempt, random.getAsDouble());
          LOG.warn("Oomnitza {} {} -> {} with an unreadable body; retry {} of {} in {} ms",
              call.method, path, status, attempt, retry.maxAttempts() - 1, d.toMillis());
          sleep(d, call, path);
          attempt++;
          continue;
        }
      }
      if (status == 401 && call.authenticated && !refreshed) {
        Optional<Authenticator.TokenState> fresh = auth.refresh(this, token);
        if (fresh.isPresent()) {
          refreshed = true;
          LOG.debug("Oomnitza {} {} -> 401; token refreshed, repeating once", call.method, path);
          continue;
        }
      }
      if (retry.retryStatuses().contains(status)
          && attempt < retry.maxAttempts()
          && (call.idempotency == Call.Idempotency.IDEMPOTENT || status == 429 || status == 503)) {
        Optional<Duration> retryAfter = retryAfter(resp.headers());
        if (retryAfter.isPresent() && retryAfter.get().compareTo(retry.maxRetryAfter()) > 0) {
          throw mapError(call, path, status, resp.headers(), resp.body(), traceId);
        }
        int retryNumber = attempt;
        Duration d = retryAfter.orElseGet(() -> retry.backoff(retryNumber, random.getAsDouble()));
        LOG.warn("Oomnitza {} {} -> {}; retry {} of {} in {} ms",
            call.method, path, status, attempt, retry.maxAttempts() - 1, d.toMillis());
        sleep(d, call, path);
        attempt++;
        continue;
      }
      throw mapError(call, path, status, resp.headers(), resp.body(), traceId);
    }
  }

  private void ensureOpen(Call call, String path) {
    if (http.isClosed()) {
      throw closed(call, path);
    }
  }

  private static OomnitzaClientClosedException closed(Call call, String path) {
    return new OomnitzaClientClosedException("This OomnitzaClient has been closed; " + call.method
        + " " + path + " was not sent. Build a new client (close() releases its connections).");
  }

  private void sleep(Duration d, Call call, String path) {
    try {
      sleeper.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OomnitzaCancelledException(
          "interrupted while waiting to retry Oomnitza " + call.method + " " + path, e);
    }
  }

  /**
   * The HTTP request of one attempt. Any failure to build it (a token or header value the JDK
   * refuses) becomes a typed exception with a redacted message, never the JDK's own message,
   * which quotes the header value.
   */
  private HttpRequest buildRequest(Call call, String path, Authenticator.TokenState token) {
    try {
      return request(call, token);
    } catch (IllegalArgumentException | IllegalStateException e) {
      String m = String.valueOf(e.getMessage());
      int nl = m.indexOf('\n');
      throw new OomnitzaConfigurationException("Cannot build the HTTP request for " + call.method + " "
          + path + " (nothing was sent): " + redactor.redact(nl < 0 ? m : m.substring(0, nl),
              token == null ? java.util.List.of() : java.util.List.of(token.token))
          + ". Check the API token, the User-Agent, the connector source and the per-call headers.");
    }
  }

  private HttpRequest request(Call call, Authenticator.TokenState token) {
    StringBuilder uri = new StringBuilder(baseUri).append(call.path);
    String sep = "?";
    if (call.rawQuery != null && !call.rawQuery.isEmpty()) {
      uri.append('?').append(call.rawQuery);
      sep = "&";
    }
    for (Map.Entry<String, String> q : call.query) {
      uri.append(sep).append(encode(q.getKey())).append('=').append(encode(q.getValue()));
      sep = "&";
    }
    RequestOptions o = call.options;
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(uri.toString()))
        .timeout(o.timeout().orElse(requestTimeout))
        .header("Accept", "application/json")
        .header("User-Agent", userAgent);
    if (token != null) {
      b.header("Authorization2", token.token);
      if (token.csrfToken != null) {
        b.header("X-CSRF-Token", token.csrfToken);
      }
    }
    connectorSource.ifPresent(s -> b.header("X-Connector-Source", s));
    if (o.ignoreMetaRestriction()) {
      b.header("Oomnitza-Ignore-Meta-Restriction", "1");
    }
    if (o.allowUnknownMetaFields()) {
      b.header("Oomnitza-Allow-Unknown-Meta-Fields", "1");
    }
    if (o.notTriggerWorkflows()) {
      b.header("Oomnitza-Not-Trigger-WF", "1");
    }
    o.extraHeaders().forEach(b::header);
    if (call.body != null) {
      b.header("Content-Type", call.contentType);
      b.method(call.method, HttpRequest.BodyPublishers.ofByteArray(call.body));
    } else {
      b.method(call.method, HttpRequest.BodyPublishers.noBody());
    }
    return b.build();
  }

  private static boolean isConnectFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException || t instanceof HttpConnectTimeoutException) {
        return true;
      }
    }
    return false;
  }

  private static String describe(IOException e, boolean connectFailure) {
    if (e instanceof HttpConnectTimeoutException) {
      return "connect timed out";
    }
    if (e instanceof HttpTimeoutException) {
      return "request timed out";
    }
    if (connectFailure) {
      return "connection failed";
    }
    return "I/O error (" + e.getClass().getSimpleName() + ")";
  }

  private String traceId(HttpHeaders headers) {
    for (String h : conventions.traceIdHeaders()) {
      Optional<String> v = headers.firstValue(h);
      if (v.isPresent()) {
        // a header is server text like a body: redacted before a log line or a message
        return redactor.redact(v.get());
      }
    }
    return null;
  }

  Optional<Duration> retryAfter(HttpHeaders headers) {
    Optional<String> v = headers.firstValue("Retry-After");
    if (v.isEmpty()) {
      return Optional.empty();
    }
    String s = v.get().trim();
    try {
      long secs = Long.parseLong(s);
      return Optional.of(Duration.ofSeconds(Math.max(0, secs)));
    } catch (NumberFormatException ignored) {
      // an HTTP-date instead
    }
    try {
      ZonedDateTime at = ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration d = Duration.between(clock.instant(), at.toInstant());
      return Optional.of(d.isNegative() ? Duration.ZERO : d);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private OomnitzaApiException mapError(
      Call call, String path, int status, HttpHeaders headers, byte[] body, String traceId) {
    String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
    String message = redactor.redact(errorMessage(text));
    String excerpt = text.isBlank() ? null : redactor.excerpt(text);
    String m = call.method;
    String p = path;
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
      return new OomnitzaRateLimitException(m, p, message, excerpt, traceId, retryAfter(headers).orElse(null));
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
      n = mapper.readTree(text);
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

  /** Removes every known secret and secret-shaped value from diagnostic text. */
  String redact(String text) {
    return redactor.redact(text);
  }
}
