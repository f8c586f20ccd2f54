package org.brexsync.spring.boot.autoconfigure.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.brexsync.http.HttpClientException;

/**
 * Whether a system answers one cheap authenticated request, remembered for a while: a health
 * endpoint polled every few seconds asks the system at most once per {@code ttl}, and callers that
 * arrive while a check is in flight wait for its result instead of sending their own. Not API.
 */
public final class Reachability {
  private final Runnable probe;
  private final Duration ttl;
  private final Clock clock;
  private Result last;

  /**
   * A check.
   *
   * @param probe one request; returns when the system answered it, throws otherwise
   * @param ttl how long a result is reused
   */
  public Reachability(Runnable probe, Duration ttl, Clock clock) {
    this.probe = Objects.requireNonNull(probe, "probe");
    this.ttl = Objects.requireNonNull(ttl, "ttl");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The last result while it is fresh, else a new one. */
  public synchronized Result get() {
    Instant now = clock.instant();
    if (last != null && now.isBefore(last.checkedAt().plus(ttl))) {
      return last;
    }
    Result r;
    try {
      probe.run();
      r = new Result(true, now, Optional.empty(), 0);
    } catch (HttpClientException e) {
      // The class name and the status say enough; messages are secret-free, but stay in the logs.
      r = new Result(false, now, Optional.of(e.getClass().getSimpleName()), e.status());
    } catch (RuntimeException e) {
      r = new Result(false, now, Optional.of(e.getClass().getSimpleName()), 0);
    }
    last = r;
    return r;
  }

  /**
   * One check.
   *
   * @param reachable whether the system answered
   * @param checkedAt when it was asked
   * @param error the exception's class name when it did not
   * @param status the HTTP status of a refusal, 0 when there was no answer
   */
  public record Result(boolean reachable, Instant checkedAt, Optional<String> error, int status) {}
}
