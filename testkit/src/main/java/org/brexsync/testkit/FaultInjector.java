package org.brexsync.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Seeded, deterministic fault injection for a simulator.
 *
 * <p>Rules are consulted for every request in arrival order: first the one-shot rules
 * ({@code failNext}, {@code resetNext}, ...) in the order they were added, then the rate rules
 * ({@code errorRate}, {@code resetRate}, ...), each drawing from one {@link Random} seeded by
 * {@link #seed(long)}. At most one fault applies per request; latency applies in addition.
 *
 * <p>{@link #on(String, String)} returns a view whose rules only apply to one endpoint, e.g.
 * {@code faults().on("POST", "/v2/cards").resetAfterNext(1)}. The endpoint is the spec path
 * template ({@code /v2/cards/{id}/lock}) or a concrete path ({@code /v2/cards/ncard_1/lock});
 * a null method or path matches any.
 *
 * <p>All methods are thread-safe and return {@code this} for chaining.
 */
public final class FaultInjector {

  /** What happens to a request that a rule selects. */
  public enum Kind {
    /** Answer with an HTTP error status and a vendor-shaped error body; nothing is processed. */
    ERROR,
    /** Answer 429 (with the simulator's Retry-After policy); nothing is processed. */
    RATE_LIMITED,
    /** Close the connection without any response; nothing is processed. */
    RESET_BEFORE,
    /** Process the request (state changes), then close the connection without any response. */
    RESET_AFTER,
    /** Process the request, send headers and half of the body, then close the connection. */
    TRUNCATE,
    /** Process the request, answer with a complete HTTP message whose JSON body is malformed. */
    MALFORMED,
    /** Process the request, then send the body slowly in ten flushed chunks. */
    SLOW_BODY
  }

  /** The faults chosen for one request. Internal to the simulators. */
  public static final class Decision {
    static final Decision NONE = new Decision(null, 0, 0, 0);
    private final Kind kind;
    private final int status;
    private final long latencyMillis;
    private final long slowBodyMillis;

    Decision(Kind kind, int status, long latencyMillis, long slowBodyMillis) {
      this.kind = kind;
      this.status = status;
      this.latencyMillis = latencyMillis;
      this.slowBodyMillis = slowBodyMillis;
    }

    /** {@return the fault, or null for none} */
    public Kind kind() {
      return kind;
    }

    /** {@return the status for {@link Kind#ERROR}} */
    public int status() {
      return status;
    }

    /** {@return latency to add before the request is processed} */
    public long latencyMillis() {
      return latencyMillis;
    }

    /** {@return total time to spread the body over for {@link Kind#SLOW_BODY}} */
    public long slowBodyMillis() {
      return slowBodyMillis;
    }

    Decision withLatency(long millis) {
      return new Decision(kind, status, millis, slowBodyMillis);
    }
  }

  private static final class Matcher {
    final String method;
    final String path;

    Matcher(String method, String path) {
      this.method = method;
      this.path = path;
    }

    boolean matches(String m, String actualPath, String template) {
      if (method != null && !method.equalsIgnoreCase(m)) {
        return false;
      }
      return path == null || path.equals(actualPath) || path.equals(template);
    }
  }

  private static final class OneShot {
    final Matcher matcher;
    final Kind kind;
    final int status;
    final long slowMillis;
    int remaining;

    OneShot(Matcher matcher, Kind kind, int status, long slowMillis, int remaining) {
      this.matcher = matcher;
      this.kind = kind;
      this.status = status;
      this.slowMillis = slowMillis;
      this.remaining = remaining;
    }
  }

  private static final class Rate {
    final Matcher matcher;
    final Kind kind;
    final double probability;
    final int[] statuses;
    final long slowMillis;

    Rate(Matcher matcher, Kind kind, double probability, int[] statuses, long slowMillis) {
      this.matcher = matcher;
      this.kind = kind;
      this.probability = probability;
      this.statuses = statuses;
      this.slowMillis = slowMillis;
    }
  }

  private static final class Latency {
    final Matcher matcher;
    final long minMillis;
    final long maxMillis;

    Latency(Matcher matcher, long minMillis, long maxMillis) {
      this.matcher = matcher;
      this.minMillis = minMillis;
      this.maxMillis = maxMillis;
    }
  }

  /** Shared by an injector and all its scoped views. */
  private static final class State {
    Random random = new Random(0);
    final List<OneShot> oneShots = new ArrayList<>();
    final List<Rate> rates = new ArrayList<>();
    final List<Latency> latencies = new ArrayList<>();
    long injected;
    volatile boolean empty = true;

    void refreshEmpty() {
      empty = oneShots.isEmpty() && rates.isEmpty() && latencies.isEmpty();
    }
  }

  private final State state;
  private final Matcher scope;

  /** A new injector with no rules and seed 0. */
  public FaultInjector() {
    this(new State(), new Matcher(null, null));
  }

  private FaultInjector(State state, Matcher scope) {
    this.state = state;
    this.scope = scope;
  }

  /**
   * {@return a view of this injector whose new rules apply only to requests with this method and path}
   *
   * @param method HTTP method, or null for any
   * @param path spec path template or concrete path, or null for any
   */
  public FaultInjector on(String method, String path) {
    return new FaultInjector(state, new Matcher(method, path));
  }

  /**
   * Reseeds the random source used by rate rules and random latency.
   *
   * @param seed the seed of the random source
   * @return the fault injector
   */
  public FaultInjector seed(long seed) {
    synchronized (state) {
      state.random = new Random(seed);
    }
    return this;
  }

  /**
   * Adds a fixed latency to every (matching) request.
   *
   * @param fixed the fixed
   * @return the fault injector
   */
  public FaultInjector latency(Duration fixed) {
    return latency(fixed, fixed);
  }

  /**
   * Adds a uniformly random latency between min and max (inclusive) to every (matching) request.
   *
   * @param min the min
   * @param max the max
   * @return the fault injector
   */
  public FaultInjector latency(Duration min, Duration max) {
    long lo = min.toMillis();
    long hi = max.toMillis();
    if (lo < 0 || hi < lo) {
      throw new IllegalArgumentException("latency needs 0 <= min <= max");
    }
    synchronized (state) {
      state.latencies.add(new Latency(scope, lo, hi));
      state.refreshEmpty();
    }
    return this;
  }

  /**
   * {@return the next {@code n} (matching) requests answer {@code status} without being processed}
   *
   * @param n how many
   * @param status the status
   */
  public FaultInjector failNext(int n, int status) {
    return oneShot(Kind.ERROR, n, status, 0);
  }

  /**
   * {@return the next {@code n} (matching) requests answer 429 without being processed}
   *
   * @param n how many
   */
  public FaultInjector burst429(int n) {
    return oneShot(Kind.RATE_LIMITED, n, 429, 0);
  }

  /**
   * {@return the next {@code n} (matching) requests are dropped without response and without processing}
   *
   * @param n how many
   */
  public FaultInjector resetNext(int n) {
    return oneShot(Kind.RESET_BEFORE, n, 0, 0);
  }

  /**
   * {@return the next {@code n} (matching) requests are processed (the change is applied) but the
   * connection is closed without a response: the client cannot know whether it happened}
   *
   * @param n how many
   */
  public FaultInjector resetAfterNext(int n) {
    return oneShot(Kind.RESET_AFTER, n, 0, 0);
  }

  /**
   * {@return the next {@code n} (matching) responses are cut off half-way through the body}
   *
   * @param n how many
   */
  public FaultInjector truncateNext(int n) {
    return oneShot(Kind.TRUNCATE, n, 0, 0);
  }

  /**
   * {@return the next {@code n} (matching) responses carry a complete but syntactically invalid JSON body}
   *
   * @param n how many
   */
  public FaultInjector malformedNext(int n) {
    return oneShot(Kind.MALFORMED, n, 0, 0);
  }

  /**
   * {@return the next {@code n} (matching) responses send their body in chunks spread over {@code total}}
   *
   * @param n how many
   * @param total the total
   */
  public FaultInjector slowBodyNext(int n, Duration total) {
    return oneShot(Kind.SLOW_BODY, n, 0, total.toMillis());
  }

  /**
   * {@return each (matching) request fails with probability {@code rate}, with one of {@code statuses}}
   *
   * @param rate the rate
   * @param statuses the statuses
   */
  public FaultInjector errorRate(double rate, int... statuses) {
    int[] s = statuses.length == 0 ? new int[] {500, 502, 503} : statuses.clone();
    return rate(Kind.ERROR, rate, s, 0);
  }

  /**
   * {@return each (matching) request answers 429 with probability {@code rate}}
   *
   * @param rate the rate
   */
  public FaultInjector rateLimitRate(double rate) {
    return rate(Kind.RATE_LIMITED, rate, new int[] {429}, 0);
  }

  /**
   * {@return each (matching) request is dropped before processing with probability {@code rate}}
   *
   * @param rate the rate
   */
  public FaultInjector resetRate(double rate) {
    return rate(Kind.RESET_BEFORE, rate, new int[0], 0);
  }

  /**
   * {@return each (matching) request is processed, then dropped without response, with probability {@code rate}}
   *
   * @param rate the rate
   */
  public FaultInjector resetAfterRate(double rate) {
    return rate(Kind.RESET_AFTER, rate, new int[0], 0);
  }

  /**
   * {@return each (matching) response is truncated with probability {@code rate}}
   *
   * @param rate the rate
   */
  public FaultInjector truncateRate(double rate) {
    return rate(Kind.TRUNCATE, rate, new int[0], 0);
  }

  /**
   * {@return each (matching) response is malformed with probability {@code rate}}
   *
   * @param rate the rate
   */
  public FaultInjector malformedRate(double rate) {
    return rate(Kind.MALFORMED, rate, new int[0], 0);
  }

  /**
   * Removes every rule (of all views) and resets the injected-fault counter; the seed stays.
   *
   * @return the fault injector
   */
  public FaultInjector clear() {
    synchronized (state) {
      state.oneShots.clear();
      state.rates.clear();
      state.latencies.clear();
      state.injected = 0;
      state.refreshEmpty();
    }
    return this;
  }

  /** {@return how many faults (not counting latency) have been injected since the last {@link #clear()}} */
  public long injectedCount() {
    synchronized (state) {
      return state.injected;
    }
  }

  private FaultInjector oneShot(Kind kind, int n, int status, long slowMillis) {
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0");
    }
    synchronized (state) {
      state.oneShots.add(new OneShot(scope, kind, status, slowMillis, n));
      state.refreshEmpty();
    }
    return this;
  }

  private FaultInjector rate(Kind kind, double rate, int[] statuses, long slowMillis) {
    if (rate < 0 || rate > 1) {
      throw new IllegalArgumentException("rate must be within [0, 1]");
    }
    synchronized (state) {
      state.rates.add(new Rate(scope, kind, rate, statuses, slowMillis));
      state.refreshEmpty();
    }
    return this;
  }

  /**
   * Chooses the faults for one request. Used by the simulators; not for tests.
   *
   * @param method request method
   * @param path request path
   * @param template matched route template, or null
   * @return the decision
   */
  public Decision decide(String method, String path, String template) {
    if (state.empty) {
      return Decision.NONE;
    }
    synchronized (state) {
      long latency = 0;
      for (Latency l : state.latencies) {
        if (l.matcher.matches(method, path, template)) {
          long span = l.maxMillis - l.minMillis;
          latency += l.minMillis + (span == 0 ? 0 : (long) (state.random.nextDouble() * (span + 1)));
        }
      }
      Decision d = null;
      for (OneShot o : state.oneShots) {
        if (o.remaining > 0 && o.matcher.matches(method, path, template)) {
          o.remaining--;
          d = new Decision(o.kind, o.status, 0, o.slowMillis);
          break;
        }
      }
      state.oneShots.removeIf(o -> o.remaining == 0);
      if (d == null) {
        for (Rate r : state.rates) {
          if (r.matcher.matches(method, path, template) && state.random.nextDouble() < r.probability) {
            int status = r.statuses.length == 0 ? 0 : r.statuses[state.random.nextInt(r.statuses.length)];
            d = new Decision(r.kind, status, 0, r.slowMillis);
            break;
          }
        }
      }
      state.refreshEmpty();
      if (d == null) {
        return latency == 0 ? Decision.NONE : Decision.NONE.withLatency(latency);
      }
      state.injected++;
      return d.withLatency(latency);
    }
  }

  @Override
  public String toString() {
    synchronized (state) {
      return "FaultInjector{oneShots=" + state.oneShots.size() + ", rates=" + state.rates.size()
          + ", latencies=" + state.latencies.size() + ", injected=" + state.injected
          + (scope.method == null && scope.path == null ? "" : ", scope=" + Objects.toString(scope.method, "*")
          + " " + Objects.toString(scope.path, "*")) + "}";
    }
  }

}
