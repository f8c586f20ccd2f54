package org.brexsync.connector.insight.internal;

import java.time.Instant;
import java.util.List;
import org.brexsync.connector.insight.ColumnFormat;
import org.brexsync.connector.insight.ListView;

/**
 * Streams a report as one self-contained HTML page (inline CSS, no scripts, no external assets),
 * every value escaped; groups as header rows with subtotal lines, totals in the table footer. With
 * {@code standalone=false} it writes only a section (used inside the dashboard). Not API.
 */
public final class HtmlReport implements ReportWriter {
  private final Appendable out;
  private final Instant generatedAt;
  private final boolean standalone;
  private final String anchor;
  private ListView view;
  private boolean[] numeric;
  private int width;
  private boolean grouped;

  /** A writer of a whole page. */
  public HtmlReport(Appendable out, Instant generatedAt) {
    this(out, generatedAt, true, "");
  }

  /** A writer of a whole page, or of a section with the given anchor id. */
  public HtmlReport(Appendable out, Instant generatedAt, boolean standalone, String anchor) {
    this.out = out;
    this.generatedAt = generatedAt;
    this.standalone = standalone;
    this.anchor = anchor;
  }

  @Override
  public void begin(ListView view, List<String> headings) {
    this.view = view;
    this.grouped = !view.groupBy().isEmpty();
    numeric = new boolean[headings.size()];
    for (int i = 0; i < headings.size(); i++) {
      ColumnFormat f = view.columns().get(i).format();
      numeric[i] = f == ColumnFormat.MONEY || f == ColumnFormat.NUMBER;
    }
    StringBuilder sb = new StringBuilder();
    if (standalone) {
      sb.append(Html.head(view.heading()));
      sb.append("<h1>").append(Html.esc(view.heading())).append("</h1>\n");
      sb.append("<p class=\"meta\">");
      view.description().ifPresent(d -> sb.append(Html.esc(d)).append(" · "));
      sb.append("Generated ").append(Html.esc(generatedAt.toString())).append(" by brexsync</p>\n");
    }
    sb.append("<table").append(anchor.isEmpty() ? "" : " id=\"" + Html.esc(anchor) + "-table\"").append(">\n<thead><tr>");
    if (grouped && !view.details()) {
      sb.append("<th>Group</th><th class=\"num\">Count</th>");
    }
    for (int i = 0; i < headings.size(); i++) {
      sb.append("<th").append(numeric[i] ? " class=\"num\"" : "").append(">").append(Html.esc(headings.get(i))).append("</th>");
    }
    sb.append("</tr></thead>\n<tbody>\n");
    width = headings.size() + (grouped && !view.details() ? 2 : 0);
    Html.append(out, sb.toString());
  }

  @Override
  public void groupStart(String label) {
    Html.append(out, "<tr class=\"group\"><td colspan=\"" + width + "\">" + Html.esc(label) + "</td></tr>\n");
  }

  @Override
  public void row(List<Cell> cells) {
    Html.append(out, "<tr>" + cells(cells) + "</tr>\n");
  }

  @Override
  public void groupEnd(String label, List<String> key, long count, List<Cell> subtotals) {
    if (view.details()) {
      Html.append(out, "<tr class=\"subtotal\"><td colspan=\"" + width + "\">Subtotal " + Html.esc(label) + ": "
          + count + (count == 1 ? " row" : " rows") + subtotalText(subtotals) + "</td></tr>\n");
    } else {
      Html.append(out, "<tr><td>" + Html.esc(label) + "</td><td class=\"num\">" + count + "</td>" + cells(subtotals) + "</tr>\n");
    }
  }

  @Override
  public void end(long matched, List<Cell> totals, long notListed) {
    StringBuilder sb = new StringBuilder("</tbody>\n<tfoot><tr>");
    if (grouped && !view.details()) {
      sb.append("<td>Total</td><td class=\"num\">").append(matched).append("</td>").append(cells(totals));
    } else {
      sb.append("<td colspan=\"").append(width).append("\">Total: ").append(matched).append(matched == 1 ? " row" : " rows")
          .append(subtotalText(totals)).append("</td>");
    }
    sb.append("</tr></tfoot>\n</table>\n");
    if (notListed > 0) {
      sb.append("<p class=\"note\">").append(notListed).append(" more not listed.</p>\n");
    }
    if (standalone) {
      sb.append(Html.foot());
    }
    Html.append(out, sb.toString());
  }

  private String subtotalText(List<Cell> cells) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (!cells.get(i).isEmpty()) {
        sb.append(" · ").append(Html.esc(view.columns().get(i).heading())).append(": ").append(Html.esc(cells.get(i).text()));
      }
    }
    return sb.toString();
  }

  private String cells(List<Cell> cells) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      sb.append(numeric[i] ? "<td class=\"num\">" : "<td>").append(Html.esc(cells.get(i).text())).append("</td>");
    }
    return sb.toString();
  }
}
