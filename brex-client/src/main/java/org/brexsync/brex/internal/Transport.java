package org.brexsync.brex.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.brexsync.brex.BrexApiException;
import org.brexsync.brex.BrexAuthenticationException;
import org.brexsync.brex.BrexBadRequestException;
import org.brexsync.brex.BrexCardCreationLimitException;
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
import org.brexsync.brex.Page;
import org.brexsync.brex.RateLimiter;
import org.brexsync.brex.RequestListener;
import org.brexsync.brex.RequestOptions;
import org.brexsync.brex.RetryPolicy;
import org.brexsync.brex.Sleeper;
import org.brexsync.brex.TokenProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one logical call with auth, rate limiting, idempotency keys and retries, and maps the
 * outcome to a value or a typed exception. Immutable and thread-safe. Not public API.
 */
public final class Transport {
  private static final Logger LOG = LoggerFactory.getLogger("org.brexsync.brex.BrexClient");
  private static final String TRACE_HEADER = "X-Brex-Trace-Id";

  private final HttpClient http;
  private final URI baseUri;
  private final URI cardNumberBaseUri;
  private final TokenProvider tokens;
  private final RetryPolicy retry;
  private final RateLimiter rateLimiter;
  private final RateLimiter cardCreationLimiter;
  private final String userAgent;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration requestTimeout;
  private final Supplier<String> keys;
  private final ObjectMapper mapper;
  private final RequestListener listener;

  /** Creates a transport; all arguments are required. */
  public Transport(
      HttpClient http, URI baseUri, URI cardNumberBaseUri, TokenProvider tokens, RetryPolicy retry,
      RateLimiter rateLimiter, RateLimiter cardCreationLimiter, String userAgent, Clock clock,
      Sleeper sleeper, Duration requestTimeout, Supplier<String> keys, RequestListener listener) {
    this.http = http;
    this.baseUri = stripSlash(baseUri);
    this.cardNumberBaseUri = stripSlash(cardNumberBaseUri);
    this.tokens = tokens;
    this.retry = retry;
    this.rateLimiter = rateLimiter;
    this.cardCreationLimiter = cardCreationLimiter;
    this.userAgent = userAgent;
    this.clock = clock;
    this.sleeper = sleeper;
    this.requestTimeout = requestTimeout;
    this.keys = keys;
    this.mapper = BrexJson.mapper();
    this.listener = listener;
  }

  private static URI stripSlash(URI u) {
    String s = u.toString();
    return s.endsWith("/") ? URI.create(s.substring(0, s.length() - 1)) : u;
  }

  /** Percent-encodes one path segment (an id). */
  public static String segment(String id) {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("id must not be blank");
    }
    return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** What one call needs to know beyond method and path. */
  public static final class Call {
    final String method;
    final String path;
    final List<Map.Entry<String, String>> query = new ArrayList<>();
    Object body;
    RequestOptions options = RequestOptions.defaults();
    boolean keyRequired;
    boolean cardNumberHost;
    boolean createsCard;
    boolean sensitiveResponse;

    private Call(String method, String path) {
      this.method = method;
      this.path = path;
    }

    /** A GET. */
    public static Call get(String path) {
      return new Call("GET", path);
    }

    /** A POST. */
    public static Call post(String path) {
      return new Call("POST", path);
    }

    /** A PUT. */
    public static Call put(String path) {
      return new Call("PUT", path);
    }

    /** A DELETE. */
    public static Call delete(String path) {
      return new Call("DELETE", path);
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
      this.options = options;
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
    Response r = execute(call);
    return decode(call, r, () -> mapper.readValue(r.body, type));
  }

  /** Sends the call and ignores the body. */
  public void sendNoContent(Call call) {
    execute(call);
  }

  /** Sends the call and reads a JSON array of {@code type}. */
  public <T> List<T> sendList(Call call, Class<T> type) {
    Response r = execute(call);
    return decode(call, r, () -> {
      JsonNode tree = mapper.readTree(r.body);
      if (tree == null || !tree.isArray()) {
        throw new IOException("expected a JSON array");
      }
      List<T> out = new ArrayList<>(tree.size());
      for (JsonNode n : tree) {
        out.add(mapper.treeToValue(n, type));
      }
      return out;
    });
  }

