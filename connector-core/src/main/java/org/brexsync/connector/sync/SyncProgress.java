package org.brexsync.connector.sync;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** A progress snapshot: records processed so far, per situation, the rate and an ETA when the total can be estimated. */
public final class SyncProgress {
  private final long processed;
  private final Map<Situation, Long> counts;
  private final Duration elapsed;
  private final Optional<Long> expectedTotal;

  SyncProgress(long processed, Map<Situation, Long> counts, Duration elapsed, Optional<Long> expectedTotal) {
    this.processed = processed;
    this.counts = Map.copyOf(counts);
    this.elapsed = elapsed;
    this.expectedTotal = expectedTotal;
  }

  /** Records processed. */
  public long processed() {
    return processed;
  }

  /** Records per situation. */
  public Map<Situation, Long> counts() {
    return counts;
  }

  /** Time since the run started. */
  public Duration elapsed() {
    return elapsed;
  }

  /** Records per second so far. */
  public double ratePerSecond() {
    double s = elapsed.toNanos() / 1e9;
    return s <= 0 ? 0 : processed / s;
  }

  /**
   * The expected total: the record limit, else the number of records known from the last run. Empty on
   * a first run without a limit.
   */
  public Optional<Long> expectedTotal() {
    return expectedTotal;
  }

  /** Estimated time to completion, when the total and rate are known. */
  public Optional<Duration> eta() {
    double rate = ratePerSecond();
    if (expectedTotal.isEmpty() || rate <= 0) {
      return Optional.empty();
    }
    long left = Math.max(0, expectedTotal.get() - processed);
    return Optional.of(Duration.ofMillis((long) (left / rate * 1000)));
  }

  @Override
  public String toString() {
    return String.format(
        java.util.Locale.ROOT,
        "%d processed %s, %.1f/s%s",
        processed,
        counts,
        ratePerSecond(),
        eta().map(e -> ", ETA " + e.toSeconds() + "s").orElse(""));
  }
}
