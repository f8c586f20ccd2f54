package org.brexsync.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that tests move by hand, so rate-limit windows and timestamps need no waiting.
 * Thread-safe.
 */
public final class MutableClock extends Clock {
  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  /**
   * A clock standing at {@code start}, in UTC.
   *
   * @param start the start
   */
  public MutableClock(Instant start) {
    this(new AtomicReference<>(start), ZoneOffset.UTC);
  }

  private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /**
   * Moves the clock forward (or backward, for negative durations).
   *
   * @param d the duration
   * @return the mutable clock
   */
  public MutableClock advance(Duration d) {
    now.updateAndGet(i -> i.plus(d));
    return this;
  }

  /**
   * Sets the clock.
   *
   * @param instant the instant
   * @return the mutable clock
   */
  public MutableClock set(Instant instant) {
    now.set(instant);
    return this;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId z) {
    return new MutableClock(now, z);
  }

  @Override
  public Instant instant() {
    return now.get();
  }
}
