package org.brexsync.http.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import org.brexsync.http.RateLimiter;
import org.brexsync.http.RequestListener;
import org.brexsync.http.RetryPolicy;
import org.brexsync.http.Sleeper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one logical {@link Call} over {@code java.net.http}: rate limiting before every attempt,
 * authentication, the per-call timeout and headers, the Idempotency-Key on every attempt, retries
 * by the {@link RetryPolicy} and the idempotency rule ({@link Call.Idempotency}), {@code
 * Retry-After}, one credential refresh on 401, the listener, and one log format for every client:
 * DEBUG per attempt ({@code Brex GET /v2/users -> 200 (attempt 1, 87 ms, trace id abc)}), WARN per
 * retry ({@code Retrying Brex GET /v2/users after HTTP 503 (attempt 1/4, trace id abc), waiting
 * 500 ms}), never a body or a secret. What an outcome means to the vendor (its exceptions, its error body) is the
 * client's {@link Failures}. Every path, header and message excerpt goes through the {@link
 * Redactor}. Immutable and thread-safe. Not public API.
 */
public final class Transport {
  private final HttpResources http;
  private final URI baseUri;
  private final String service;
  private final Logger log;
  private final RetryPolicy retry;
  private final DoubleSupplier random;
  private final Sleeper sleeper;
  private final Clock clock;
  private final RateLimiter rateLimiter;
  private final RequestListener listener;
  private final Redactor redactor;
  private final Duration requestTimeout;
  private final String userAgent;
  private final List<String> traceHeaders;
  private final Auth auth;
  private final BiConsumer<Call, HttpRequest.Builder> decorator;
  private final Failures failures;