  /** Sends the call and reads a Brex page ({@code items}, {@code next_cursor}) of {@code type}. */
  public <T> Page<T> sendPage(Call call, Class<T> type) {
    Response r = execute(call);
    return decode(call, r, () -> {
      JsonNode tree = mapper.readTree(r.body);
      if (tree == null || !tree.isObject() || !tree.path("items").isArray()) {
        throw new IOException("expected a page object with an items array");
      }
      List<T> items = new ArrayList<>(tree.get("items").size());
      for (JsonNode n : tree.get("items")) {
        items.add(mapper.treeToValue(n, type));
      }
      JsonNode next = tree.get("next_cursor");
      return new Page<>(items, next == null || next.isNull() ? null : next.asText());
    });
  }

  private interface Reader<T> {
    T read() throws IOException;
  }

  private <T> T decode(Call call, Response r, Reader<T> reader) {
    try {
      T value = reader.read();
      if (value == null) {
        throw new IOException("empty body");
      }
      return value;
    } catch (IOException | RuntimeException e) {
      String text = new String(r.body, StandardCharsets.UTF_8);
      String excerpt = call.sensitiveResponse ? "(redacted)" : Excerpts.excerpt(text);
      String cause = call.sensitiveResponse ? e.getClass().getSimpleName() : Excerpts.describe(e);
      throw new BrexResponseException(
          "Unexpected response body from Brex for " + call.method + " " + call.path + " (HTTP "
              + r.status + ", trace id " + r.traceId.orElse("none") + "): " + cause
              + "; body starts: " + excerpt,
          r.status, call.method, call.path, excerpt, call.sensitiveResponse ? null : e);
    }
  }

  private static final class Response {
    final int status;
    final byte[] body;
    final Optional<String> traceId;
    final HttpResponse<byte[]> raw;

    Response(HttpResponse<byte[]> raw) {
      this.raw = raw;
      this.status = raw.statusCode();
      this.body = raw.body() == null ? new byte[0] : raw.body();
      this.traceId = raw.headers().firstValue(TRACE_HEADER);
    }
  }

  private Response execute(Call call) {
    String key = call.options.idempotencyKey().orElse(null);
    if (key == null && call.isWrite() && (call.keyRequired || call.options.autoIdempotencyKey())) {
      key = keys.get();
    }
    boolean replayable = !call.isWrite() || key != null;
    byte[] body = serialize(call);
    if (call.createsCard && !cardCreationLimiter.tryAcquire()) {
      throw new BrexCardCreationLimitException(
          "Client-side card-creation budget exhausted (" + cardCreationLimiter.permits() + " per "
              + cardCreationLimiter.period() + ", Brex's documented limit); not sending "
              + call.method + " " + call.path + ". Try again later.");
    }
    URI uri = uri(call);
    Duration timeout = call.options.timeout().orElse(requestTimeout);
    Instant started = clock.instant();
    for (int attempt = 1; ; attempt++) {
      pause(rateLimiter.reserve(), call);
      HttpRequest request = request(call, uri, body, key, timeout);
      Instant t0 = clock.instant();
      HttpResponse<byte[]> raw;
      try {
        raw = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new BrexInterruptedException(
            "Interrupted while waiting for Brex " + call.method + " " + call.path, e);
      } catch (IOException e) {
        boolean timedOut = e instanceof HttpTimeoutException;
        LOG.debug("Brex {} {} -> {} (attempt {}, {} ms)", call.method, call.path,
            e.getClass().getSimpleName(), attempt, millisSince(t0));
        Optional<Duration> wait = replayable && retry.retryNetworkErrors()
            ? nextDelay(attempt, Optional.empty(), started) : Optional.empty();
        notify(new RequestListener.Attempt(call.method, call.path, attempt, Optional.empty(),
            Duration.between(t0, clock.instant()), Optional.empty(),
            Optional.of(e.getClass().getSimpleName()), wait.isPresent()));
        if (wait.isPresent()) {
          LOG.warn("Retrying Brex {} {} after {} (attempt {}/{}), waiting {} ms", call.method,
              call.path, e.getClass().getSimpleName(), attempt, retry.maxAttempts(),
              wait.get().toMillis());
          pause(wait.get(), call);
          continue;
        }
        String msg = "Brex " + call.method + " " + call.path + " failed after " + attempt
            + " attempt" + (attempt == 1 ? "" : "s") + ": "
            + (e instanceof HttpConnectTimeoutException ? "connect timeout"
                : timedOut ? "timeout (" + timeout.toMillis() + " ms)"
                : e instanceof ConnectException ? "connection refused or unreachable"
                : e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()))
            + (replayable ? "" : " (not retried: a write without Idempotency-Key is never replayed)");
        throw timedOut
            ? new BrexTimeoutException(msg, call.method, call.path, e)
            : new BrexNetworkException(msg, call.method, call.path, e);
      }
      Response r = new Response(raw);
      Duration took = Duration.between(t0, clock.instant());
      LOG.debug("Brex {} {} -> {} (attempt {}, {} ms, trace id {})", call.method, call.path,
          r.status, attempt, took.toMillis(), r.traceId.orElse("none"));
      if (r.status >= 200 && r.status < 300) {
        notify(new RequestListener.Attempt(call.method, call.path, attempt, Optional.of(r.status),
            took, r.traceId, Optional.empty(), false));
        return r;
      }
      Optional<Duration> wait = replayable && retry.retryableStatuses().contains(r.status)
          ? nextDelay(attempt, retryAfter(raw), started) : Optional.empty();
      notify(new RequestListener.Attempt(call.method, call.path, attempt, Optional.of(r.status),
          took, r.traceId, Optional.empty(), wait.isPresent()));
      if (wait.isPresent()) {
        LOG.warn("Retrying Brex {} {} after HTTP {} (attempt {}/{}, trace id {}), waiting {} ms",
            call.method, call.path, r.status, attempt, retry.maxAttempts(),
            r.traceId.orElse("none"), wait.get().toMillis());
        pause(wait.get(), call);
        continue;
      }
      throw error(call, r, attempt);
    }
  }

