package org.brexsync.brex.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
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
import org.brexsync.brex.RequestListener;
import org.brexsync.brex.RequestOptions;
import org.brexsync.brex.RetryPolicy;
import org.brexsync.brex.Sleeper;
import org.brexsync.brex.TokenProvider;
import org.brexsync.brex.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one logical call with auth, rate limiting, idempotency keys and retries, and maps the
 * outcome to a value or a typed exception. Every excerpt of a body, header or URL that reaches a
 * message, a log line or a listener goes through one {@link Redactor}. Immutable and thread-safe.
 * Not public API.
 */
public final class Transport {
  private static final Logger LOG = LoggerFactory.getLogger("org.brexsync.brex.BrexClient");
  private static final String TRACE_HEADER = "X-Brex-Trace-Id";

  private final HttpResources http;
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
  private final int maxPages;
  private final Redactor redactor;
  // The last token put into a header: redacted from diagnostics without asking the provider again.
  private final java.util.concurrent.atomic.AtomicReference<String> lastToken =
      new java.util.concurrent.atomic.AtomicReference<>();

  /** Creates a transport; all arguments are required. */
  public Transport(
      HttpResources http, URI baseUri, URI cardNumberBaseUri, TokenProvider tokens, RetryPolicy retry,
      RateLimiter rateLimiter, RateLimiter cardCreationLimiter, String userAgent, Clock clock,
      Sleeper sleeper, Duration requestTimeout, Supplier<String> keys, RequestListener listener,
      int maxPages) {
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
    this.maxPages = maxPages;
    this.redactor = new Redactor(() -> {
      String t = lastToken.get();
      return t == null ? List.of() : List.of(t);
    });
  }