  private Transport(Builder b) {
    this.http = Objects.requireNonNull(b.http, "http");
    this.baseUri = b.baseUri == null ? null : BaseUris.stripSlash(b.baseUri);
    this.service = Objects.requireNonNull(b.service, "service");
    this.log = b.log != null ? b.log : LoggerFactory.getLogger(Transport.class);
    this.retry = Objects.requireNonNull(b.retry, "retry");
    this.random = b.random;
    this.sleeper = Objects.requireNonNull(b.sleeper, "sleeper");
    this.clock = Objects.requireNonNull(b.clock, "clock");
    this.rateLimiter = b.rateLimiter;
    this.listener = b.listener;
    this.redactor = Objects.requireNonNull(b.redactor, "redactor");
    this.requestTimeout = Objects.requireNonNull(b.requestTimeout, "requestTimeout");
    this.userAgent = b.userAgent;
    this.traceHeaders = List.copyOf(b.traceHeaders);
    this.auth = b.auth;
    this.decorator = b.decorator;
    this.failures = Objects.requireNonNull(b.failures, "failures");
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Adds credentials to the attempts of authenticated calls. */
  public interface Auth {
    /**
     * Adds the credentials of one attempt of {@code call} to {@code request} and returns what it
     * used (given back to {@link #refresh}). May throw the client's configuration exception, e.g.
     * for a malformed token; nothing is sent then.
     */
    Object apply(Call call, String path, HttpRequest.Builder request);

    /**
     * Called at most once per call when the credentials {@code used} were answered 401: true when
     * fresh ones were obtained and the attempt should be repeated.
     */
    default boolean refresh(Call call, Object used) {
      return false;
    }
  }

  /** What the outcomes of a call mean to the client: its exceptions. */
  public interface Failures {
    /** The client was closed; nothing was sent. */
    RuntimeException closed(Call call, String path);

    /** The thread was interrupted while waiting for an answer, or ({@code waiting}) before a send. */
    RuntimeException interrupted(Call call, String path, boolean waiting, InterruptedException e);

    /** The request could not be built (a header value the JDK refuses); nothing was sent. */
    RuntimeException cannotBuild(Call call, String path, String redactedReason);

    /** No answer came (after the retries the rules allow). */
    RuntimeException network(NetworkFailure failure);

    /** The last answer of a call was an error status. */
    RuntimeException status(Response response, int attempts);

    /** Whether {@code e}, thrown by a reader of a 2xx answer, means the body was unreadable. */
    boolean isGarbled(RuntimeException e);
  }

  /**
   * A call that got no answer.
   *
   * @param call the call
   * @param path its redacted path
   * @param attempts attempts made
   * @param cause the {@link IOException}; null when the JDK failed otherwise (its message may quote
   *     a header value, so only its redacted {@code description} is kept)
   * @param description what went wrong, redacted: {@code connect timed out (connect timeout)},
   *     {@code request timed out (timeout 5000 ms)}, {@code connection refused or unreachable}, or
   *     {@code I/O error: <class>: <message>}
   * @param timedOut whether a connect or request timeout elapsed
   */
  public record NetworkFailure(Call call, String path, int attempts, Throwable cause,
      String description, boolean timedOut) {}

  /** The redaction of this client's secrets and of secret-shaped text. */
  public Redactor redactor() {
    return redactor;
  }

  /** Whether the client was closed. */
  public boolean isClosed() {
    return http.isClosed();
  }

  /** The HTTP resources (owned or borrowed HttpClient). */
  public HttpResources http() {
    return http;
  }

  /** Executes {@code call}; returns its 2xx answer or throws the client's exception. */
  public Response execute(Call call) {
    return run(call, r -> r, false);
  }

  /**
   * Executes {@code call} and reads its 2xx answer with {@code reader}. An answer the reader finds
   * unreadable ({@link Failures#isGarbled}) is retried like a 5xx when the call is an idempotent
   * GET, within the same attempts and budget; otherwise its exception is thrown.
   */
  public <T> T execute(Call call, Function<Response, T> reader) {
    return run(call, reader, false);
  }

  /** Executes {@code call} and returns its last answer, whatever the status, after the retries. */
  public Response exchange(Call call) {
    return run(call, r -> r, true);
  }

  private <T> T run(Call call, Function<Response, T> reader, boolean anyStatus) {
    Redactor red = redactor.with(call.secrets());
    String path = red.redact(call.path());
    ensureOpen(call, path);
    URI uri = uri(call, path, red);
    Duration timeout = call.options().timeout().orElse(requestTimeout);
    RateLimiter limiter = call.rateLimiter().orElse(rateLimiter);
    Call.Idempotency idempotency = call.idempotency();
    String named = call.service().orElse(service);
    Instant started = clock.instant();
    boolean refreshed = false;
    for (int attempt = 1; ; ) {
      ensureOpen(call, path);
      if (limiter != null) {
        Duration permit = limiter.reserve();
        if (permit.compareTo(Duration.ZERO) > 0) {
          waiting(new RequestListener.RateLimitWait(named, call.method(), call.operation(),
              RequestListener.RateLimitWait.Source.CLIENT, permit), red);
        }
        pause(permit, call, path);
      }
      HttpRequest.Builder builder = HttpRequest.newBuilder();
      Object credentials = build(builder, call, path, uri, timeout, red);
      HttpRequest request = buildRequest(builder, call, path, red);
      Observed observed = start(new RequestListener.AttemptStart(named, call.method(),
          call.operation(), attempt), red);
      try {
        Instant t0 = clock.instant();
        if (!http.enter()) {
          throw failures.closed(call, path);
        }
        HttpResponse<byte[]> raw;
        try {
          raw = http.client().send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw failures.interrupted(call, path, false, e);
        } catch (RuntimeException e) {
          // typed and redacted, never raw: not even as the cause, whose message may quote a header
          throw failures.network(new NetworkFailure(call, path, attempt, null, red.describe(e), false));
        } catch (IOException e) {
          boolean connect = isConnectFailure(e);
          Duration took = Duration.between(t0, clock.instant());
          log.debug("{} {} {} -> {} (attempt {}, {} ms)", service, call.method(), path,
              e.getClass().getSimpleName(), attempt, took.toMillis());
          boolean mayRetry = retry.retryNetworkErrors() && (idempotency == Call.Idempotency.IDEMPOTENT
              || idempotency == Call.Idempotency.NON_IDEMPOTENT && connect);
          Optional<Duration> wait = mayRetry ? nextDelay(attempt, Optional.empty(), started) : Optional.empty();
          String what = describe(e, connect, timeout, red);
          observed.outcome(new RequestListener.Attempt(call.method(), path, attempt, Optional.empty(),
              took, Optional.empty(), Optional.of(e.getClass().getSimpleName()), wait.isPresent(),
              named, call.operation()));
          if (wait.isPresent()) {
            log.warn("Retrying {} {} {} after {} (attempt {}/{}), waiting {} ms", service, call.method(),
                path, what, attempt, retry.maxAttempts(), wait.get().toMillis());
            pause(wait.get(), call, path);
            attempt++;
            continue;
          }
          throw failures.network(new NetworkFailure(call, path, attempt, e, what,
              e instanceof HttpTimeoutException));
        } finally {
          http.exit();
        }
        Duration took = Duration.between(t0, clock.instant());
        int status = raw.statusCode();
        Optional<String> traceId = traceId(raw.headers(), red);
        Response r = new Response(status, raw.headers(), raw.body(), call, path, traceId.orElse(null),
            attempt);
        log.debug("{} {} {} -> {} (attempt {}, {} ms, trace id {})", service, call.method(), path, status,
            attempt, took.toMillis(), traceId.orElse("none"));
        if (status >= 200 && status < 300) {
          RuntimeException garbled;
          try {
            T value = reader.apply(r);
            observed.outcome(new RequestListener.Attempt(call.method(), path, attempt,
                Optional.of(status), took, traceId, Optional.empty(), false, named, call.operation()));
            return value;
          } catch (RuntimeException e) {
            if (!failures.isGarbled(e)) {
              throw e;
            }
            garbled = e;
          }
          // An unreadable answer to a read is retried like a 5xx: one bad page must not fail a sync.
          boolean readRetry = call.method().equals("GET") && idempotency == Call.Idempotency.IDEMPOTENT;
          Optional<Duration> wait = readRetry ? nextDelay(attempt, Optional.empty(), started) : Optional.empty();
          observed.outcome(new RequestListener.Attempt(call.method(), path, attempt, Optional.of(status),
              took, traceId, Optional.of(garbled.getClass().getSimpleName()), wait.isPresent(), named,
              call.operation()));
          if (wait.isEmpty()) {
            throw garbled;
          }
          log.warn("Retrying {} {} {} after an unreadable HTTP {} answer (attempt {}/{}, trace id {}),"
              + " waiting {} ms", service, call.method(), path, status, attempt, retry.maxAttempts(),
              traceId.orElse("none"), wait.get().toMillis());
          pause(wait.get(), call, path);
          attempt++;
          continue;
        }
        if (status == 401 && call.authenticated() && auth != null && !refreshed
            && auth.refresh(call, credentials)) {
          refreshed = true;
          observed.outcome(new RequestListener.Attempt(call.method(), path, attempt, Optional.of(status),
              took, traceId, Optional.empty(), true, named, call.operation()));
          log.debug("{} {} {} -> 401; credentials refreshed, repeating once", service, call.method(), path);
          continue;
        }
        boolean retryable = retry.retryStatuses().contains(status)
            && (idempotency == Call.Idempotency.IDEMPOTENT
                || idempotency == Call.Idempotency.NON_IDEMPOTENT && (status == 429 || status == 503));
        Optional<Duration> wait = retryable ? nextDelay(attempt, retryAfter(raw.headers()), started)
            : Optional.empty();
        observed.outcome(new RequestListener.Attempt(call.method(), path, attempt, Optional.of(status),
            took, traceId, Optional.empty(), wait.isPresent(), named, call.operation()));
        if (wait.isPresent()) {
          log.warn("Retrying {} {} {} after HTTP {} (attempt {}/{}, trace id {}), waiting {} ms", service,
              call.method(), path, status, attempt, retry.maxAttempts(), traceId.orElse("none"),
              wait.get().toMillis());
          if (status == 429) {
            waiting(new RequestListener.RateLimitWait(named, call.method(), call.operation(),
                RequestListener.RateLimitWait.Source.SERVER, wait.get()), red);
          }
          pause(wait.get(), call, path);
          attempt++;
          continue;
        }
        if (anyStatus) {
          return reader.apply(r);
        }
        throw failures.status(r, attempt);
      } catch (RuntimeException | Error e) {
        observed.endWithoutOutcome();
        throw e;
      }
    }
  }

  /**
   * The listener's view of one attempt: told its outcome once, and its {@link
   * RequestListener.InFlight} ended once whatever happens (the outcome, or none when the attempt
   * ended by an exception first).
   */
  private final class Observed {
    private final RequestListener.InFlight inFlight;
    private final Redactor red;
    private boolean ended;

    Observed(RequestListener.InFlight inFlight, Redactor red) {
      this.inFlight = inFlight;
      this.red = red;
    }

    void outcome(RequestListener.Attempt a) {
      if (listener != null) {
        try {
          listener.onAttempt(a);
        } catch (RuntimeException e) {
          log.warn("RequestListener failed: {}", red.describe(e));
        }
      }
      end(Optional.of(a));
    }

    void endWithoutOutcome() {
      end(Optional.empty());
    }

    private void end(Optional<RequestListener.Attempt> outcome) {
      if (ended) {
        return;
      }
      ended = true;
      try {
        inFlight.end(outcome);
      } catch (RuntimeException e) {
        log.warn("RequestListener failed: {}", red.describe(e));
      }
    }
  }

  private Observed start(RequestListener.AttemptStart start, Redactor red) {
    RequestListener.InFlight inFlight = null;
    if (listener != null) {
      try {
        inFlight = listener.onAttemptStart(start);
      } catch (RuntimeException e) {
        log.warn("RequestListener failed: {}", red.describe(e));
      }
    }
    return new Observed(inFlight != null ? inFlight : RequestListener.InFlight.NONE, red);
  }

  private void waiting(RequestListener.RateLimitWait wait, Redactor red) {
    if (listener == null) {
      return;
    }
    try {
      listener.onRateLimitWait(wait);
    } catch (RuntimeException e) {
      log.warn("RequestListener failed: {}", red.describe(e));
    }
  }

  private void ensureOpen(Call call, String path) {
    if (http.isClosed()) {
      throw failures.closed(call, path);
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
      delay = random != null ? retry.backoff(attempt, random.getAsDouble()) : retry.backoff(attempt);
    }
    Duration elapsed = Duration.between(started, clock.instant());
    if (elapsed.plus(delay).compareTo(retry.totalBudget()) > 0) {
      return Optional.empty();
    }
    return Optional.of(delay);
  }

  /**
   * The wait a {@code Retry-After} header asks for: delta-seconds or an HTTP-date measured against
   * the clock (never negative); empty when absent or unreadable.
   */
  public Optional<Duration> retryAfter(HttpHeaders headers) {
    Optional<String> h = headers.firstValue("Retry-After").map(String::trim);
    if (h.isEmpty() || h.get().isEmpty()) {
      return Optional.empty();
    }
    String v = h.get();
    try {
      return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v))));
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
      throw failures.interrupted(call, path, true, e);
    }
  }

  private Optional<String> traceId(HttpHeaders headers, Redactor red) {
    for (String h : traceHeaders) {
      Optional<String> v = headers.firstValue(h);
      if (v.isPresent()) {
        // a header is server text like a body: redacted before a log line or a message
        return Optional.of(red.redact(v.get()));
      }
    }
    return Optional.empty();
  }

  private URI uri(Call call, String path, Redactor red) {
    if (call.target().isPresent()) {
      return call.target().get();
    }
    StringBuilder sb = new StringBuilder(call.baseUri().map(BaseUris::stripSlash).orElse(baseUri)
        .toString()).append(call.path());
    char sep = '?';
    if (call.rawQuery() != null && !call.rawQuery().isEmpty()) {
      sb.append('?').append(call.rawQuery());
      sep = '&';
    }
    for (Map.Entry<String, String> q : call.query()) {
      sb.append(sep).append(PathSegments.encode(q.getKey())).append('=')
          .append(PathSegments.encode(q.getValue()));
      sep = '&';
    }
    try {
      return URI.create(sb.toString());
    } catch (IllegalArgumentException e) {
      throw failures.cannotBuild(call, path, red.describe(e));
    }
  }

  /** Fills the request of one attempt; returns the credentials used. */
  private Object build(HttpRequest.Builder b, Call call, String path, URI uri, Duration timeout,
      Redactor red) {
    try {
      b.uri(uri).timeout(timeout);
      if ("http".equalsIgnoreCase(uri.getScheme())) {
        // No h2c upgrade dance on plain HTTP (only ever used against local test servers).
        b.version(HttpClient.Version.HTTP_1_1);
      }
      if (!has(call, "Accept")) {
        b.header("Accept", "application/json");
      }
      if (userAgent != null) {
        b.header("User-Agent", userAgent);
      }
      Object credentials = call.authenticated() && auth != null ? auth.apply(call, path, b) : null;
      call.idempotencyKey().ifPresent(k -> b.header("Idempotency-Key", k));
      if (decorator != null) {
        decorator.accept(call, b);
      }
      call.options().extraHeaders().forEach(b::header);
      call.headers().forEach(b::header);
      if (call.body() != null) {
        if (call.contentType() != null && !has(call, "Content-Type")) {
          b.header("Content-Type", call.contentType());
        }
        b.method(call.method(), HttpRequest.BodyPublishers.ofByteArray(call.body()));
      } else {
        b.method(call.method(), HttpRequest.BodyPublishers.noBody());
      }
      return credentials;
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw cannotBuild(call, path, e, red);
    }
  }

  private HttpRequest buildRequest(HttpRequest.Builder b, Call call, String path, Redactor red) {
    try {
      return b.build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw cannotBuild(call, path, e, red);
    }
  }

  /** Never the JDK's own message whole: it quotes the header value. */
  private RuntimeException cannotBuild(Call call, String path, RuntimeException e, Redactor red) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return failures.cannotBuild(call, path, red.redact(nl < 0 ? m : m.substring(0, nl)));
  }

  private static boolean has(Call call, String header) {
    return call.headers().keySet().stream().anyMatch(h -> h.equalsIgnoreCase(header));
  }

  private static boolean isConnectFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException || t instanceof HttpConnectTimeoutException) {
        return true;
      }
    }
    return false;
  }

  private static String describe(IOException e, boolean connect, Duration timeout, Redactor red) {
    if (e instanceof HttpConnectTimeoutException) {
      return "connect timed out (connect timeout)";
    }
    if (e instanceof HttpTimeoutException) {
      return "request timed out (timeout " + timeout.toMillis() + " ms)";
    }
    if (connect) {
      return "connection refused or unreachable";
    }
    return "I/O error: " + red.describe(e);
  }

  /** Builder of a {@link Transport}. */
  public static final class Builder {
    private HttpResources http;
    private URI baseUri;
    private String service;
    private Logger log;
    private RetryPolicy retry = RetryPolicy.defaults();
    private DoubleSupplier random;
    private Sleeper sleeper = Sleeper.system();
    private Clock clock = Clock.systemUTC();
    private RateLimiter rateLimiter;
    private RequestListener listener;
    private Redactor redactor = Redactor.patternsOnly();
    private Duration requestTimeout = Duration.ofSeconds(30);
    private String userAgent;
    private List<String> traceHeaders = List.of();
    private Auth auth;
    private BiConsumer<Call, HttpRequest.Builder> decorator;
    private Failures failures;

    private Builder() {}

    /** The HttpClient, owned or borrowed (required). */
    public Builder http(HttpResources http) {
      this.http = http;
      return this;
    }

    /** The base URI of calls by path (required unless every call has a target). */
    public Builder baseUri(URI baseUri) {
      this.baseUri = baseUri;
      return this;
    }

    /** The name in log lines, e.g. {@code Brex} (required). */
    public Builder service(String service) {
      this.service = service;
      return this;
    }

    /** The logger (the client's public logger name). */
    public Builder log(Logger log) {
      this.log = log;
      return this;
    }

    /** The retry policy. */
    public Builder retry(RetryPolicy retry) {
      this.retry = retry;
      return this;
    }

    /** A jitter source instead of the policy's own. */
    public Builder random(DoubleSupplier random) {
      this.random = random;
      return this;
    }

    /** How to wait. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = sleeper;
      return this;
    }

    /** The clock of budgets, durations and {@code Retry-After} dates. */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** A permit of this bucket is taken before every attempt (none by default). */
    public Builder rateLimiter(RateLimiter limiter) {
      this.rateLimiter = limiter;
      return this;
    }

    /** The observer of every attempt. */
    public Builder listener(RequestListener listener) {
      this.listener = listener;
      return this;
    }

    /** The redaction of diagnostics. */
    public Builder redactor(Redactor redactor) {
      this.redactor = redactor;
      return this;
    }

    /** The timeout of each attempt unless the call's options say otherwise. */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = timeout;
      return this;
    }

    /** The User-Agent header (none: the JDK's). */
    public Builder userAgent(String userAgent) {
      this.userAgent = userAgent;
      return this;
    }

    /** Response headers that may carry a trace id, first present wins. */
    public Builder traceHeaders(List<String> headers) {
      this.traceHeaders = headers;
      return this;
    }

    /** The authentication of calls that are {@link Call#authenticated()}. */
    public Builder auth(Auth auth) {
      this.auth = auth;
      return this;
    }

    /** Adds the vendor's own headers of a call (after auth, before the options' headers). */
    public Builder decorator(BiConsumer<Call, HttpRequest.Builder> decorator) {
      this.decorator = decorator;
      return this;
    }

    /** The client's exceptions (required). */
    public Builder failures(Failures failures) {
      this.failures = failures;
      return this;
    }

    /** Builds the transport. */
    public Transport build() {
      return new Transport(this);
    }
  }
}
