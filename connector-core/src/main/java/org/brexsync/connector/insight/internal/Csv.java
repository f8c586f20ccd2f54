package org.brexsync.connector.insight.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.brexsync.connector.insight.ListView;

/**
 * The CSV {@link ReportWriter}: a leading "Group" column and a subtotal line per group for grouped
 * views, totals on the last line; every line encoded by {@link org.brexsync.connector.insight.Csv}
 * (RFC 4180, formula injection neutralised). Not API.
 */
public final class Csv implements ReportWriter {
  private final Appendable out;
  private boolean grouped;
  private boolean details;
  private String group = "";

  /** A writer to {@code out}. */
  public Csv(Appendable out) {
    this.out = out;
  }

  /** {@link org.brexsync.connector.insight.Csv#field}. */
  public static String field(String value) {
    return org.brexsync.connector.insight.Csv.field(value);
  }

  @Override
  public void begin(ListView view, List<String> headings) {
    grouped = !view.groupBy().isEmpty();
    details = view.details();
    List<String> h = new ArrayList<>();
    if (grouped) {
      h.add("Group");
      if (!details) {
        h.add("Count");
      }
    }
    h.addAll(headings);
    line(h);
  }

  @Override
  public void groupStart(String label) {
    group = label;
  }

  @Override
  public void row(List<Cell> cells) {
    List<String> l = new ArrayList<>();
    if (grouped) {
      l.add(group);
    }
    cells.forEach(c -> l.add(c.text()));
    line(l);
  }

  @Override
  public void groupEnd(String label, List<String> key, long count, List<Cell> subtotals) {
    List<String> l = new ArrayList<>();
    if (details) {
      l.add("Subtotal " + label + " (" + count + ")");
    } else {
      l.add(label);
      l.add(Long.toString(count));
    }
    subtotals.forEach(c -> l.add(c.text()));
    line(l);
  }

  @Override
  public void end(long matched, List<Cell> totals, long notListed) {
    if (totals.stream().anyMatch(c -> !c.isEmpty()) || grouped) {
      List<String> l = new ArrayList<>();
      l.add("Total (" + matched + ")");
      if (grouped && !details) {
        l.add(Long.toString(matched));
      }
      for (int i = grouped ? 0 : 1; i < totals.size(); i++) {
        l.add(totals.get(i).text());
      }
      line(l);
    }
  }

  private void line(List<String> fields) {
    try {
      out.append(org.brexsync.connector.insight.Csv.record(fields));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