  private void notify(RequestListener.Attempt a) {
    try {
      listener.onAttempt(a);
    } catch (RuntimeException e) {
      LOG.warn("RequestListener failed: {}", e.toString());
    }
  }

  private Optional<Duration> nextDelay(int attempt, Optional<Duration> retryAfter, Instant started) {
    if (attempt >= retry.maxAttempts()) {
      return Optional.empty();
    }
    Duration delay;
    if (retryAfter.isPresent()) {
      if (retryAfter.get().compareTo(retry.maxRetryAfter()) > 0) {
        return Optional.empty();
      }
      delay = retryAfter.get();
    } else {
      delay = retry.backoff(attempt);
    }
    Duration elapsed = Duration.between(started, clock.instant());
    if (elapsed.plus(delay).compareTo(retry.totalBudget()) > 0) {
      return Optional.empty();
    }
    return Optional.of(delay);
  }

  private Optional<Duration> retryAfter(HttpResponse<?> raw) {
    Optional<String> h = raw.headers().firstValue("Retry-After").map(String::trim);
    if (h.isEmpty() || h.get().isEmpty()) {
      return Optional.empty();
    }
    String v = h.get();
    try {
      long seconds = Long.parseLong(v);
      return Optional.of(Duration.ofSeconds(Math.max(0, seconds)));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration d = Duration.between(clock.instant(), at);
        return Optional.of(d.isNegative() ? Duration.ZERO : d);
      } catch (DateTimeParseException bad) {
        return Optional.empty();
      }
    }
  }

  private void pause(Duration d, Call call) {
    if (d.isZero() || d.isNegative()) {
      return;
    }
    try {
      sleeper.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BrexInterruptedException(
          "Interrupted while waiting to send Brex " + call.method + " " + call.path, e);
    }
  }

  private long millisSince(Instant t0) {
    return Duration.between(t0, clock.instant()).toMillis();
  }

  private byte[] serialize(Call call) {
    if (call.body == null) {
      return null;
    }
    try {
      return mapper.writeValueAsBytes(call.body);
    } catch (IOException e) {
      throw new BrexException("Cannot serialize the body of " + call.method + " " + call.path
          + ": " + Excerpts.describe(e), e);
    }
  }

  private URI uri(Call call) {
    StringBuilder sb = new StringBuilder()
        .append(call.cardNumberHost ? cardNumberBaseUri : baseUri).append(call.path);
    char sep = '?';
    for (Map.Entry<String, String> q : call.query) {
      // %20 rather than '+' for spaces: '+' is only a space in form encoding.
      sb.append(sep).append(URLEncoder.encode(q.getKey(), StandardCharsets.UTF_8).replace("+", "%20"))
          .append('=').append(URLEncoder.encode(q.getValue(), StandardCharsets.UTF_8).replace("+", "%20"));
      sep = '&';
    }
    return URI.create(sb.toString());
  }

  private HttpRequest request(Call call, URI uri, byte[] body, String key, Duration timeout) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri)
        .timeout(timeout)
        .header("Authorization", "Bearer " + tokens.token())
        .header("Accept", "application/json")
        .header("User-Agent", userAgent);
    if ("http".equalsIgnoreCase(uri.getScheme())) {
      // No h2c upgrade dance on plain HTTP (only ever used against local test servers).
      b.version(HttpClient.Version.HTTP_1_1);
    }
    if (key != null) {
      b.header("Idempotency-Key", key);
    }
    if (body != null) {
      b.header("Content-Type", "application/json");
      b.method(call.method, HttpRequest.BodyPublishers.ofByteArray(body));
    } else {
      b.method(call.method, HttpRequest.BodyPublishers.noBody());
    }
    return b.build();
  }

  private BrexException error(Call call, Response r, int attempts) {
    String type = "";
    String code = "";
    String message = "";
    String text = new String(r.body, StandardCharsets.UTF_8);
    try {
      JsonNode n = mapper.readTree(text);
      if (n != null && n.isObject()) {
        type = n.path("type").asText("");
        code = n.path("code").asText("");
        message = n.path("message").asText("");
      }
    } catch (IOException | RuntimeException notJson) {
      message = "";
    }
    if (message.isEmpty() && !call.sensitiveResponse) {
      message = Excerpts.excerpt(text);
    }
    message = scrub(message);
    String trace = r.traceId.orElse("");
    StringBuilder sb = new StringBuilder("Brex ").append(call.method).append(' ').append(call.path)
        .append(" failed: HTTP ").append(r.status);
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
    int s = r.status;
    if (s == 401) {
      return new BrexAuthenticationException(base + ". The API token is invalid or has been revoked."
          + " An account admin or card admin can create a new user token in the Brex dashboard"
          + " under Developer > Settings (Developer settings).",
          s, type, code, message, trace, call.method, call.path);
    }
    if (s == 403 && (message + " " + code + " " + type).toLowerCase(Locale.ROOT).contains("expired")) {
      return new BrexTokenExpiredException(base + ". The API token has expired: Brex user tokens"
          + " expire after a period without any API call (30 days per Brex's FAQ; 90 per its"
          + " authentication page). Create a new token under Developer settings in the Brex dashboard"
          + " (account admin or card admin) and use it regularly.",
          s, type, code, message, trace, call.method, call.path);
    }
    if (s == 403) {
      return new BrexPermissionException(base + ". The token lacks a required scope, or its user"
          + " lacks the required role (most endpoints need an account admin or card admin), or the"
          + " account lacks the feature.",
          s, type, code, message, trace, call.method, call.path);
    }
    if (s == 404) {
      return new BrexNotFoundException(base, s, type, code, message, trace, call.method, call.path);
    }
    if (s == 429) {
      Duration ra = retryAfter(r.raw).orElse(null);
      return new BrexRateLimitException(base + ". Brex rate limit exceeded (1,000 requests per 60 s"
          + " per client and account)" + (ra == null ? "" : "; Retry-After " + ra.toSeconds() + " s"),
          s, type, code, message, trace, call.method, call.path, ra);
    }
    if (s >= 500) {
      return new BrexServerException(base, s, type, code, message, trace, call.method, call.path);
    }
    if (s >= 400) {
      return new BrexBadRequestException(base, s, type, code, message, trace, call.method, call.path);
    }
    return new BrexApiException(base + " (unexpected status)", s, type, code, message, trace,
        call.method, call.path);
  }

  private String scrub(String s) {
    String token;
    try {
      token = tokens.token();
    } catch (RuntimeException e) {
      return s;
    }
    return token == null || token.isEmpty() ? s : s.replace(token, "****");
  }
}
