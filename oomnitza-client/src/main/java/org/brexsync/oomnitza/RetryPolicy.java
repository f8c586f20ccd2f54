package org.brexsync.oomnitza;

import java.time.Duration;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * When and how long to retry, fixed when the client is built. Retries cover the statuses in
 * {@link #retryStatuses()} (default 429, 500, 502, 503, 504) and connect/timeout/IO failures, with
 * exponential backoff and jitter; a {@code Retry-After} header wins over the computed delay (capped
 * by {@link #maxRetryAfter()}).
 *
 * <p>Non-idempotent writes ({@code POST /api/v3/users}) are retried only when the request cannot
 * have been processed: a failed connect, or a 429 / 503 answer. Other failures of such a write are
 * reported at once, because retrying could create the record twice.
 *
 * <pre>{@code
 * RetryPolicy p = RetryPolicy.builder().maxAttempts(5).initialBackoff(Duration.ofSeconds(1)).build();
 * }</pre>
 */
public final class RetryPolicy {
  /** Default attempts, including the first. */
  public static final int DEFAULT_MAX_ATTEMPTS = 4;
  /** Default first backoff. */
  public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(500);
  /** Default backoff cap. */
  public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(30);
  /** Default cap on an honoured {@code Retry-After}. */
  public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofMinutes(2);
  /** Default jitter: up to half of each delay is randomised. */
  public static final double DEFAULT_JITTER = 0.5;

  private static final RetryPolicy DEFAULTS = builder().build();
  private static final RetryPolicy NONE = builder().maxAttempts(1).build();

  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final double multiplier;
  private final double jitter;
  private final Set<Integer> retryStatuses;
  private final boolean retryNetworkErrors;
  private final Duration maxRetryAfter;

  private RetryPolicy(Builder b) {
    this.maxAttempts = b.maxAttempts;
    this.initialBackoff = b.initialBackoff;
    this.maxBackoff = b.maxBackoff;
    this.multiplier = b.multiplier;
    this.jitter = b.jitter;
    this.retryStatuses = Collections.unmodifiableSet(new TreeSet<>(b.retryStatuses));
    this.retryNetworkErrors = b.retryNetworkErrors;
    this.maxRetryAfter = b.maxRetryAfter;
  }

  /** The defaults: 4 attempts, 500 ms doubling to 30 s, 50% jitter, 429/5xx and network errors. */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /** No retries. */
  public static RetryPolicy none() {
    return NONE;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Attempts including the first one. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** The delay before the first retry (before jitter). */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /** The cap on a computed delay. */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /** Growth factor per retry. */
  public double multiplier() {
    return multiplier;
  }

  /** The fraction (0..1) of each delay that is randomised. */
  public double jitter() {
    return jitter;
  }

  /** HTTP statuses that are retried. */
  public Set<Integer> retryStatuses() {
    return retryStatuses;
  }

  /** Whether connect failures, timeouts and resets are retried. */
  public boolean retryNetworkErrors() {
    return retryNetworkErrors;
  }

  /** The longest {@code Retry-After} that is waited for; a longer one ends retrying at once. */
  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  /**
   * The delay before retry number {@code retry} (1 = first retry), given a uniform random number
   * in [0, 1): {@code min(max, initial * multiplier^(retry-1))}, of which a {@link #jitter()} share
   * is scaled by {@code random}.
   */
  public Duration backoff(int retry, double random) {
    double base = initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, retry - 1));
    double capped = Math.min(base, maxBackoff.toMillis());
    double delay = capped * (1.0 - jitter) + capped * jitter * random;
    return Duration.ofMillis(Math.max(0, Math.round(delay)));
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff
        + ", maxBackoff=" + maxBackoff + ", multiplier=" + multiplier + ", jitter=" + jitter
        + ", retryStatuses=" + retryStatuses + ", retryNetworkErrors=" + retryNetworkErrors
        + ", maxRetryAfter=" + maxRetryAfter + "}";
  }

  /** Builds a {@link RetryPolicy}; every setter validates its argument. */
  public static final class Builder {
    private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
    private Duration initialBackoff = DEFAULT_INITIAL_BACKOFF;
    private Duration maxBackoff = DEFAULT_MAX_BACKOFF;
    private double multiplier = 2.0;
    private double jitter = DEFAULT_JITTER;
    private Set<Integer> retryStatuses = Set.of(429, 500, 502, 503, 504);
    private boolean retryNetworkErrors = true;
    private Duration maxRetryAfter = DEFAULT_MAX_RETRY_AFTER;

    private Builder() {}

    /** Attempts including the first (1 = no retries). */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1");
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** The first delay. */
    public Builder initialBackoff(Duration d) {
      this.initialBackoff = nonNegative(d, "initialBackoff");
      return this;
    }

    /** The cap on a computed delay. */
    public Builder maxBackoff(Duration d) {
      this.maxBackoff = nonNegative(d, "maxBackoff");
      return this;
    }

    /** Growth factor per retry (at least 1). */
    public Builder multiplier(double m) {
      if (!(m >= 1.0)) {
        throw new IllegalArgumentException("multiplier must be >= 1");
      }
      this.multiplier = m;
      return this;
    }

    /** Randomised share of each delay, 0 (none) to 1 (full jitter). */
    public Builder jitter(double j) {
      if (!(j >= 0.0 && j <= 1.0)) {
        throw new IllegalArgumentException("jitter must be within [0, 1]");
      }
      this.jitter = j;
      return this;
    }

    /** The HTTP statuses to retry. */
    public Builder retryStatuses(Set<Integer> statuses) {
      Objects.requireNonNull(statuses, "statuses");
      for (Integer s : statuses) {
        if (s == null || s < 400 || s > 599) {
          throw new IllegalArgumentException("retry statuses must be 4xx or 5xx: " + s);
        }
      }
      this.retryStatuses = Set.copyOf(statuses);
      return this;
    }

    /** Whether to retry connect failures, timeouts and resets. */
    public Builder retryNetworkErrors(boolean retry) {
      this.retryNetworkErrors = retry;
      return this;
    }

    /** The longest {@code Retry-After} to wait for. */
    public Builder maxRetryAfter(Duration d) {
      this.maxRetryAfter = nonNegative(d, "maxRetryAfter");
      return this;
    }

    /** Builds the policy. */
    public RetryPolicy build() {
      if (maxBackoff.compareTo(initialBackoff) < 0) {
        throw new IllegalArgumentException("maxBackoff must not be less than initialBackoff");
      }
      return new RetryPolicy(this);
    }

    private static Duration nonNegative(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative");
      }
      return d;
    }
  }
}
