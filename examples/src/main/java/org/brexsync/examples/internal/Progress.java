package org.brexsync.examples.internal;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.brexsync.connector.sync.RecordOutcome;
import org.brexsync.connector.sync.SyncListener;
import org.brexsync.connector.sync.SyncProgress;

/**
 * Shows a run's progress: on a terminal one self-overwriting bar with records/s and ETA, otherwise
 * plain lines at every 10% of the expected total (or every 1,000 records when the total is unknown).
 */
public final class Progress implements SyncListener {
  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final boolean terminal;
  private final Optional<Long> totalHint;
  private long nextPlainAt;
  private boolean drawn;

  public Progress(PrintWriter err, boolean terminal, Optional<Long> totalHint) {
    this.err = err;
    this.terminal = terminal;
    this.totalHint = totalHint;
  }

  @Override
  public void onProgress(SyncProgress p) {
    Optional<Long> total = p.expectedTotal().or(() -> totalHint).filter(t -> t > 0);
    long done = p.processed();
    double rate = p.ratePerSecond();
    Optional<Duration> eta = total.filter(t -> rate > 0).map(t -> Duration.ofMillis((long) (Math.max(0, t - done) / rate * 1000)));
    if (terminal) {
      StringBuilder sb = new StringBuilder("\r");
      if (total.isPresent()) {
        double f = Math.min(1.0, (double) done / total.get());
        int filled = (int) Math.round(f * WIDTH);
        sb.append('[').append("#".repeat(filled)).append("-".repeat(WIDTH - filled)).append("] ");
        sb.append(String.format(Locale.ROOT, "%3d%% %d/%d", (int) (f * 100), done, total.get()));
      } else {
        sb.append(done).append(" records");
      }
      sb.append(String.format(Locale.ROOT, "  %.0f records/s", rate));
      eta.ifPresent(e -> sb.append("  ETA ").append(clock(e)));
      sb.append("   ");
      err.print(sb);
      err.flush();
      drawn = true;
      return;
    }
    if (done < nextPlainAt) {
      return;
    }
    long step = total.map(t -> Math.max(1, t / 10)).orElse(1000L);
    nextPlainAt = (done / step + 1) * step;
    String line = total.map(t -> String.format(Locale.ROOT, "progress: %d/%d records (%d%%)", done, t, (int) (100.0 * done / t)))
        .orElse("progress: " + done + " records");
    line += String.format(Locale.ROOT, ", %.0f records/s", rate) + eta.map(e -> ", ETA " + clock(e)).orElse("");
    err.println(line);
    err.flush();
  }

  @Override
  public void onRecord(RecordOutcome outcome) {}

  /** Ends the bar's line (call once the run is over). */
  public void finish() {
    if (drawn) {
      err.println();
      err.flush();
      drawn = false;
    }
  }

  static String clock(Duration d) {
    long s = Math.max(0, d.toSeconds());
    return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
