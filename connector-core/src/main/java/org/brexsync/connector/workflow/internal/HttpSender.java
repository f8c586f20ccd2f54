package org.brexsync.connector.workflow.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.brexsync.brex.RateLimiter;
import org.brexsync.brex.Sleeper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one API-block request over {@code java.net.http} with brex-client's retry rules: 429, 500,
 * 502, 503, 504 and I/O failures are retried with exponential back-off (or {@code Retry-After}), but
 * only for GET/DELETE or requests carrying an {@code Idempotency-Key}, and the same key on every
 * attempt. DEBUG per attempt, WARN per retry, never bodies or tokens: every path and message goes
 * through the same {@link Redactor} as the clients', knowing this request's credential headers.
 * A request that cannot be built (a header value with a line break, e.g. a token read with its
 * trailing newline) is a {@link SendException} naming the header, never the JDK's message quoting
 * its value. Not API.
 */
public final class HttpSender {
  private static final Logger LOG = LoggerFactory.getLogger("org.brexsync.connector.workflow");
  private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);
  // Headers whose values are credentials: masked wherever they might be echoed.
  private static final Pattern SECRET_HEADER =
      Pattern.compile("(?i).*(authorization|token|secret|api[_-]?key|cookie|password).*");
  private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

  /** The raw answer. */
  public record Answer(int status, Map<String, List<String>> headers, Optional<JsonNode> body) {}

  /** Thrown when no answer came after all attempts (network) or the wait was interrupted. */
  public static final class SendException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SendException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final HttpClient http;
  private final Sleeper sleeper;
  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration requestTimeout;

  /** A sender. */
  public HttpSender(HttpClient http, Sleeper sleeper, int maxAttempts, Duration initialBackoff,
      Duration requestTimeout) {
    this.http = http;
    this.sleeper = sleeper;
    this.maxAttempts = Math.max(1, maxAttempts);
    this.initialBackoff = initialBackoff;
    this.requestTimeout = requestTimeout;
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
      Optional<RateLimiter> limiter) {
    boolean retryable = method.equals("GET") || method.equals("DELETE")
        || headers.keySet().stream().anyMatch(h -> h.equalsIgnoreCase("Idempotency-Key"));
    Redactor redactor = redactorFor(headers);
    String path = redactor.redact(uri.getRawPath() == null ? "" : uri.getRawPath());
    HttpRequest request = request(method, uri, path, headers, body, redactor);
    for (int attempt = 1; ; attempt++) {
      Duration wait;
      if (limiter.isPresent()) {
        Duration d = limiter.get().reserve();
        if (!d.isZero()) {
          try {
            sleeper.sleep(d);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SendException(method + " " + path + " interrupted while rate limited", e);
          }
        }
      }
      long start = System.nanoTime();
      try {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        LOG.debug("{} {} -> {} (attempt {}, {} ms)", method, path, r.statusCode(), attempt,
            (System.nanoTime() - start) / 1_000_000);
        int s = r.statusCode();
        boolean transientStatus = s == 429 || s == 500 || s == 502 || s == 503 || s == 504;
        if (!transientStatus || !retryable || attempt >= maxAttempts) {
          // our own credential never travels on: not into a report, a log line or an Oomnitza field
          return new Answer(s, r.headers().map(), parse(redactor.redactSecrets(r.body())));
        }
        wait = retryAfter(r).orElse(backoff(attempt));
        LOG.warn("{} {} answered {}; retry {} of {} in {} ms", method, path, s, attempt,
            maxAttempts - 1, wait.toMillis());
      } catch (IOException e) {
        if (!retryable || attempt >= maxAttempts) {
          throw new SendException(method + " " + path + " failed after " + attempt + " attempt(s): "
              + e.getClass().getSimpleName(), e);
        }
        wait = backoff(attempt);
        LOG.warn("{} {} failed ({}); retry {} of {}", method, path, e.getClass().getSimpleName(),
            attempt, maxAttempts - 1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SendException(method + " " + path + " interrupted", e);
      }
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SendException(method + " " + path + " interrupted while waiting to retry", e);
      }
    }
  }

  /** The redaction of this request: its credential header values, raw and without their scheme. */
  static Redactor redactorFor(Map<String, String> headers) {
    List<String> secrets = new java.util.ArrayList<>();
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
    List<String> fixed = List.copyOf(secrets);
    return new Redactor(() -> fixed);
  }

  private HttpRequest request(String method, URI uri, String path, Map<String, String> headers,
      Optional<JsonNode> body, Redactor redactor) {
    headers.forEach((name, value) -> {
      if (!HEADER_NAME.matcher(name).matches()) {
        throw new SendException(method + " " + path + " was not sent: '" + redactor.redact(name)
            + "' is not a valid header name", null);
      }
      int bad = badHeaderCharacter(value);
      if (bad >= 0) {
        throw new SendException(method + " " + path + " was not sent: the value of header " + name
            + " contains a line break or control character at position " + (bad + 1) + " (value not"
            + " shown)" + (SECRET_HEADER.matcher(name).matches()
                ? "; check the token's environment variable for a stray space or a second line" : ""),
            null);
      }
    });
    try {
      HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(requestTimeout);
      headers.forEach(b::header);
      if (body.isPresent()) {
        if (headers.keySet().stream().noneMatch(h -> h.equalsIgnoreCase("Content-Type"))) {
          b.header("Content-Type", "application/json");
        }
        b.method(method, HttpRequest.BodyPublishers.ofString(body.get().toString(), StandardCharsets.UTF_8));
      } else {
        b.method(method, HttpRequest.BodyPublishers.noBody());
      }
      if (headers.keySet().stream().noneMatch(h -> h.equalsIgnoreCase("Accept"))) {
        b.header("Accept", "application/json");
      }
      return b.build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      String m = String.valueOf(e.getMessage());
      int nl = m.indexOf('\n');
      throw new SendException(method + " " + path + " was not sent: the request cannot be built ("
          + redactor.redact(nl < 0 ? m : m.substring(0, nl)) + ")", null);
    }
  }

  private static int badHeaderCharacter(String value) {
    if (value == null) {
      return 0;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7f || c > 0xff) {
        return i;
      }
    }
    return -1;
  }

  private Duration backoff(int attempt) {
    long max = initialBackoff.toMillis() * (1L << Math.min(attempt - 1, 16));
    return Duration.ofMillis(ThreadLocalRandom.current().nextLong(max + 1));
  }

  private static Optional<Duration> retryAfter(HttpResponse<?> r) {
    return r.headers().firstValue("Retry-After").flatMap(v -> {
      try {
        Duration d = Duration.ofSeconds(Long.parseLong(v.trim()));
        return Optional.of(d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d);
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    });
  }

  private static Optional<JsonNode> parse(String body) {
    if (body == null || body.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(Json.tryParse(body).orElse(TextNode.valueOf(body)));
  }
}
