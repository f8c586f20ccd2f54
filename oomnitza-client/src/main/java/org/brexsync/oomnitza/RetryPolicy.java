package org.brexsync.oomnitza;

import java.time.Duration;

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
 *
 * <p>The core's {@link org.brexsync.http.RetryPolicy} with Oomnitza's defaults: half of each
 * delay is random ({@link #DEFAULT_JITTER}) and there is no total time budget unless one is set
 * ({@link Builder#totalBudget(Duration)}).
 */
public final class RetryPolicy extends org.brexsync.http.RetryPolicy {
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

  private RetryPolicy(Builder b) {
    super(b);
  }

  /** {@return the defaults: 4 attempts, 500 ms doubling to 30 s, 50% jitter, 429/5xx and network errors} */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /** {@return no retries} */
  public static RetryPolicy none() {
    return NONE;
  }

  /** {@return a builder starting from the defaults} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link RetryPolicy}; every setter validates its argument. */
  public static final class Builder extends Settings<Builder> {
    private Builder() {
      maxAttempts(DEFAULT_MAX_ATTEMPTS);
      initialBackoff(DEFAULT_INITIAL_BACKOFF);
      maxBackoff(DEFAULT_MAX_BACKOFF);
      maxRetryAfter(DEFAULT_MAX_RETRY_AFTER);
      jitter(DEFAULT_JITTER);
      totalBudget(UNBOUNDED);
    }

    /**
     * Builds the policy.
     *
     * @return the new retry policy
     */
    public RetryPolicy build() {
      return new RetryPolicy(this);
    }
  }
}
