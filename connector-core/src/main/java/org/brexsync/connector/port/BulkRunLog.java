package org.brexsync.connector.port;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Oomnitza's account of one finalized bulk run (its run log): status, counts per outcome and the
 * first failure messages. See {@link UserSink#bulkRunLog(String)}.
 */
public final class BulkRunLog {
  /** At most this many failure messages are kept. */
  public static final int MAX_FAILURES = 10;

  private final Optional<String> status;
  private final long added;
  private final long updated;
  private final long unchanged;
  private final long skipped;
  private final long failed;
  private final List<String> failures;

  /**
   * A run log; {@code failures} beyond {@link #MAX_FAILURES} are dropped.
   *
   * @param status the run's status as Oomnitza names it, when it says
   * @param added records created
   * @param updated records updated
   * @param unchanged records already up to date
   * @param skipped records skipped
   * @param failed records that failed
   * @param failures the first failure messages (record and reason)
   */
  public BulkRunLog(Optional<String> status, long added, long updated, long unchanged, long skipped, long failed, List<String> failures) {
    this.status = Objects.requireNonNull(status, "status");
    this.added = added;
    this.updated = updated;
    this.unchanged = unchanged;
    this.skipped = skipped;
    this.failed = failed;
    this.failures = List.copyOf(failures.subList(0, Math.min(MAX_FAILURES, failures.size())));
  }

  /** {@return the run's status as Oomnitza names it, e.g. {@code Completed with errors}} */
  public Optional<String> status() {
    return status;
  }

  /** {@return records created} */
  public long added() {
    return added;
  }

  /** {@return records updated} */
  public long updated() {
    return updated;
  }

  /** {@return records already up to date} */
  public long unchanged() {
    return unchanged;
  }

  /** {@return records skipped} */
  public long skipped() {
    return skipped;
  }

  /** {@return records that failed} */
  public long failed() {
    return failed;
  }

  /** {@return the first failure messages (record and reason), at most {@link #MAX_FAILURES}} */
  public List<String> failures() {
    return failures;
  }

  /**
   * {@return one readable line, e.g.
   * {@code Completed with errors: added 118, updated 0, unchanged 0, skipped 0, failed 2 (a@x: ...)}}
   */
  public String describe() {
    StringBuilder sb = new StringBuilder(status.orElse("status unknown"));
    sb.append(String.format(Locale.ROOT, ": added %d, updated %d, unchanged %d, skipped %d, failed %d", added, updated, unchanged, skipped, failed));
    if (!failures.isEmpty()) {
      sb.append(" (").append(String.join("; ", failures));
      if (failed > failures.size()) {
        sb.append("; ...");
      }
      sb.append(')');
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return "BulkRunLog{" + describe() + "}";
  }
}