  private static URI stripSlash(URI u) {
    String s = u.toString();
    return s.endsWith("/") ? URI.create(s.substring(0, s.length() - 1)) : u;
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

  /**
   * Checks one id that goes into a path and percent-encodes it (UTF-8, space as {@code %20}).
   *
   * @param name the parameter's name in messages, e.g. {@code id}
   * @throws BrexValidationException when the id is empty, {@code .} or {@code ..}, or contains
   *     {@code /}, {@code ?}, {@code #} or a control character; nothing is sent
   */
  public static String segment(String name, String value) {
    Optional<String> problem = segmentProblem(value);
    if (problem.isPresent()) {
      throw new BrexValidationException("path parameter", List.of(new Violation(name, problem.get())));
    }
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
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
    return execute(call, body -> mapper.readValue(body, type));
  }

  /** Sends the call and ignores the body. */
  public void sendNoContent(Call call) {
    execute(call, body -> Boolean.TRUE);
  }

  /** Sends the call and reads a JSON array of {@code type}. */
  public <T> List<T> sendList(Call call, Class<T> type) {
    return execute(call, body -> {
      JsonNode tree = mapper.readTree(body);
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
    return execute(call, body -> {
      JsonNode tree = mapper.readTree(body);
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
    T read(byte[] body) throws IOException;
  }

  private static final class Response {
    final int status;
    final byte[] body;
    final Optional<String> traceId;
    final HttpHeaders headers;

    Response(HttpResponse<byte[]> raw, Redactor redactor) {
      this.status = raw.statusCode();
      this.body = raw.body() == null ? new byte[0] : raw.body();
      // a header is server text like a body: redacted before it reaches a log line or a message
      this.traceId = raw.headers().firstValue(TRACE_HEADER).map(redactor::redact);
      this.headers = raw.headers();
    }
  }

  private <T> T execute(Call call, Reader<T> reader) {
    String path = redactor.redact(call.path);
    ensureOpen(call, path);
    String key = call.options.idempotencyKey().orElse(null);
    if (key == null && call.isWrite() && (call.keyRequired || call.options.autoIdempotencyKey())) {
      key = keys.get();
    }
    boolean replayable = !call.isWrite() || key != null;
    // An unreadable 2xx answer to a read is retried like a 5xx: one bad page must not fail a sync.
    boolean garbledRetryable = call.method.equals("GET");
    byte[] body = serialize(call, path);
    URI uri = uri(call, path);
    if (call.createsCard && !cardCreationLimiter.tryAcquire()) {
      throw new BrexCardCreationLimitException(
          "Client-side card-creation budget exhausted (" + cardCreationLimiter.permits() + " per "
              + cardCreationLimiter.period() + ", Brex's documented limit); not sending "
              + call.method + " " + path + ". Try again later.");
    }
    Duration timeout = call.options.timeout().orElse(requestTimeout);
    Instant started = clock.instant();
    for (int attempt = 1; ; attempt++) {
      pause(rateLimiter.reserve(), call, path);
      HttpRequest request = request(call, path, uri, body, key, timeout);
      Instant t0 = clock.instant();
      HttpResponse<byte[]> raw;
      if (!http.enter()) {
        throw closed(call, path);
      }
      try {
        raw = http.client().send(request, HttpResponse.BodyHandlers.ofByteArray());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new BrexInterruptedException(
            "Interrupted while waiting for Brex " + call.method + " " + path, e);
      } catch (RuntimeException e) {
        // typed and redacted, never raw
        throw new BrexNetworkException("Brex " + call.method + " " + path + " failed: "
            + redactor.describe(e), call.method, path, null);
      } catch (IOException e) {
        boolean timedOut = e instanceof HttpTimeoutException;
        LOG.debug("Brex {} {} -> {} (attempt {}, {} ms)", call.method, path,
            e.getClass().getSimpleName(), attempt, millisSince(t0));
        Optional<Duration> wait = replayable && retry.retryNetworkErrors()
            ? nextDelay(attempt, Optional.empty(), started) : Optional.empty();
        notify(new RequestListener.Attempt(call.method, path, attempt, Optional.empty(),
            Duration.between(t0, clock.instant()), Optional.empty(),
            Optional.of(e.getClass().getSimpleName()), wait.isPresent()));
        if (wait.isPresent()) {
          LOG.warn("Retrying Brex {} {} after {} (attempt {}/{}), waiting {} ms", call.method,
              path, e.getClass().getSimpleName(), attempt, retry.maxAttempts(),
              wait.get().toMillis());
          pause(wait.get(), call, path);
          continue;
        }
        String msg = "Brex " + call.method + " " + path + " failed after " + attempt
            + " attempt" + (attempt == 1 ? "" : "s") + ": "
            + (e instanceof HttpConnectTimeoutException ? "connect timeout"
                : timedOut ? "timeout (" + timeout.toMillis() + " ms)"
                : e instanceof ConnectException ? "connection refused or unreachable"
                : redactor.describe(e))
            + (replayable ? "" : " (not retried: a write without Idempotency-Key is never replayed)");
        throw timedOut
            ? new BrexTimeoutException(msg, call.method, path, e)
            : new BrexNetworkException(msg, call.method, path, e);
      } finally {
        http.exit();
      }
      Response r = new Response(raw, redactor);
      Duration took = Duration.between(t0, clock.instant());
      LOG.debug("Brex {} {} -> {} (attempt {}, {} ms, trace id {})", call.method, path,
          r.status, attempt, took.toMillis(), r.traceId.orElse("none"));
      if (r.status >= 200 && r.status < 300) {
        BrexResponseException garbled;
        try {
          T value = decode(call, path, r, reader, attempt);
          notify(new RequestListener.Attempt(call.method, path, attempt, Optional.of(r.status),
              took, r.traceId, Optional.empty(), false));
          return value;
        } catch (BrexResponseException e) {
          garbled = e;
        }
        Optional<Duration> wait = garbledRetryable ? nextDelay(attempt, Optional.empty(), started)
            : Optional.empty();
        notify(new RequestListener.Attempt(call.method, path, attempt, Optional.of(r.status),
            took, r.traceId, Optional.of(BrexResponseException.class.getSimpleName()),
            wait.isPresent()));
        if (wait.isEmpty()) {
          throw garbled;
        }
        LOG.warn("Retrying Brex {} {} after an unreadable HTTP {} answer (attempt {}/{}, trace id {}),"
            + " waiting {} ms", call.method, path, r.status, attempt, retry.maxAttempts(),
            r.traceId.orElse("none"), wait.get().toMillis());
        pause(wait.get(), call, path);
        continue;
      }
      Optional<Duration> wait = replayable && retry.retryableStatuses().contains(r.status)
          ? nextDelay(attempt, retryAfter(r.headers), started) : Optional.empty();
      notify(new RequestListener.Attempt(call.method, path, attempt, Optional.of(r.status),
          took, r.traceId, Optional.empty(), wait.isPresent()));
      if (wait.isPresent()) {
        LOG.warn("Retrying Brex {} {} after HTTP {} (attempt {}/{}, trace id {}), waiting {} ms",
            call.method, path, r.status, attempt, retry.maxAttempts(),
            r.traceId.orElse("none"), wait.get().toMillis());
        pause(wait.get(), call, path);
        continue;
      }
      throw error(call, path, r, attempt);
    }
  }

  private <T> T decode(Call call, String path, Response r, Reader<T> reader, int attempt) {
    try {
      T value = reader.read(r.body);
      if (value == null) {
        throw new IOException("empty body");
      }
      return value;
    } catch (IOException | RuntimeException e) {
      String text = new String(r.body, StandardCharsets.UTF_8);
      String excerpt = call.sensitiveResponse ? "(redacted)" : redactor.excerpt(text);
      String cause = call.sensitiveResponse ? e.getClass().getSimpleName() : redactor.describe(e);
      // Jackson's own message quotes the input: the cause is dropped, its gist is in the message
      throw new BrexResponseException(
          "Unexpected response body from Brex for " + call.method + " " + path + " (HTTP "
              + r.status + ", trace id " + r.traceId.orElse("none")
              + (attempt > 1 ? ", " + attempt + " attempts" : "") + "): " + cause
              + "; body starts: " + excerpt,
          r.status, call.method, path, excerpt, null);
    }
  }

  private void ensureOpen(Call call, String path) {
    if (http.isClosed()) {
      throw closed(call, path);
    }
  }

  private static BrexClientClosedException closed(Call call, String path) {
    return new BrexClientClosedException("This BrexClient has been closed; " + call.method + " "
        + path + " was not sent. Build a new client (close() releases its connections).");
  }

  private void notify(RequestListener.Attempt a) {
    try {
      listener.onAttempt(a);
    } catch (RuntimeException e) {
      LOG.warn("RequestListener failed: {}", redactor.describe(e));
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

  private Optional<Duration> retryAfter(HttpHeaders headers) {
    Optional<String> h = headers.firstValue("Retry-After").map(String::trim);
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

  private void pause(Duration d, Call call, String path) {
    if (d.isZero() || d.isNegative()) {
      return;
    }
    try {
      sleeper.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BrexInterruptedException(
          "Interrupted while waiting to send Brex " + call.method + " " + path, e);
    }
  }

  private long millisSince(Instant t0) {
    return Duration.between(t0, clock.instant()).toMillis();
  }

  private byte[] serialize(Call call, String path) {
    if (call.body == null) {
      return null;
    }
    try {
      return mapper.writeValueAsBytes(call.body);
    } catch (IOException e) {
      throw new BrexException("Cannot serialize the body of " + call.method + " " + path
          + ": " + redactor.describe(e));
    }
  }

  private URI uri(Call call, String path) {
    StringBuilder sb = new StringBuilder()
        .append(call.cardNumberHost ? cardNumberBaseUri : baseUri).append(call.path);
    char sep = '?';
    for (Map.Entry<String, String> q : call.query) {
      // %20 rather than '+' for spaces: '+' is only a space in form encoding.
      sb.append(sep).append(URLEncoder.encode(q.getKey(), StandardCharsets.UTF_8).replace("+", "%20"))
          .append('=').append(URLEncoder.encode(q.getValue(), StandardCharsets.UTF_8).replace("+", "%20"));
      sep = '&';
    }
    try {
      return URI.create(sb.toString());
    } catch (IllegalArgumentException e) {
      throw new BrexConfigurationException("Cannot build the URI of " + call.method + " " + path
          + ": " + redactor.describe(e));
    }
  }

  /**
   * The HTTP request of one attempt. The token is asked for (and checked) on every attempt so a
   * rotating provider is honoured; any failure to build the request (a token or header value the
   * JDK refuses) becomes a typed exception with a redacted message, never the JDK's own message,
   * which quotes the header value.
   */
  private HttpRequest request(Call call, String path, URI uri, byte[] body, String key, Duration timeout) {
    String token;
    try {
      token = Tokens.check(tokens.token(), "The Brex API token returned by the TokenProvider");
      lastToken.set(token);
    } catch (BrexConfigurationException e) {
      throw new BrexConfigurationException(e.getMessage() + " (" + call.method + " " + path
          + " was not sent)");
    }
    try {
      HttpRequest.Builder b = HttpRequest.newBuilder(uri)
          .timeout(timeout)
          .header("Authorization", "Bearer " + token)
          .header("Accept", "application/json")
          .header("User-Agent", userAgent);
      if ("http".equalsIgnoreCase(uri.getScheme())) {
        // No h2c upgrade dance on plain HTTP (only ever used against local test servers).
        b.version(HttpClient.Version.HTTP_1_1);
      }
      if (key != null) {
        b.header("Idempotency-Key", key);
      }
      call.options.extraHeaders().forEach(b::header);
      if (body != null) {
        b.header("Content-Type", "application/json");
        b.method(call.method, HttpRequest.BodyPublishers.ofByteArray(body));
      } else {
        b.method(call.method, HttpRequest.BodyPublishers.noBody());
      }
      return b.build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new BrexConfigurationException("Cannot build the HTTP request for " + call.method + " "
          + path + " (nothing was sent): " + redactor.redact(firstLine(e.getMessage()), List.of(token))
          + ". Check the User-Agent, the Idempotency-Key and the per-call headers.");
    }
  }

  private static String firstLine(String s) {
    String m = String.valueOf(s);
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  private BrexException error(Call call, String path, Response r, int attempts) {
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
    // classified on what Brex said; only redacted text reaches the exception
    boolean expired = (message + " " + code + " " + type).toLowerCase(Locale.ROOT).contains("expired");
    if (message.isEmpty() && !call.sensitiveResponse) {
      message = redactor.excerpt(text);
    }
    type = redactor.redact(type);
    code = redactor.redact(code);
    message = redactor.redact(message);
    String trace = r.traceId.orElse("");
    StringBuilder sb = new StringBuilder("Brex ").append(call.method).append(' ').append(path)
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
      Duration ra = retryAfter(r.headers).orElse(null);
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
