package org.brexsync.connector.sync;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A progress snapshot: records processed so far, per situation, the rate, and the total when it can
 * be known. The total never lies: it is never below {@link #processed()} (so a percentage never
 * exceeds 100%), it is {@link #totalIsExact() exact} once Brex has listed its last page (on a first
 * run too — a company that fits in one page has an exact total from the first batch), and it is empty
 * when nothing reliable is known.
 */
public final class SyncProgress {
  private final long processed;
  private final Map<Situation, Long> counts;
  private final Duration elapsed;
  private final Optional<Long> expectedTotal;
  private final boolean exact;

  /** A snapshot whose total is an estimate (or unknown). */
  SyncProgress(long processed, Map<Situation, Long> counts, Duration elapsed, Optional<Long> expectedTotal) {
    this(processed, counts, elapsed, expectedTotal, false);
  }

  /**
   * A snapshot. A total below {@code processed} is dropped (reported unknown) rather than shown:
   * an estimate that the run has outgrown is no longer an estimate.
   */
  SyncProgress(long processed, Map<Situation, Long> counts, Duration elapsed, Optional<Long> expectedTotal, boolean exact) {
    this.processed = processed;
    this.counts = Map.copyOf(counts);
    this.elapsed = elapsed;
    this.expectedTotal = expectedTotal.filter(t -> t >= processed);
    this.exact = exact && this.expectedTotal.isPresent();
  }

  /**
   * A snapshot (for engines and tests; a listener receives them). A total below {@code processed} is
   * dropped (reported unknown); {@code exact} says the total is known, not estimated.
   *
   * @param processed records processed so far
   * @param counts records per situation
   * @param elapsed time since the run started
   * @param expectedTotal the total the run will process, when known or estimated
   * @param exact true when {@code expectedTotal} is known rather than estimated
   * @return the snapshot
   */
  public static SyncProgress of(long processed, Map<Situation, Long> counts, Duration elapsed, Optional<Long> expectedTotal,
      boolean exact) {
    return new SyncProgress(processed, counts, elapsed, expectedTotal, exact);
  }

  /** {@return records processed (every record with an outcome, skipped ones included)} */
  public long processed() {
    return processed;
  }

  /** {@return records per situation} */
  public Map<Situation, Long> counts() {
    return counts;
  }

  /** {@return time since the run started} */
  public Duration elapsed() {
    return elapsed;
  }

  /** {@return records per second so far} */
  public double ratePerSecond() {
    double s = elapsed.toNanos() / 1e9;
    return s <= 0 ? 0 : processed / s;
  }

  /**
   * The total the run will process, never below {@link #processed()}: exact once Brex has listed its
   * last page (the records listed, plus departed users being deprovisioned once the run reaches
   * them); before that an estimate — the record limit, else the records known from the last run —
   * as long as the run has not outgrown it. Empty when no total is known (e.g. a first run of a
   * company spanning several pages, until the last page arrives).
   *
   * @return the exact or estimated total; empty when unknown
   */
  public Optional<Long> expectedTotal() {
    return expectedTotal;
  }

  /** {@return whether {@link #expectedTotal()} is an exact count rather than an estimate} */
  public boolean totalIsExact() {
    return exact;
  }

  /** {@return the share done, 0..1, when a total is known} */
  public Optional<Double> fraction() {
    return expectedTotal.map(t -> t == 0 ? 1.0 : Math.min(1.0, (double) processed / t));
  }

  /** {@return estimated time to completion, when the total and rate are known} */
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
    String total = expectedTotal
        .map(t -> String.format(java.util.Locale.ROOT, "/%s%d (%d%%)", exact ? "" : "~", t, (int) (fraction().orElse(0.0) * 100)))
        .orElse(" (total unknown)");
    return String.format(
        java.util.Locale.ROOT,
        "%d%s processed %s, %.1f/s%s",
        processed,
        total,
        counts,
        ratePerSecond(),
        eta().map(e -> ", ETA " + e.toSeconds() + "s").orElse(""));
  }
}
