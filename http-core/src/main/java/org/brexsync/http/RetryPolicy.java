package org.brexsync.http;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * When and how long a client retries, fixed when the client is built. Immutable and thread-safe.
 *
 * <p>Retried: the statuses in {@link #retryStatuses()} (default 429, 500, 502, 503, 504) and, when
 * {@link #retryNetworkErrors()}, connect failures, resets and timeouts; at most {@link
 * #maxAttempts()} attempts in all. The wait before retry {@code n} is exponential back-off with
 * jitter ({@link #backoff(int, double)}); a {@code Retry-After} header wins over it, and one longer
 * than {@link #maxRetryAfter()} ends retrying at once. No retry starts that would end after
 * {@link #totalBudget()} since the first attempt.
 *
 * <p>Which requests may be repeated at all is the idempotency rule of the transport, not of the
 * policy: reads (GET, HEAD, OPTIONS, DELETE) always; writes (POST, PUT, PATCH) only with an
 * Idempotency-Key, which is sent unchanged on every attempt; and a write the vendor marks
 * non-idempotent only when it cannot have been processed (a failed connect, a 429 or a 503).
 *
 * <p>Each client has its own subclass with its documented defaults ({@code
 * org.brexsync.brex.RetryPolicy}, {@code org.brexsync.oomnitza.RetryPolicy}); {@link #custom()}
 * builds one from the core defaults: 4 attempts, 500 ms doubling up to 30 s with full jitter, a
 * 2-minute budget and a 2-minute cap on {@code Retry-After}.
 */
public class RetryPolicy {
  /** Statuses retried by default. */
  public static final Set<Integer> DEFAULT_RETRYABLE_STATUSES = Set.of(429, 500, 502, 503, 504);
  /** A {@link #totalBudget()} that never ends a retry. */
  public static final Duration UNBOUNDED = ChronoUnit.FOREVER.getDuration();

  private static final RetryPolicy DEFAULTS = custom().build();

  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final double multiplier;
  private final double jitter;
  private final DoubleSupplier random;
  private final Duration totalBudget;
  private final Duration maxRetryAfter;
  private final Set<Integer> retryStatuses;
  private final boolean retryNetworkErrors;

  /**
   * A policy of the builder's settings (validated by {@link Settings#validate()}).
   *
   * @param s the text
   */
  protected RetryPolicy(Settings<?> s) {
    s.validate();
    this.maxAttempts = s.maxAttempts;
    this.initialBackoff = s.initialBackoff;
    this.maxBackoff = s.maxBackoff;
    this.multiplier = s.multiplier;
    this.jitter = s.jitter;
    this.random = s.random;
    this.totalBudget = s.totalBudget;
    this.maxRetryAfter = s.maxRetryAfter;
    this.retryStatuses = Collections.unmodifiableSet(new TreeSet<>(s.retryStatuses));
    this.retryNetworkErrors = s.retryNetworkErrors;
  }

  /** {@return the core defaults (see the class comment)} */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /** {@return a builder starting from the core defaults} */
  public static Builder custom() {
    return new Builder();
  }

  /** {@return attempts including the first one (1 = no retries)} */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** {@return the back-off cap of the first retry, before jitter} */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /** {@return the upper bound of a single computed back-off} */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /** {@return growth factor of the back-off per retry} */
  public double multiplier() {
    return multiplier;
  }

  /** {@return the share (0..1) of each back-off that is random: 1 is full jitter} */
  public double jitter() {
    return jitter;
  }

  /** {@return the source of uniform numbers in [0, 1] that {@link #backoff(int)} draws from} */
  public DoubleSupplier random() {
    return random;
  }

  /** {@return no retry starts when it would end after this much time since the first attempt} */
  public Duration totalBudget() {
    return totalBudget;
  }

  /** {@return a {@code Retry-After} longer than this is not waited for; the answer is reported instead} */
  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  /** {@return HTTP statuses that are retried} */
  public Set<Integer> retryStatuses() {
    return retryStatuses;
  }

  /** {@return whether connect failures, resets and timeouts are retried} */
  public boolean retryNetworkErrors() {
    return retryNetworkErrors;
  }

  /**
   * {@return the back-off before retry number {@code retry} (1-based), drawing from {@link #random()}}
   *
   * @param retry the retry
   */
  public Duration backoff(int retry) {
    return backoff(retry, random.getAsDouble());
  }

  /**
   * {@return the back-off before retry number {@code retry} (1 = first retry) for a uniform {@code random}
   * in [0, 1]: {@code cap = min(maxBackoff, initialBackoff * multiplier^(retry-1))}, of which the
   * {@link #jitter()} share is scaled by {@code random}; rounded to the millisecond}
   *
   * @param retry the retry
   * @param random the random
   */
  public Duration backoff(int retry, double random) {
    double base = initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, retry - 1));
    double cap = Math.min(base, maxBackoff.toMillis());
    double r = Math.max(0.0, Math.min(1.0, random));
    return Duration.ofMillis(Math.max(0, Math.round(cap * (1.0 - jitter) + cap * jitter * r)));
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[maxAttempts=" + maxAttempts + ", initialBackoff="
        + initialBackoff + ", maxBackoff=" + maxBackoff + ", multiplier=" + multiplier + ", jitter="
        + jitter + ", totalBudget=" + (totalBudget.equals(UNBOUNDED) ? "none" : totalBudget)
        + ", maxRetryAfter=" + maxRetryAfter + ", statuses=" + retryStatuses
        + ", retryNetworkErrors=" + retryNetworkErrors + "]";
  }

  /** The builder of the core {@link RetryPolicy}. */
  public static final class Builder extends Settings<Builder> {
    private Builder() {}

    /**
     * Builds the policy.
     *
     * @return the new retry policy
     */
    public RetryPolicy build() {
      return new RetryPolicy(this);
    }
  }

  /**
   * The validating setters every client's retry-policy builder shares; each setter checks its
   * argument at once.
   *
   * @param <B> the concrete builder
   */
  public abstract static class Settings<B extends Settings<B>> {
    private int maxAttempts = 4;
    private Duration initialBackoff = Duration.ofMillis(500);
    private Duration maxBackoff = Duration.ofSeconds(30);
    private double multiplier = 2.0;
    private double jitter = 1.0;
    private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
    private Duration totalBudget = Duration.ofMinutes(2);
    private Duration maxRetryAfter = Duration.ofMinutes(2);
    private Set<Integer> retryStatuses = DEFAULT_RETRYABLE_STATUSES;
    private boolean retryNetworkErrors = true;

    /** Settings with the core defaults. */
    protected Settings() {}

    @SuppressWarnings("unchecked")
    private B self() {
      return (B) this;
    }

    /**
     * {@return these settings copied from {@code p}}
     *
     * @param p these settings copied from {@code p}
     */
    protected B from(RetryPolicy p) {
      maxAttempts = p.maxAttempts;
      initialBackoff = p.initialBackoff;
      maxBackoff = p.maxBackoff;
      multiplier = p.multiplier;
      jitter = p.jitter;
      random = p.random;
      totalBudget = p.totalBudget;
      maxRetryAfter = p.maxRetryAfter;
      retryStatuses = p.retryStatuses;
      retryNetworkErrors = p.retryNetworkErrors;
      return self();
    }

    /**
     * {@return attempts including the first (1 = no retries); at least 1}
     *
     * @param maxAttempts attempts including the first (1 = no retries); at least 1
     */
    public B maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return self();
    }

    /**
     * {@return the back-off cap of the first retry; grown by the multiplier for each further retry}
     *
     * @param d the back-off cap of the first retry; grown by the multiplier for each further retry
     */
    public B initialBackoff(Duration d) {
      this.initialBackoff = nonNegative(d, "initialBackoff");
      return self();
    }

    /**
     * {@return the upper bound of a single back-off}
     *
     * @param d the upper bound of a single back-off
     */
    public B maxBackoff(Duration d) {
      this.maxBackoff = nonNegative(d, "maxBackoff");
      return self();
    }

    /**
     * {@return growth factor per retry (at least 1; default 2)}
     *
     * @param m growth factor per retry (at least 1; default 2)
     */
    public B multiplier(double m) {
      if (!(m >= 1.0)) {
        throw new IllegalArgumentException("multiplier must be >= 1");
      }
      this.multiplier = m;
      return self();
    }

    /**
     * {@return the random share of each back-off, 0 (none) to 1 (full jitter, the core default)}
     *
     * @param j the random share of each back-off, 0 (none) to 1 (full jitter, the core default)
     */
    public B jitter(double j) {
      if (!(j >= 0.0 && j <= 1.0)) {
        throw new IllegalArgumentException("jitter must be within [0, 1]");
      }
      this.jitter = j;
      return self();
    }

    /**
     * {@return source of uniform numbers in [0, 1] for the jitter; inject a constant in tests}
     *
     * @param random source of uniform numbers in [0, 1] for the jitter; inject a constant in tests
     */
    public B random(DoubleSupplier random) {
      this.random = Objects.requireNonNull(random, "random");
      return self();
    }

    /**
     * {@return total time budget of one call including its retries ({@link #UNBOUNDED} for none)}
     *
     * @param d total time budget of one call including its retries ({@link #UNBOUNDED} for none)
     */
    public B totalBudget(Duration d) {
      this.totalBudget = nonNegative(d, "totalBudget");
      return self();
    }

    /**
     * {@return the longest {@code Retry-After} that is waited for}
     *
     * @param d the longest {@code Retry-After} that is waited for
     */
    public B maxRetryAfter(Duration d) {
      this.maxRetryAfter = nonNegative(d, "maxRetryAfter");
      return self();
    }

    /**
     * {@return the HTTP statuses to retry (4xx or 5xx)}
     *
     * @param statuses the HTTP statuses to retry (4xx or 5xx)
     */
    public B retryStatuses(Set<Integer> statuses) {
      Objects.requireNonNull(statuses, "statuses");
      for (Integer s : statuses) {
        if (s == null || s < 400 || s > 599) {
          throw new IllegalArgumentException("retry statuses must be 4xx or 5xx: " + s);
        }
      }
      this.retryStatuses = Set.copyOf(statuses);
      return self();
    }

    /**
     * {@return whether connect failures, resets and timeouts are retried (default true)}
     *
     * @param retry whether connect failures, resets and timeouts are retried (default true)
     */
    public B retryNetworkErrors(boolean retry) {
      this.retryNetworkErrors = retry;
      return self();
    }

    /** Checks the settings as a whole before a policy is made of them. */
    protected void validate() {
      if (maxBackoff.compareTo(initialBackoff) < 0) {
        throw new IllegalArgumentException("maxBackoff must not be less than initialBackoff");
      }
    }

    private static Duration nonNegative(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative: " + d);
      }
      return d;
    }
  }
}
