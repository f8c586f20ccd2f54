package org.brexsync.brex;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * When and how long to retry: on 429, 500, 502, 503, 504 and connect/timeout failures, with
 * exponential back-off and full jitter ({@code random(0, min(maxBackoff, initialBackoff * 2^n))}),
 * honouring {@code Retry-After} when the response has one, bounded by {@link #maxAttempts()} and
 * a total time budget. Writes (POST/PUT) are retried only when they carry an Idempotency-Key.
 * Immutable; build with {@link #builder()}.
 */
public final class RetryPolicy {
  /** Statuses retried by default. */
  public static final Set<Integer> DEFAULT_RETRYABLE_STATUSES = Set.of(429, 500, 502, 503, 504);

  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration totalBudget;
  private final Duration maxRetryAfter;
  private final Set<Integer> retryableStatuses;
  private final boolean retryNetworkErrors;
  private final DoubleSupplier jitter;

  private RetryPolicy(Builder b) {
    this.maxAttempts = b.maxAttempts;
    this.initialBackoff = b.initialBackoff;
    this.maxBackoff = b.maxBackoff;
    this.totalBudget = b.totalBudget;
    this.maxRetryAfter = b.maxRetryAfter;
    this.retryableStatuses = Set.copyOf(b.retryableStatuses);
    this.retryNetworkErrors = b.retryNetworkErrors;
    this.jitter = b.jitter;
  }

  /** Defaults: 4 attempts, 500 ms initial, 30 s max back-off, 2 min budget. */
  public static RetryPolicy defaults() {
    return builder().build();
  }

  /** A policy that never retries. */
  public static RetryPolicy none() {
    return builder().maxAttempts(1).build();
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Total attempts including the first (1 = no retries). */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** Back-off cap before jitter for the first retry. */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /** Upper bound of a single back-off. */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /** No retry starts when it would end after this much time since the first attempt. */
  public Duration totalBudget() {
    return totalBudget;
  }

  /** A Retry-After longer than this is not waited for; the 429 is reported instead. */
  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  /** HTTP statuses that are retried. */
  public Set<Integer> retryableStatuses() {
    return retryableStatuses;
  }

  /** Whether connect failures, resets and timeouts are retried. */
  public boolean retryNetworkErrors() {
    return retryNetworkErrors;
  }

  /**
   * The back-off before retry number {@code retry} (1-based) with full jitter.
   *
   * @param retry 1 for the first retry
   */
  public Duration backoff(int retry) {
    long cap = initialBackoff.toMillis();
    for (int i = 1; i < retry && cap < maxBackoff.toMillis(); i++) {
      cap *= 2;
    }
    cap = Math.min(cap, maxBackoff.toMillis());
    double r = Math.max(0.0, Math.min(1.0, jitter.getAsDouble()));
    return Duration.ofMillis((long) (cap * r));
  }

  /** A builder preset from this policy. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.maxAttempts = maxAttempts;
    b.initialBackoff = initialBackoff;
    b.maxBackoff = maxBackoff;
    b.totalBudget = totalBudget;
    b.maxRetryAfter = maxRetryAfter;
    b.retryableStatuses = retryableStatuses;
    b.retryNetworkErrors = retryNetworkErrors;
    b.jitter = jitter;
    return b;
  }

  @Override
  public String toString() {
    return "RetryPolicy[maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff
        + ", maxBackoff=" + maxBackoff + ", totalBudget=" + totalBudget + ", statuses="
        + retryableStatuses + "]";
  }

  /** Validating builder of {@link RetryPolicy}. */
  public static final class Builder {
    private int maxAttempts = 4;
    private Duration initialBackoff = Duration.ofMillis(500);
    private Duration maxBackoff = Duration.ofSeconds(30);
    private Duration totalBudget = Duration.ofMinutes(2);
    private Duration maxRetryAfter = Duration.ofMinutes(2);
    private Set<Integer> retryableStatuses = DEFAULT_RETRYABLE_STATUSES;
    private boolean retryNetworkErrors = true;
    private DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();

    private Builder() {}

    /** Total attempts including the first; at least 1. */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be >= 1: " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** Back-off cap for the first retry; doubled for each further retry. */
    public Builder initialBackoff(Duration d) {
      this.initialBackoff = positive(d, "initialBackoff");
      return this;
    }

    /** Upper bound of a single back-off. */
    public Builder maxBackoff(Duration d) {
      this.maxBackoff = positive(d, "maxBackoff");
      return this;
    }

    /** Total time budget for one call including retries. */
    public Builder totalBudget(Duration d) {
      this.totalBudget = positive(d, "totalBudget");
      return this;
    }

    /** Longest Retry-After that is honoured. */
    public Builder maxRetryAfter(Duration d) {
      this.maxRetryAfter = positive(d, "maxRetryAfter");
      return this;
    }

    /** HTTP statuses to retry. */
    public Builder retryableStatuses(Set<Integer> statuses) {
      this.retryableStatuses = Set.copyOf(statuses);
      return this;
    }

    /** Whether connect failures, resets and timeouts are retried (default true). */
    public Builder retryNetworkErrors(boolean retry) {
      this.retryNetworkErrors = retry;
      return this;
    }

    /** Source of jitter in [0, 1]; inject a constant in tests. */
    public Builder jitter(DoubleSupplier jitter) {
      this.jitter = Objects.requireNonNull(jitter, "jitter");
      return this;
    }

    /** Builds the policy. */
    public RetryPolicy build() {
      if (maxBackoff.compareTo(initialBackoff) < 0) {
        throw new IllegalArgumentException("maxBackoff < initialBackoff");
      }
      return new RetryPolicy(this);
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative: " + d);
      }
      return d;
    }
  }
}
