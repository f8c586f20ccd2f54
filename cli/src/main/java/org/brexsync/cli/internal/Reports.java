package org.brexsync.cli.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.brexsync.connector.insight.Csv;
import org.brexsync.connector.mapping.FieldChange;
import org.brexsync.connector.sync.RecordOutcome;
import org.brexsync.connector.sync.Situation;
import org.brexsync.connector.sync.SyncReport;
import org.brexsync.connector.sync.WriteCounts;
import org.brexsync.cli.ConfigurationException;

/** Sync reports as terminal tables and as JSON or CSV files. */
public final class Reports {
  /** CSV columns, one row per reported record. */
  public static final List<String> CSV_HEADER = List.of(
      "run_id", "integration", "run_status", "dry_run", "situation", "brex_user_id", "sync_key",
      "oomnitza_id", "deprovision", "reason", "changes");

  private static final int SHOWN_OUTCOMES = 15;

  private Reports() {}

  /**
   * The report as a readable table (totals, timing and calls, then the first changed or failed
   * records), saying where the records beyond the first ones are: in the report file when one was
   * written (it holds every reported record), else how to get them.
   */
  static String table(SyncReport r, Optional<ReportFile> file) {
    StringBuilder sb = new StringBuilder();
    String nl = System.lineSeparator();
    sb.append(String.format(Locale.ROOT, "Run %s of '%s'%s: %s%n", r.runId(), r.integration(),
        r.dryRun() ? " (dry run: nothing written)" : "", r.status()));
    r.reason().ifPresent(reason -> sb.append("Reason: ").append(reason).append(nl));
    Table totals = new Table("RESULT", "RECORDS").right(1);
    totals.row(r.dryRun() ? "would create" : "created", r.count(Situation.CREATE));
    totals.row(r.dryRun() ? "would update" : "updated", r.count(Situation.UPDATE));
    totals.row("unchanged", r.count(Situation.UNCHANGED));
    totals.row("skipped", r.count(Situation.SKIPPED));
    totals.row("failed", r.count(Situation.FAILED));
    totals.row("total", r.processed());
    sb.append(totals.render());
    double secs = r.durationMillis() / 1000.0;
    WriteCounts w = r.recordWrites();
    sb.append(String.format(Locale.ROOT, "%d records in %.2f s (%.0f records/s); HTTP calls: Brex %d, Oomnitza %d; writes to Oomnitza: %d sent, %d accepted%s%s%n",
        r.processed(), secs, secs > 0 ? r.processed() / secs : 0.0, r.httpCalls().getOrDefault("brex", 0L),
        r.httpCalls().getOrDefault("oomnitza", 0L), w.sent(), w.accepted(),
        w.failed() > 0 ? ", " + w.failed() + " failed" : "", w.unverified() > 0 ? ", " + w.unverified() + " unverified" : ""));
    if (r.notAttempted() > 0) {
      sb.append("Not attempted (the run stopped early): ").append(r.notAttempted()).append(nl);
    }
    if (r.deprovisioned() > 0) {
      sb.append("Deprovisioned departed users: ").append(r.deprovisioned()).append(nl);
    }
    List<RecordOutcome> shown = r.outcomes().stream()
        .filter(o -> o.situation() != Situation.UNCHANGED)
        .filter(o -> !(o.situation() == Situation.SKIPPED && o.reason().orElse("").startsWith("filtered")))
        .collect(Collectors.toList());
    if (!shown.isEmpty()) {
      Table t = new Table("RESULT", "BREX USER", "SYNC KEY", "DETAILS");
      for (RecordOutcome o : shown.subList(0, Math.min(SHOWN_OUTCOMES, shown.size()))) {
        t.row(o.situation(), o.sourceId(), o.syncKey().orElse(""), shorten(brief(o), o.situation() == Situation.FAILED ? 200 : 80));
      }
      sb.append(nl).append(t.render());
      long more = shown.size() - Math.min(SHOWN_OUTCOMES, shown.size());
      if (more > 0 || r.outcomesOmitted() > 0) {
        // Outcomes beyond the in-memory cap are not in the report object: count them, and never
        // claim a file holds them unless it was written from the full stream.
        List<String> parts = new ArrayList<>();
        if (more > 0) {
          parts.add(more + " more");
        }
        if (r.outcomesOmitted() > 0) {
          parts.add(r.outcomesOmitted() + " not kept in memory");
        }
        String count = String.join(" and ", parts);
        sb.append(file.map(f -> String.format(Locale.ROOT, "... and %s: all %d reported records are in %s%n", count, f.rows(), f.target()))
            .orElseGet(() -> String.format(Locale.ROOT, "... and %s (write every one with --report FILE.json or FILE.csv)%n", count)));
      }
    }
    return sb.toString();
  }

  /** The details of one outcome (its reason, then its field changes), leaving out fields that just repeat the Brex id (shown in its own column). */
  private static String brief(RecordOutcome o) {
    List<String> parts = new ArrayList<>();
    o.reason().ifPresent(parts::add);
    String changes = o.changes().stream()
        .filter(c -> !(o.situation() == Situation.CREATE && c.to().map(n -> n.asText().equals(o.sourceId())).orElse(false)))
        .map(c -> describe(o.situation(), c))
        .collect(Collectors.joining(", "));
    if (!changes.isEmpty()) {
      parts.add(changes);
    }
    return String.join("; ", parts);
  }

  static String describe(Situation s, FieldChange c) {
    if (s == Situation.UPDATE) {
      return c.field() + ": " + text(c.from()) + " -> " + text(c.to());
    }
    return c.field() + "=" + text(c.to());
  }

  private static String text(Optional<JsonNode> v) {
    return v.map(n -> n.isTextual() ? n.asText() : n.toString()).orElse("(empty)");
  }

  private static String shorten(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 3) + "...";
  }

  /**
   * {@code json} or {@code csv} from a report file name.
   *
   * @throws ConfigurationException for any other extension
   */
  public static String format(Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".json")) {
      return "json";
    }
    if (name.endsWith(".csv")) {
      return "csv";
    }
    throw new ConfigurationException("--report must name a .json or .csv file, got '" + file + "'");
  }

  /** One outcome of run {@code r} as a CSV record of {@link #CSV_HEADER}'s columns. */
  static String csvRecord(SyncReport r, RecordOutcome o) {
    return Csv.record(List.of(
        r.runId(), r.integration(), r.status().name(), Boolean.toString(r.dryRun()), o.situation().name(),
        o.sourceId(), o.syncKey().orElse(""), o.targetId().orElse(""), Boolean.toString(o.deprovision()),
        o.reason().orElse(""),
        o.changes().stream().map(c -> describe(o.situation(), c)).collect(Collectors.joining("; "))));
  }
}
