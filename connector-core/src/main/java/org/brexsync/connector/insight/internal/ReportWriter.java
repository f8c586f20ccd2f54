package org.brexsync.connector.insight.internal;

import java.util.List;
import org.brexsync.connector.insight.ListView;

/**
 * Receives a view's output in order: begin, then rows (between groupStart/groupEnd when grouped
 * with details; only groupEnd lines for a summary), then end. Not API.
 */
public interface ReportWriter {
  /** Before any row. */
  void begin(ListView view, List<String> headings);

  /** Opens a group (grouped views with details). */
  void groupStart(String label);

  /** One row. */
  void row(List<Cell> cells);

  /** Closes a group: its row count and subtotals (one cell per column). */
  void groupEnd(String label, List<String> key, long count, List<Cell> subtotals);

  /** After the last row: rows matched, grand totals, and how many matched rows were not listed. */
  void end(long matched, List<Cell> totals, long notListed);
}
