package org.brexsync.connector.workflow.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.brexsync.http.RateLimiter;
import org.brexsync.http.RequestListener;
import org.brexsync.http.RetryPolicy;
import org.brexsync.http.Sleeper;
import org.brexsync.http.internal.Call;
import org.brexsync.http.internal.Headers;
import org.brexsync.http.internal.HttpResources;
import org.brexsync.http.internal.Redactor;
import org.brexsync.http.internal.Response;
import org.brexsync.http.internal.Transport;
import org.slf4j.LoggerFactory;

/**
 * Sends one API-block request through the HTTP core the clients use, with their retry rules: 429,
 * 500, 502, 503, 504 and I/O failures are retried with exponential back-off and full jitter (or
 * {@code Retry-After}, up to 60 s), but only for GET/DELETE or requests carrying an {@code
 * Idempotency-Key}, and the same key on every attempt. The clients' log format (DEBUG per attempt,
 * WARN per retry), never bodies or tokens: every path and message goes through the clients'
 * redaction, knowing this request's credential headers. What stays here is the workflow's own: the
 * request is the user's (any URI, any headers), every answer is returned whatever its status, and
 * a request that cannot be built (a header value with a line break, e.g. a token read with its
 * trailing newline) is a {@link SendException} naming the header, never the JDK's message quoting
 * its value. Not API.
 */
