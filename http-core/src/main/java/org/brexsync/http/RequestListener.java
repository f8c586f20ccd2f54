package org.brexsync.http;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Observes every HTTP attempt, for metrics, tracing and auditing (called on the calling thread;
 * must be fast and must not throw: an exception is logged and ignored). Never sees bodies, tokens
 * or card data.
 *
 * <p>{@link #onAttempt} is the whole contract for a simple counter. A tracer or a timer also
 * implements {@link #onAttemptStart}: it is called just before each attempt is sent, and the
 * {@link InFlight} it returns is ended exactly once when that attempt is over, so a span or a timer
 * can cover exactly the attempt. {@link #onRateLimitWait} tells of every wait for a rate limit.
 *
 * <p>Every event names its call by {@link Attempt#operation() operation}: a templated path such as
 * {@code GET /v2/users/{id}}, never a path with ids in it, so it is fit for a metric tag.
 */
@FunctionalInterface
public interface RequestListener {
  /**
   * Called once per attempt, after it, with its outcome.
   *
   * @param attempt what was sent and how it went: status or failure, duration, whether the client
   *     retries
   */
  void onAttempt(Attempt attempt);

  /**
   * Called just before an attempt is sent (after any rate-limit wait, after the request was built).
   * The returned {@link InFlight} is ended once, on the same thread, when the attempt is over:
   * after {@link #onAttempt} when there is an outcome, and before the client waits to retry or
   * throws. The default does nothing.
   *
   * @param start the attempt about to be sent: service, method, operation and attempt number
   * @return what to end when the attempt is over (e.g. a started timer or span); {@link
   *     InFlight#NONE} when there is nothing to end
   */
  default InFlight onAttemptStart(AttemptStart start) {
    return InFlight.NONE;
  }

  /**
   * Called when a call is about to wait for a rate limit: the client-side {@link RateLimiter} had no
   * permit ({@link RateLimitWait.Source#CLIENT}), or the server answered 429 and the call will be
   * repeated after a wait ({@link RateLimitWait.Source#SERVER}). The default does nothing.
   *
   * @param wait whose limit it is and how long the call will wait
   */
  default void onRateLimitWait(RateLimitWait wait) {}

  /** {@return a listener that does nothing} */
  static RequestListener none() {
    return a -> { };
  }

  /**
   * One HTTP attempt.
   *
   * @param method HTTP method
   * @param path request path without query (redacted like every excerpt of a URL; may hold ids:
   *     never a metric tag)
   * @param attempt 1 for the first attempt
   * @param status HTTP status; empty when no response arrived (network failure)
   * @param duration time from sending to the response or failure
   * @param traceId the server's trace id (e.g. {@code X-Brex-Trace-Id}), when present
   * @param failure the network failure's class name when no response arrived, or the client's
   *     response exception's class name (e.g. {@code BrexResponseException}) when a 2xx body
   *     could not be read
   * @param willRetry whether the client retries after this attempt
   * @param service the service called: {@code Brex}, {@code Oomnitza}, or {@code Workflow} for an
   *     API block sent to another host
   * @param operation the call's low-cardinality name: method and templated path, e.g. {@code GET
   *     /v2/users/{id}}; just the method when the caller named no operation
   */
  record Attempt(String method, String path, int attempt, Optional<Integer> status,
      Duration duration, Optional<String> traceId, Optional<String> failure, boolean willRetry,
      String service, String operation) {
    /**
     * Creates an attempt, checking the components.
     *
     * @param method HTTP method
     * @param path request path without query, redacted
     * @param attempt 1 for the first attempt
     * @param status HTTP status; empty when no response arrived
     * @param duration time from sending to the response or failure
     * @param traceId the server's trace id, when present
     * @param failure the failure's class name, when the attempt failed without a usable response
     * @param willRetry whether the client retries after this attempt
     * @param service the service called
     * @param operation the call's low-cardinality name
     * @throws NullPointerException when {@code method}, {@code service} or {@code operation} is null
     */
    public Attempt {
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(service, "service");
      Objects.requireNonNull(operation, "operation");
    }

    /**
     * An attempt whose service is not known and whose operation is its method (the form of the
     * first release, before the service and operation were told).
     *
     * @param method HTTP method, which is also the operation
     * @param path request path without query, redacted
     * @param attempt 1 for the first attempt
     * @param status HTTP status; empty when no response arrived
     * @param duration time from sending to the response or failure
     * @param traceId the server's trace id, when present
     * @param failure the failure's class name, when the attempt failed without a usable response
     * @param willRetry whether the client retries after this attempt
     */
    public Attempt(String method, String path, int attempt, Optional<Integer> status,
        Duration duration, Optional<String> traceId, Optional<String> failure, boolean willRetry) {
      this(method, path, attempt, status, duration, traceId, failure, willRetry, "", method);
    }
  }

  /**
   * An attempt about to be sent.
   *
   * @param service the service called ({@link Attempt#service()})
   * @param method HTTP method
   * @param operation the call's low-cardinality name ({@link Attempt#operation()})
   * @param attempt 1 for the first attempt
   */
  record AttemptStart(String service, String method, String operation, int attempt) {
    /**
     * Creates an attempt start, checking the components.
     *
     * @param service the service called
     * @param method HTTP method
     * @param operation the call's low-cardinality name
     * @param attempt 1 for the first attempt
     * @throws NullPointerException when {@code service}, {@code method} or {@code operation} is null
     */
    public AttemptStart {
      Objects.requireNonNull(service, "service");
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(operation, "operation");
    }
  }

  /** An attempt in flight, from {@link #onAttemptStart} until it is over. */
  @FunctionalInterface
  interface InFlight {
    /** Ends nothing. */
    InFlight NONE = outcome -> { };

    /**
     * The attempt is over: {@code outcome} is what {@link #onAttempt} was given, or empty when the
     * attempt ended without one (the thread was interrupted, the JDK failed outside I/O, or the
     * client's reader of the answer threw). Called once, on the thread of the call.
     *
     * @param outcome the attempt's outcome, or empty when it ended without one
     */
    void end(Optional<Attempt> outcome);
  }

  /**
   * A wait for a rate limit before an attempt.
   *
   * @param service the service called ({@link Attempt#service()})
   * @param method HTTP method
   * @param operation the call's low-cardinality name ({@link Attempt#operation()})
   * @param source whose limit: the client's {@link RateLimiter} or the server's 429
   * @param duration how long the call waits
   */
  record RateLimitWait(String service, String method, String operation, Source source, Duration duration) {
    /**
     * Creates a rate-limit wait, checking the components.
     *
     * @param service the service called
     * @param method HTTP method
     * @param operation the call's low-cardinality name
     * @param source whose limit the call waits for
     * @param duration how long the call waits
     * @throws NullPointerException when any component is null
     */
    public RateLimitWait {
      Objects.requireNonNull(service, "service");
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(operation, "operation");
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(duration, "duration");
    }

    /** Whose limit the call waits for. */
    public enum Source {
      /** The client-side {@link RateLimiter} had no permit. */
      CLIENT,
      /** The server answered 429; the call is repeated after {@code Retry-After} or a back-off. */
      SERVER
    }
  }
}
