package org.brexsync.brex;

import java.util.Set;
import java.util.function.DoubleSupplier;

/**
 * When and how long to retry: on 429, 500, 502, 503, 504 and connect/timeout failures, with
 * exponential back-off and full jitter ({@code random(0, min(maxBackoff, initialBackoff * 2^n))}),
 * honouring {@code Retry-After} when the response has one, bounded by {@link #maxAttempts()} and
 * a total time budget. Writes (POST/PUT) are retried only when they carry an Idempotency-Key.
 * The core's {@link org.brexsync.http.RetryPolicy} with Brex's defaults. Immutable; build with
 * {@link #builder()}.
 */
public final class RetryPolicy extends org.brexsync.http.RetryPolicy {
  private static final RetryPolicy DEFAULTS = builder().build();
  private static final RetryPolicy NONE = builder().maxAttempts(1).build();

  private RetryPolicy(Builder b) {
    super(b);
  }

  /** {@return defaults: 4 attempts, 500 ms initial, 30 s max back-off, full jitter, 2 min budget} */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /** {@return a policy that never retries} */
  public static RetryPolicy none() {
    return NONE;
  }

  /** {@return a builder with the defaults} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return HTTP statuses that are retried ({@link #retryStatuses()})} */
  public Set<Integer> retryableStatuses() {
    return retryStatuses();
  }

  /** {@return a builder preset from this policy} */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Validating builder of {@link RetryPolicy}; every setter checks its argument. */
  public static final class Builder extends Settings<Builder> {
    private Builder() {}

    private Builder(RetryPolicy preset) {
      from(preset);
    }

    /**
     * HTTP statuses to retry ({@link #retryStatuses(Set)}).
     *
     * @param statuses HTTP statuses to retry ({@link #retryStatuses(Set)})
     * @return this builder
     */
    public Builder retryableStatuses(Set<Integer> statuses) {
      return retryStatuses(statuses);
    }

    /**
     * Source of full jitter in [0, 1] ({@link #random(DoubleSupplier)}); inject a constant in tests.
     *
     * @param jitter source of full jitter in [0, 1] ({@link #random(DoubleSupplier)}); inject a
     *     constant in tests
     * @return this builder
     */
    public Builder jitter(DoubleSupplier jitter) {
      return random(jitter);
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
