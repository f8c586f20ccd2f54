package org.brexsync.http.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.brexsync.http.CallOptions;
import org.brexsync.http.RateLimiter;

/**
 * One logical call (possibly several HTTP attempts): method, path, query, body, per-call options,
 * and whether it may be repeated. Immutable once built. Not public API.
 */
public final class Call {
  /** Whether repeating the call after it may have been processed is safe. */
  public enum Idempotency {
    /** Safe to repeat after any retryable failure (reads; writes with an Idempotency-Key). */
    IDEMPOTENT,
    /**
     * Repeating could duplicate its effect, so it is repeated only when it cannot have been
     * processed: a failed connect, or a 429 or 503 answer.
     */
    NON_IDEMPOTENT,
    /** Never repeated (a write without an Idempotency-Key to a server that offers them). */
    NOT_REPEATABLE
  }

  /** The methods that are idempotent by their definition (RFC 9110), and retried as such. */
  public static final Set<String> IDEMPOTENT_METHODS = Set.of("GET", "HEAD", "OPTIONS", "DELETE");

  private static final CallOptions NO_OPTIONS = new CallOptions() {
    @Override
    public Optional<java.time.Duration> timeout() {
      return Optional.empty();
    }

    @Override
    public Map<String, String> extraHeaders() {
      return Map.of();
    }
  };

  private final String method;
  private final String path;
  private final String rawQuery;
  private final List<Map.Entry<String, String>> query;
  private final byte[] body;
  private final String contentType;
  private final Idempotency idempotency;
  private final CallOptions options;
  private final String idempotencyKey;
  private final Map<String, String> headers;
  private final boolean authenticated;
  private final URI baseUri;
  private final URI target;
  private final RateLimiter rateLimiter;
  private final List<String> secrets;
  private final Object tag;
  private final String operation;
  private final String service;

  private Call(Builder b) {
    this.method = b.method;
    this.path = b.path;
    this.rawQuery = b.rawQuery;
    this.query = List.copyOf(b.query);
    this.body = b.body;
    this.contentType = b.contentType;
    this.options = b.options;
    this.idempotencyKey = b.idempotencyKey != null ? b.idempotencyKey
        : b.options.idempotencyKey().orElse(null);
    this.headers = Map.copyOf(b.headers);
    this.authenticated = b.authenticated;
    this.baseUri = b.baseUri;
    this.target = b.target;
    this.rateLimiter = b.rateLimiter;
    this.secrets = List.copyOf(b.secrets);
    this.tag = b.tag;
    this.operation = b.operation != null ? b.operation : method.toUpperCase(Locale.ROOT);
    this.service = b.service;
    this.idempotency = b.idempotency != null ? b.idempotency : rule(method, idempotencyKey != null
        || headers.keySet().stream().anyMatch(h -> h.equalsIgnoreCase("Idempotency-Key")));
  }

  /**
   * The idempotency rule: the methods idempotent by definition, and any call carrying an
   * Idempotency-Key (the same key on every attempt), may be repeated; any other write (POST, PUT,
   * PATCH) is never repeated unless its client says otherwise.
   */
  public static Idempotency rule(String method, boolean hasIdempotencyKey) {
    return hasIdempotencyKey || IDEMPOTENT_METHODS.contains(method.toUpperCase(Locale.ROOT))
        ? Idempotency.IDEMPOTENT : Idempotency.NOT_REPEATABLE;
  }

  /** Starts a call of {@code method} on the already-encoded {@code path} (a {@code ?query} is kept raw). */
  public static Builder of(String method, String path) {
    return new Builder(method, path);
  }

  /**
   * Starts a call of {@code method} to the absolute {@code target}, sent as it is (the workflow
   * sender's requests, whose URI the user wrote).
   */
  public static Builder to(String method, URI target) {
    Builder b = new Builder(method, target.getRawPath() == null ? "" : target.getRawPath());
    b.target = target;
    return b;
  }

  /** The method. */
  public String method() {
    return method;
  }

  /** The encoded path (no query). */
  public String path() {
    return path;
  }

  /** The query written into the path, raw, or null. */
  public String rawQuery() {
    return rawQuery;
  }

  /** Query parameters, encoded when sent. */
  public List<Map.Entry<String, String>> query() {
    return query;
  }

  /** The body, or null. */
  public byte[] body() {
    return body;
  }

  /** The body's content type, or null. */
  public String contentType() {
    return contentType;
  }

  /** Whether and when the call may be repeated. */
  public Idempotency idempotency() {
    return idempotency;
  }

  /** The per-call options. */
  public CallOptions options() {
    return options;
  }

  /** The Idempotency-Key sent on every attempt, if any. */
  public Optional<String> idempotencyKey() {
    return Optional.ofNullable(idempotencyKey);
  }

  /** Headers of this call beyond the options' ones. */
  public Map<String, String> headers() {
    return headers;
  }

