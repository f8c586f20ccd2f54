package org.brexsync.brex;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.brexsync.http.CallOptions;
import org.brexsync.http.internal.Headers;

/**
 * Per-call options (like stripe-java's), taken by every call, reads and writes alike: a timeout
 * for this call, extra headers, and for writes an explicit Idempotency-Key or turning off the
 * automatic one. Immutable.
 *
 * <pre>{@code
 * brex.users().list(ListUsersRequest.all(),
 *     RequestOptions.builder().timeout(Duration.ofSeconds(5)).header("X-Request-Source", "hr-sync").build());
 * }</pre>
 */
public final class RequestOptions implements CallOptions {
  private static final RequestOptions DEFAULTS = new RequestOptions(null, null, true, Map.of());
  // Set by the client (or by the JDK): a per-call value would conflict or leak.
  private static final Set<String> RESERVED = Set.of("authorization", "idempotency-key",
      "content-type", "content-length", "accept", "user-agent", "host", "connection", "expect",
      "upgrade", "transfer-encoding");

  private final String idempotencyKey;
  private final Duration timeout;
  private final boolean autoIdempotencyKey;
  private final Map<String, String> extraHeaders;

  private RequestOptions(String idempotencyKey, Duration timeout, boolean autoIdempotencyKey,
      Map<String, String> extraHeaders) {
    this.idempotencyKey = idempotencyKey;
    this.timeout = timeout;
    this.autoIdempotencyKey = autoIdempotencyKey;
    this.extraHeaders = extraHeaders;
  }

  /** {@return no per-call options} */
  public static RequestOptions defaults() {
    return DEFAULTS;
  }

  /**
   * {@return options that send {@code key} as the Idempotency-Key (store it to retry the call later)}
   *
   * @param key the key
   */
  public static RequestOptions idempotencyKey(String key) {
    return builder().idempotencyKey(key).build();
  }

  /**
   * {@return options with only a timeout for each attempt of this call}
   *
   * @param timeout the timeout
   */
  public static RequestOptions timeout(Duration timeout) {
    return builder().timeout(timeout).build();
  }

  /** {@return a builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** The caller's Idempotency-Key for this call (sent on writes: POST and PUT). */
  @Override
  public Optional<String> idempotencyKey() {
    return Optional.ofNullable(idempotencyKey);
  }

  /** Request timeout for each attempt of this call, overriding the client's. */
  @Override
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  /**
   * {@return whether the client generates an Idempotency-Key for a POST/PUT that has none (default true)}
   * When false such writes are sent without a key and never retried; create card, secure email
   * and create webhook always get a key because Brex requires one.
   */
  public boolean autoIdempotencyKey() {
    return autoIdempotencyKey;
  }

  /** Further headers sent on every attempt of this call (never the ones the client sets itself). */
  @Override
  public Map<String, String> extraHeaders() {
    return extraHeaders;
  }

  @Override
  public String toString() {
    // header values may be credentials of a proxy: names only
    return "RequestOptions[idempotencyKey=" + idempotencyKey + ", timeout=" + timeout
        + ", autoIdempotencyKey=" + autoIdempotencyKey + ", extraHeaders=" + extraHeaders.keySet() + "]";
  }

  /** Builder of {@link RequestOptions}. */
  public static final class Builder {
    private String idempotencyKey;
    private Duration timeout;
    private boolean autoIdempotencyKey = true;
    private final Map<String, String> extraHeaders = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Idempotency-Key to send on every attempt of this call.
     *
     * @param key idempotency-Key to send on every attempt of this call
     * @return this builder
     */
    public Builder idempotencyKey(String key) {
      Objects.requireNonNull(key, "key");
      if (key.isBlank() || key.length() > 255 || !headerValue(key)) {
        throw new IllegalArgumentException(
            "idempotency key must be 1..255 non-blank characters without control characters");
      }
      this.idempotencyKey = key;
      return this;
    }

    /**
     * Timeout for each attempt of this call.
     *
     * @param timeout timeout for each attempt of this call
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive");
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * See {@link RequestOptions#autoIdempotencyKey()}.
     *
     * @param auto see {@link RequestOptions#autoIdempotencyKey()}
     * @return this builder
     */
    public Builder autoIdempotencyKey(boolean auto) {
      this.autoIdempotencyKey = auto;
      return this;
    }

    /**
     * A further header for this call. Headers the client sets (Authorization, Idempotency-Key,
     * Content-Type, Accept, User-Agent) and those the JDK manages (Host, Content-Length, ...) are
     * refused; so are names that are not HTTP tokens and values with control characters.
     *
     * @param name the name
     * @param value the value
     * @return this builder
     * @throws IllegalArgumentException when the header is refused (the value is not echoed)
     */
    public Builder header(String name, String value) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      if (!Headers.validName(name)) {
        throw new IllegalArgumentException("not a valid HTTP header name: '" + name + "'");
      }
      if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException("the header " + name + " is set by the client, not per call"
            + (name.equalsIgnoreCase("idempotency-key") ? " (use idempotencyKey(...))" : ""));
      }
      if (!headerValue(value)) {
        throw new IllegalArgumentException("the value of header " + name
            + " contains a control or non-Latin-1 character (not shown)");
      }
      extraHeaders.put(name, value);
      return this;
    }

    /**
     * {@link #header(String, String)} for every entry.
     *
     * @param headers the headers to add, name to value
     * @return this builder
     */
    public Builder headers(Map<String, String> headers) {
      headers.forEach(this::header);
      return this;
    }

    /**
     * Builds the options.
     *
     * @return the new request options
     */
    public RequestOptions build() {
      return new RequestOptions(idempotencyKey, timeout, autoIdempotencyKey,
          Collections.unmodifiableMap(new LinkedHashMap<>(extraHeaders)));
    }
  }

  private static boolean headerValue(String s) {
    return Headers.badValueCharacter(s) < 0;
  }
}
