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
import org.brexsync.oomnitza.OomnitzaApiException;
import org.brexsync.oomnitza.OomnitzaAuthenticationException;
import org.brexsync.oomnitza.OomnitzaCancelledException;
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
 * refresh per call on 401, error mapping, DEBUG/WARN logging without bodies or secrets.
 */
public final class Transport {
  private static final Logger LOG = LoggerFactory.getLogger("org.brexsync.oomnitza");
  private static final int EXCERPT = 300;

  private final String baseUri;
  private final HttpClient http;
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

  /** Creates a transport; all arguments are required except {@code connectorSource}. */
  public Transport(
      URI baseUri,
      HttpClient http,
      Authenticator auth,
      RetryPolicy retry,
      Sleeper sleeper,
      Clock clock,
      DoubleSupplier random,
      Duration requestTimeout,
      OomnitzaConventions conventions,
      String userAgent,
      Optional<String> connectorSource,
      ObjectMapper mapper) {
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
  }

  /** The mapper. */
  public ObjectMapper mapper() {
    return mapper;
  }

  /** The conventions. */
  public OomnitzaConventions conventions() {
    return conventions;
  }

  /** Percent-encodes one path segment (UTF-8; space as {@code %20}). */
  public static String segment(String value) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("an id in a path must not be empty");
    }
    return encode(value);
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
      throw new OomnitzaResponseException(r.status(), r.call.method, r.call.path, "malformed JSON", null);
    }
  }

  /** Converts a JSON tree to {@code type}; failures → {@link OomnitzaResponseException}. */
  public <T> T convert(Response r, JsonNode node, Class<T> type) {
    try {
      return mapper.treeToValue(node, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new OomnitzaResponseException(r.status(), r.call.method, r.call.path,
          "unexpected shape for " + type.getSimpleName(), null);
    }
  }

  /** Executes {@code call}; returns a 2xx response or throws a mapped {@link org.brexsync.oomnitza.OomnitzaException}. */
  public Response execute(Call call) {
    int attempt = 1;
    boolean refreshed = false;
    while (true) {
      Authenticator.TokenState token = call.authenticated ? auth.current(this) : null;
      HttpRequest request = buildRequest(call, token);
      long start = clock.millis();
      HttpResponse<byte[]> resp;
      try {
        resp = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new OomnitzaCancelledException(
            "interrupted during Oomnitza " + call.method + " " + call.path, e);
      } catch (IOException e) {
        boolean connectFailure = isConnectFailure(e);
        String what = describe(e, connectFailure);
        boolean mayRetry = retry.retryNetworkErrors()
            && attempt < retry.maxAttempts()
            && (connectFailure || call.idempotency == Call.Idempotency.IDEMPOTENT);
        if (mayRetry) {
          Duration d = retry.backoff(attempt, random.getAsDouble());
          LOG.warn("Oomnitza {} {} failed ({}); retry {} of {} in {} ms",
              call.method, call.path, what, attempt, retry.maxAttempts() - 1, d.toMillis());
          sleep(d, call);
          attempt++;
          continue;
        }
        throw new OomnitzaNetworkException(call.method, call.path, what, e);
      }
      int status = resp.statusCode();
      String traceId = traceId(resp.headers());
      if (LOG.isDebugEnabled()) {
        LOG.debug("Oomnitza {} {} -> {} (attempt {}, {} ms{})", call.method, call.path, status, attempt,
            clock.millis() - start, traceId == null ? "" : ", trace " + traceId);
      }
      if (status >= 200 && status < 300) {
        return new Response(status, resp.headers(), resp.body(), call);
      }
      if (status == 401 && call.authenticated && !refreshed) {
        Optional<Authenticator.TokenState> fresh = auth.refresh(this, token);
        if (fresh.isPresent()) {
          refreshed = true;
          LOG.debug("Oomnitza {} {} -> 401; token refreshed, repeating once", call.method, call.path);
          continue;
        }
      }
      if (retry.retryStatuses().contains(status)
          && attempt < retry.maxAttempts()
          && (call.idempotency == Call.Idempotency.IDEMPOTENT || status == 429 || status == 503)) {
        Optional<Duration> retryAfter = retryAfter(resp.headers());
        if (retryAfter.isPresent() && retryAfter.get().compareTo(retry.maxRetryAfter()) > 0) {
          throw mapError(call, status, resp.headers(), resp.body(), traceId);
        }
        int retryNumber = attempt;
        Duration d = retryAfter.orElseGet(() -> retry.backoff(retryNumber, random.getAsDouble()));
        LOG.warn("Oomnitza {} {} -> {}; retry {} of {} in {} ms",
            call.method, call.path, status, attempt, retry.maxAttempts() - 1, d.toMillis());
        sleep(d, call);
        attempt++;
        continue;
      }
      throw mapError(call, status, resp.headers(), resp.body(), traceId);
    }
  }

  private void sleep(Duration d, Call call) {
    try {
      sleeper.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OomnitzaCancelledException(
          "interrupted while waiting to retry Oomnitza " + call.method + " " + call.path, e);
    }
  }

  private HttpRequest buildRequest(Call call, Authenticator.TokenState token) {
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
        return v.get();
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

  private OomnitzaApiException mapError(Call call, int status, HttpHeaders headers, byte[] body, String traceId) {
    String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
    String message = redact(errorMessage(text));
    String excerpt = text.isBlank() ? null
        : redact(text.length() > EXCERPT ? text.substring(0, EXCERPT) + "…" : text);
    String m = call.method;
    String p = call.path;
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

  /** Removes every known secret from diagnostic text. */
  String redact(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (String secret : auth.secrets()) {
      if (secret != null && secret.length() >= 4) {
        out = out.replace(secret, "****");
        // A server echoing the login form would show the password form-encoded.
        out = out.replace(URLEncoder.encode(secret, StandardCharsets.UTF_8), "****");
      }
    }
    return out;
  }
}