  /** Whether the transport's authentication applies. */
  public boolean authenticated() {
    return authenticated;
  }

  /** A base URI other than the transport's, if any. */
  public Optional<URI> baseUri() {
    return Optional.ofNullable(baseUri);
  }

  /** The absolute URI to send to as it is, if any. */
  public Optional<URI> target() {
    return Optional.ofNullable(target);
  }

  /** A rate limiter other than the transport's, if any. */
  public Optional<RateLimiter> rateLimiter() {
    return Optional.ofNullable(rateLimiter);
  }

  /** Secrets of this call masked in its diagnostics (e.g. its credential headers). */
  public List<String> secrets() {
    return secrets;
  }

  /** What the client attached to the call for its own hooks, or null. */
  public Object tag() {
    return tag;
  }

  /**
   * The call's low-cardinality name for listeners, metrics and traces: method and templated path
   * (e.g. {@code GET /v2/users/{id}}), never a path with ids; the method alone when none was given.
   */
  public String operation() {
    return operation;
  }

  /** The service named to listeners instead of the transport's, if any. */
  public Optional<String> service() {
    return Optional.ofNullable(service);
  }

  /**
   * {@code "METHOD template"} without the template's query: the operation name of a call on a
   * templated path such as {@code /v2/users/{id}}.
   */
  public static String operationOf(String method, String template) {
    int q = template.indexOf('?');
    return method.toUpperCase(Locale.ROOT) + " " + (q < 0 ? template : template.substring(0, q));
  }

  /** Builder. */
  public static final class Builder {
    private final String method;
    private final String path;
    private String rawQuery;
    private final List<Map.Entry<String, String>> query = new ArrayList<>();
    private byte[] body;
    private String contentType;
    private Idempotency idempotency;
    private CallOptions options = NO_OPTIONS;
    private String idempotencyKey;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private boolean authenticated = true;
    private URI baseUri;
    private URI target;
    private RateLimiter rateLimiter;
    private final List<String> secrets = new ArrayList<>();
    private Object tag;
    private String operation;
    private String service;

    private Builder(String method, String path) {
      this.method = Objects.requireNonNull(method, "method");
      int q = path.indexOf('?');
      if (q >= 0) {
        this.path = path.substring(0, q);
        this.rawQuery = path.substring(q + 1);
      } else {
        this.path = path;
      }
    }

    /** Adds a query parameter (encoded when sent). */
    public Builder query(String name, String value) {
      query.add(Map.entry(name, value));
      return this;
    }

    /** A JSON body. */
    public Builder json(byte[] json) {
      return body(json, "application/json; charset=utf-8");
    }

    /** A form body. */
    public Builder form(byte[] form) {
      return body(form, "application/x-www-form-urlencoded");
    }

    /** A body of {@code contentType} (null: the caller's headers say it). */
    public Builder body(byte[] body, String contentType) {
      this.body = body;
      this.contentType = contentType;
      return this;
    }

    /** Overrides the idempotency rule ({@link Call#rule}) for this call. */
    public Builder idempotency(Idempotency i) {
      this.idempotency = Objects.requireNonNull(i, "idempotency");
      return this;
    }

    /** Per-call options. */
    public Builder options(CallOptions o) {
      this.options = Objects.requireNonNull(o, "options");
      return this;
    }

    /** The Idempotency-Key of every attempt, instead of the options' one. */
    public Builder idempotencyKey(String key) {
      this.idempotencyKey = key;
      return this;
    }

    /** A further header of this call. */
    public Builder header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    /** Sends without the transport's authentication (the token exchange itself, or the sender). */
    public Builder unauthenticated() {
      this.authenticated = false;
      return this;
    }

    /** Sends to {@code base} instead of the transport's base URI. */
    public Builder baseUri(URI base) {
      this.baseUri = base;
      return this;
    }

    /** Takes the permits of {@code limiter} instead of the transport's. */
    public Builder rateLimiter(RateLimiter limiter) {
      this.rateLimiter = limiter;
      return this;
    }

    /** Masks {@code values} in every diagnostic of this call. */
    public Builder secrets(Collection<String> values) {
      values.stream().filter(Objects::nonNull).forEach(secrets::add);
      return this;
    }

    /** Attaches what the client's hooks need to know of this call. */
    public Builder tag(Object tag) {
      this.tag = tag;
      return this;
    }

    /**
     * The call's low-cardinality name ({@link Call#operation()}): method and templated path, e.g.
     * {@code GET /v2/users/{id}}. Never put an id, an email or any other value of one record here.
     */
    public Builder operation(String operation) {
      this.operation = Objects.requireNonNull(operation, "operation");
      return this;
    }

    /** Names another service to listeners than the transport's (e.g. Brex, for an API block sent to it). */
    public Builder service(String service) {
      this.service = Objects.requireNonNull(service, "service");
      return this;
    }

    /** Builds the call. */
    public Call build() {
      return new Call(this);
    }
  }
}
