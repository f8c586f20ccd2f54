package org.brexsync.connector.insight.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.brexsync.connector.insight.ListView;

/**
 * RFC 4180 CSV (CRLF, fields quoted when they hold a comma, quote, CR or LF, quotes doubled), safe
 * against spreadsheet formula injection: a value starting with {@code = + - @}, tab or CR is
 * prefixed with an apostrophe, unless it is a plain number such as {@code -12.5}. Grouped views get
 * a leading "Group" column and a subtotal line per group; the last line holds the totals. Not API.
 */
public final class Csv implements ReportWriter {
  private static final Pattern PLAIN_NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
  private final Appendable out;
  private boolean grouped;
  private boolean details;
  private String group = "";

  /** A writer to {@code out}. */
  public Csv(Appendable out) {
    this.out = out;
  }

  /** The field neutralised against formula injection and quoted per RFC 4180 when needed. */
  public static String field(String value) {
    String v = neutralise(value);
    boolean quote = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\r') >= 0 || v.indexOf('\n') >= 0
        || (!v.isEmpty() && (v.charAt(0) == ' ' || v.charAt(v.length() - 1) == ' '));
    return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
  }

  /** The value with a leading apostrophe when a spreadsheet would read it as a formula. */
  public static String neutralise(String v) {
    if (v.isEmpty()) {
      return v;
    }
    char c = v.charAt(0);
    if ((c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') && !PLAIN_NUMBER.matcher(v).matches()) {
      return "'" + v;
    }
    return v;
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
      for (int i = 0; i < fields.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        out.append(field(fields.get(i)));
      }
      out.append("\r\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
