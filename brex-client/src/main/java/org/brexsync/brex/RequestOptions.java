package org.brexsync.brex;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Per-call options (like stripe-java's): an explicit Idempotency-Key, a timeout for this call, or
 * turning off the automatic Idempotency-Key. Immutable.
 */
public final class RequestOptions {
  private static final RequestOptions DEFAULTS = new RequestOptions(null, null, true);

  private final String idempotencyKey;
  private final Duration timeout;
  private final boolean autoIdempotencyKey;

  private RequestOptions(String idempotencyKey, Duration timeout, boolean autoIdempotencyKey) {
    this.idempotencyKey = idempotencyKey;
    this.timeout = timeout;
    this.autoIdempotencyKey = autoIdempotencyKey;
  }

  /** No per-call options. */
  public static RequestOptions defaults() {
    return DEFAULTS;
  }

  /** Options that send {@code key} as the Idempotency-Key (store it to retry the call later). */
  public static RequestOptions idempotencyKey(String key) {
    return builder().idempotencyKey(key).build();
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The caller's Idempotency-Key for this call. */
  public Optional<String> idempotencyKey() {
    return Optional.ofNullable(idempotencyKey);
  }

  /** Request timeout for each attempt of this call, overriding the client's. */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  /**
   * Whether the client generates an Idempotency-Key for a POST/PUT that has none (default true).
   * When false such writes are sent without a key and never retried; create card, secure email
   * and create webhook always get a key because Brex requires one.
   */
  public boolean autoIdempotencyKey() {
    return autoIdempotencyKey;
  }

  @Override
  public String toString() {
    return "RequestOptions[idempotencyKey=" + idempotencyKey + ", timeout=" + timeout
        + ", autoIdempotencyKey=" + autoIdempotencyKey + "]";
  }

  /** Builder of {@link RequestOptions}. */
  public static final class Builder {
    private String idempotencyKey;
    private Duration timeout;
    private boolean autoIdempotencyKey = true;

    private Builder() {}

    /** Idempotency-Key to send on every attempt of this call. */
    public Builder idempotencyKey(String key) {
      Objects.requireNonNull(key, "key");
      if (key.isBlank() || key.length() > 255) {
        throw new IllegalArgumentException("idempotency key must be 1..255 non-blank characters");
      }
      this.idempotencyKey = key;
      return this;
    }

    /** Timeout for each attempt of this call. */
    public Builder timeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive");
      }
      this.timeout = timeout;
      return this;
    }

    /** See {@link RequestOptions#autoIdempotencyKey()}. */
    public Builder autoIdempotencyKey(boolean auto) {
      this.autoIdempotencyKey = auto;
      return this;
    }

    /** Builds the options. */
    public RequestOptions build() {
      return new RequestOptions(idempotencyKey, timeout, autoIdempotencyKey);
    }
  }
}