public final class HttpSender {
  private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);
  // Headers whose values are credentials: masked wherever they might be echoed.
  private static final Pattern SECRET_HEADER =
      Pattern.compile("(?i).*(authorization|token|secret|api[_-]?key|cookie|password).*");

  /** The raw answer. */
  public record Answer(int status, Map<String, List<String>> headers, Optional<JsonNode> body) {}

  /** Thrown when no answer came after all attempts (network) or the wait was interrupted. */
  public static final class SendException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SendException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final Transport transport;

  /** A sender over {@code http} (the caller's: never closed here). */
  public HttpSender(HttpClient http, Sleeper sleeper, int maxAttempts, Duration initialBackoff,
      Duration requestTimeout) {
    this(http, sleeper, maxAttempts, initialBackoff, requestTimeout, null);
  }

  /** A sender over {@code http} whose attempts {@code listener} (when not null) is told of. */
  public HttpSender(HttpClient http, Sleeper sleeper, int maxAttempts, Duration initialBackoff,
      Duration requestTimeout, RequestListener listener) {
    RetryPolicy retry = RetryPolicy.custom()
        .maxAttempts(Math.max(1, maxAttempts))
        .initialBackoff(initialBackoff)
        .maxBackoff(initialBackoff.compareTo(Duration.ofSeconds(30)) > 0 ? initialBackoff : Duration.ofSeconds(30))
        .maxRetryAfter(MAX_RETRY_AFTER)
        .totalBudget(RetryPolicy.UNBOUNDED)
        .build();
    this.transport = Transport.builder()
        .http(HttpResources.borrow(http)).service("Workflow")
        .log(LoggerFactory.getLogger("org.brexsync.connector.workflow"))
        .retry(retry).sleeper(sleeper).requestTimeout(requestTimeout).listener(listener)
        .traceHeaders(List.of("X-Brex-Trace-Id", "X-Request-Id", "X-Correlation-Id", "X-Trace-Id"))
        .failures(new Failures())
        .build();
  }

  /**
   * Sends a request.
   *
   * @param headers the headers including the secret credential header (never logged)
   */
  public Answer send(String method, URI uri, Map<String, String> headers, Optional<JsonNode> body) {
    return send(method, uri, headers, body, Optional.empty());
  }

  /**
   * Sends a request, taking a permit of {@code limiter} before every attempt (waiting with the
   * sleeper when the bucket is empty), as brex-client does.
   */
  public Answer send(String method, URI uri, Map<String, String> headers, Optional<JsonNode> body,
      Optional<? extends RateLimiter> limiter) {
    return send(method, uri, headers, body, limiter, Optional.empty(), Optional.empty());
  }

  /**
   * {@link #send(String, URI, Map, Optional, Optional)}, naming the request to the listener by
   * {@code operation} ({@link #operationOf}) and {@code service} (default: its method, and {@code
   * Workflow}).
   */
  public Answer send(String method, URI uri, Map<String, String> headers, Optional<JsonNode> body,
      Optional<? extends RateLimiter> limiter, Optional<String> operation, Optional<String> service) {
    List<String> secrets = secretsOf(headers);
    Redactor redactor = transport.redactor().with(secrets);
    String path = redactor.redact(uri.getRawPath() == null ? "" : uri.getRawPath());
    check(method, path, headers, redactor);
    Call.Builder call = Call.to(method, uri).unauthenticated().secrets(secrets);
    headers.forEach(call::header);
    body.ifPresent(b -> call.body(b.toString().getBytes(StandardCharsets.UTF_8), "application/json"));
    limiter.ifPresent(call::rateLimiter);
    operation.ifPresent(call::operation);
    service.ifPresent(call::service);
    Response r = transport.exchange(call.build());
    // our own credential never travels on: not into a report, a log line or an Oomnitza field
    return new Answer(r.status(), r.headers().map(), parse(redactor.redactSecrets(r.text())));
  }

  /**
   * The low-cardinality name of requests of an API block: its method and its URL template's path,
   * each {@code {{variable}}} shown as {@code {variable}}, without scheme, host or query (e.g.
   * {@code PUT /v2/users/{brex_user_id}}): what the listener is told instead of a path with ids.
   */
  public static String operationOf(String method, String urlTemplate) {
    StringBuilder sb = new StringBuilder();
    for (Template.Part p : Template.parse(urlTemplate).parts()) {
      if (p.literal().isPresent()) {
        sb.append(p.literal().get());
      } else {
        sb.append('{').append(p.expression().map(Expression::root).orElse("")).append('}');
      }
    }
    String t = sb.toString();
    int q = t.indexOf('?');
    if (q >= 0) {
      t = t.substring(0, q);
    }
    int scheme = t.indexOf("://");
    if (scheme >= 0 && t.substring(0, scheme).chars().allMatch(Character::isLetter)) {
      int slash = t.indexOf('/', scheme + 3);
      t = slash < 0 ? "/" : t.substring(slash);
    }
    return method.toUpperCase(java.util.Locale.ROOT) + " " + t;
  }

  /** The secrets of this request: its credential header values, raw and without their scheme. */
  static List<String> secretsOf(Map<String, String> headers) {
    List<String> secrets = new ArrayList<>();
    headers.forEach((name, value) -> {
      if (value != null && SECRET_HEADER.matcher(name).matches()) {
        secrets.add(value);
        secrets.add(value.strip());
        int space = value.strip().indexOf(' ');
        if (space > 0) {
          secrets.add(value.strip().substring(space + 1).strip()); // "Bearer <token>" -> the token
        }
      }
    });
    return List.copyOf(secrets);
  }

  private static void check(String method, String path, Map<String, String> headers, Redactor redactor) {
    headers.forEach((name, value) -> {
      if (!Headers.validName(name)) {
        throw new SendException(method + " " + path + " was not sent: '" + redactor.redact(name)
            + "' is not a valid header name", null);
      }
      int bad = Headers.badValueCharacter(value);
      if (bad >= 0) {
        throw new SendException(method + " " + path + " was not sent: the value of header " + name
            + " contains a line break or control character at position " + (bad + 1) + " (value not"
            + " shown)" + (SECRET_HEADER.matcher(name).matches()
                ? "; check the token's environment variable for a stray space or a second line" : ""),
            null);
      }
    });
  }

  private static Optional<JsonNode> parse(String body) {
    if (body == null || body.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(Json.tryParse(body).orElse(TextNode.valueOf(body)));
  }

  /** The sender's one exception for every outcome without an answer. */
  private static final class Failures implements Transport.Failures {
    @Override
    public RuntimeException closed(Call call, String path) {
      return new SendException(call.method() + " " + path + " was not sent: the HTTP client is closed", null);
    }

    @Override
    public RuntimeException interrupted(Call call, String path, boolean waiting, InterruptedException e) {
      return new SendException(call.method() + " " + path
          + (waiting ? " interrupted while waiting to send" : " interrupted"), e);
    }

    @Override
    public RuntimeException cannotBuild(Call call, String path, String reason) {
      return new SendException(call.method() + " " + path + " was not sent: the request cannot be"
          + " built (" + reason + ")", null);
    }

    @Override
    public RuntimeException network(Transport.NetworkFailure f) {
      return new SendException(f.call().method() + " " + f.path() + " failed after " + f.attempts()
          + " attempt(s): " + f.description(), f.cause());
    }

    @Override
    public RuntimeException status(Response response, int attempts) {
      throw new IllegalStateException("the sender takes every answer (exchange)");
    }

    @Override
    public boolean isGarbled(RuntimeException e) {
      return false;
    }
  }
}
