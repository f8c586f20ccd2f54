package org.brexsync.cli.internal;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.brexsync.connector.ProgressListener;
import org.brexsync.connector.sync.SyncListener;
import org.brexsync.connector.sync.SyncProgress;

/**
 * Shows the progress of a long command on stderr: on a terminal one self-overwriting bar (or, without
 * a known total, a count) with the rate and ETA; otherwise plain {@code progress:} lines at every 10%
 * of a known total, or every 1,000 items, and a last line when the phase ends. A total that the count
 * outgrows (an estimate) is dropped rather than shown past 100%. Sync runs report through
 * {@link SyncListener}; insight and workflow commands through {@link #listener()}.
 */
public final class Progress implements SyncListener {
  private static final int WIDTH = 30;
  private static final long PLAIN_STEP = 1000;
  /** The phase of sync runs, whose bar keeps its historic look (no label in front). */
  private static final String SYNC = "records";

  private final PrintWriter err;
  private final boolean terminal;
  private final Optional<Long> totalHint;
  private String phase = "";
  private long phaseStart = System.nanoTime();
  private long nextPlainAt;
  private long lastDone = -1;
  private long lastShown = -1;
  private Optional<Long> lastTotal = Optional.empty();
  private String lastLine = "";
  private boolean drawn;

  /**
   * A display for a sync run.
   *
   * @param totalHint the run's expected record count when the engine does not know it
   */
  public Progress(PrintWriter err, boolean terminal, Optional<Long> totalHint) {
    this.err = err;
    this.terminal = terminal;
    this.totalHint = totalHint;
  }

  /** A display for a command other than sync. */
  public Progress(PrintWriter err, boolean terminal) {
    this(err, terminal, Optional.empty());
  }

  @Override
  public void onProgress(SyncProgress p) {
    Optional<Long> total = p.expectedTotal().or(() -> totalHint);
    show(SYNC, p.processed(), total, p.ratePerSecond());
  }

  /** connector-core's listener for insight and workflow progress. */
  public ProgressListener listener() {
    return (phase, done, total) -> update(phase, done, total.isPresent() ? Optional.of(total.getAsLong()) : Optional.empty());
  }

  /** Progress of a phase of a command other than sync; the rate is measured from the phase's start. */
  public void update(String what, long done, Optional<Long> total) {
    if (!what.equals(phase)) {
      endPhase();
      phase = what;
      phaseStart = System.nanoTime();
    }
    show(what, done, total, rate(done));
  }

  /** Items per second since the phase started; 0 in its first moments, when a rate means nothing yet. */
  private double rate(long done) {
    double secs = (System.nanoTime() - phaseStart) / 1e9;
    return secs >= 0.05 ? done / secs : 0;
  }

  private void show(String what, long done, Optional<Long> estimate, double rate) {
    phase = what;
    lastDone = done;
    // A total the count has outgrown was an estimate: show the count alone, never more than 100%.
    Optional<Long> total = estimate.filter(t -> t > 0 && done <= t);
    lastTotal = total;
    Optional<Duration> eta = total.filter(t -> rate > 0).map(t -> Duration.ofMillis((long) ((t - done) / rate * 1000)));
    if (terminal) {
      StringBuilder sb = new StringBuilder("\r");
      if (total.isPresent() && !what.equals(SYNC)) {
        sb.append(what).append(' ');
      }
      if (total.isPresent()) {
        double f = (double) done / total.get();
        int filled = (int) Math.round(f * WIDTH);
        sb.append('[').append("#".repeat(filled)).append("-".repeat(WIDTH - filled)).append("] ");
        sb.append(String.format(Locale.ROOT, "%3d%% %d/%d", (int) (f * 100), done, total.get()));
      } else {
        sb.append(done).append(' ').append(what);
      }
      if (rate > 0) {
        sb.append(String.format(Locale.ROOT, "  %.0f %s/s", rate, unit(what)));
      }
      eta.ifPresent(e -> sb.append("  ETA ").append(clock(e)));
      // Pad over the rest of a longer previous line.
      String line = sb.toString();
      int pad = Math.max(3, lastLine.length() - line.length());
      err.print(line + " ".repeat(pad));
      err.flush();
      lastLine = line;
      drawn = true;
      return;
    }
    if (done < nextPlainAt) {
      return;
    }
    long step = total.map(t -> Math.max(1, t / 10)).orElse(PLAIN_STEP);
    nextPlainAt = (done / step + 1) * step;
    plainLine(what, done, total, rate, eta);
  }

  private void plainLine(String what, long done, Optional<Long> total, double rate, Optional<Duration> eta) {
    String line = total.map(t -> String.format(Locale.ROOT, "progress: %d/%d %s (%d%%)", done, t, what, (int) (100.0 * done / t)))
        .orElse("progress: " + done + " " + what);
    line += (rate > 0 ? String.format(Locale.ROOT, ", %.0f %s/s", rate, unit(what)) : "") + eta.map(e -> ", ETA " + clock(e)).orElse("");
    err.println(line);
    err.flush();
    lastShown = done;
  }

  private void endPhase() {
    if (drawn) {
      err.println();
      err.flush();
      drawn = false;
      lastLine = "";
    } else if (!terminal && lastDone >= 0 && lastDone != lastShown) {
      // The count the plain lines skipped to: where the phase ended.
      plainLine(phase, lastDone, lastTotal, rate(lastDone), Optional.empty());
    }
    nextPlainAt = 0;
    lastDone = -1;
    lastShown = -1;
    lastTotal = Optional.empty();
  }

  /** Ends the display (call once the command's work is over). */
  public void finish() {
    endPhase();
  }

  /** The counted thing of a phase: "records", "users" of "Brex users read", "people" of "people done". */
  private static String unit(String what) {
    for (String w : what.split(" ")) {
      if (!w.isEmpty() && !w.equals("Brex")) {
        return w;
      }
    }
    return "items";
  }

  static String clock(Duration d) {
    long s = Math.max(0, d.toSeconds());
    return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
