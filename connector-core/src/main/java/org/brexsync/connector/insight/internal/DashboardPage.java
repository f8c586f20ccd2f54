package org.brexsync.connector.insight.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.brexsync.connector.insight.Dashboard;
import org.brexsync.connector.insight.InsightResult;
import org.brexsync.connector.insight.InsightRule;
import org.brexsync.connector.insight.ViewResult;

/**
 * Renders a {@link Dashboard} as one self-contained HTML page: KPI tiles, bar charts drawn as
 * inline SVG (scaled by viewBox, labelled with their figures so they read without colour), the
 * insight counts linking to anchored member lists, and print rules (A4, no split cards). Not API.
 */
public final class DashboardPage {
  private static final String[] PALETTE = {"#2f5bea", "#0ea5a4", "#f59e0b", "#8b5cf6", "#ef4444", "#64748b", "#10b981", "#ec4899"};
  private static final Map<String, String> STATUS_COLOURS = Map.of(
      "ACTIVE", "#15803d", "INVITED", "#2f5bea", "DISABLED", "#c2410c", "DELETED", "#7f1d1d", "LOCKED", "#f59e0b",
      "SHIPPED", "#0ea5a4", "TERMINATED", "#64748b", "PENDING_ACTIVATION", "#8b5cf6");

  private DashboardPage() {}

  /** Writes the page. */
  public static void write(Dashboard d, Appendable out) {
    StringBuilder sb = new StringBuilder(32_768);
    sb.append(Html.head(d.title()));
    sb.append("<header id=\"top\"><h1>").append(Html.esc(d.title())).append("</h1>\n<p class=\"meta\">Generated ")
        .append(Html.esc(d.generatedAt().toString().replace('T', ' ').replaceAll("\\.\\d+Z$", "Z")))
        .append(" by brexsync · Oomnitza ").append(d.withOomnitza() ? "joined" : "not configured").append("</p></header>\n");
    kpis(d, sb);
    sb.append("<div class=\"grid\">\n");
    card(sb, "Users by status", bars(statusItems(d.usersByStatus()), false));
    card(sb, "Cards by status and type", stacked(d.cardsByStatusAndType()));
    card(sb, "Spend limit by department", spend(d.spendByDepartment()));
    card(sb, "Insights", insightTable(d.insights()));
    sb.append("</div>\n");
    for (InsightResult r : d.insights()) {
      section(sb, r);
    }
    sb.append(Html.foot());
    Html.append(out, sb.toString());
  }

  private static void kpis(Dashboard d, StringBuilder sb) {
    long users = d.usersByStatus().matched();
    long active = d.usersByStatus().group("Status: ACTIVE").map(ViewResult.Group::count).orElse(0L);
    long cards = d.cardsByStatusAndType().matched();
    long open = 0;
    for (ViewResult.Group g : d.cardsByStatusAndType().groups()) {
      if (!g.key().get(0).equals("TERMINATED")) {
        open += g.count();
      }
    }
    long risks = 0;
    for (InsightResult r : d.insights()) {
      if (r.available() && r.rule().kind() != InsightRule.Kind.FIGURE) {
        risks += r.count();
      }
    }
    sb.append("<div class=\"kpis\">");
    kpi(sb, fmt(users), "Brex users (" + fmt(active) + " active)");
    kpi(sb, fmt(open), "open cards of " + fmt(cards));
    kpi(sb, d.spendByDepartment().totals().isEmpty() || d.spendByDepartment().totals().get(0).isEmpty() ? "0"
        : d.spendByDepartment().totals().get(0), "card spend limits (not terminated)");
    kpi(sb, fmt(risks), "records flagged by insights");
    sb.append("</div>\n");
  }

  private static void kpi(StringBuilder sb, String value, String label) {
    sb.append("<div class=\"kpi\"><b>").append(Html.esc(value)).append("</b><span>").append(Html.esc(label)).append("</span></div>");
  }

  private static void card(StringBuilder sb, String title, String body) {
    sb.append("<div class=\"card\"><h2>").append(Html.esc(title)).append("</h2>\n").append(body).append("</div>\n");
  }

  /** One bar: label, value, shown text, colour. */
  private static final class Item {
    final String label;
    final double value;
    final String text;
    final String colour;

    Item(String label, double value, String text, String colour) {
      this.label = label;
      this.value = value;
      this.text = text;
      this.colour = colour;
    }
  }

  private static List<Item> statusItems(ViewResult r) {
    List<Item> items = new ArrayList<>();
    for (ViewResult.Group g : r.groups()) {
      String k = g.key().get(0);
      items.add(new Item(k, g.count(), fmt(g.count()), STATUS_COLOURS.getOrDefault(k, "#64748b")));
    }
    items.sort((a, b) -> Double.compare(b.value, a.value));
    return items;
  }

  private static String spend(ViewResult r) {
    List<Item> items = new ArrayList<>();
    int i = 0;
    for (ViewResult.Group g : r.groups()) {
      double v = g.number(0).map(BigDecimal::doubleValue).orElse(0.0);
      items.add(new Item(g.key().get(0), v, g.subtotal(0), PALETTE[i++ % PALETTE.length]));
    }
    items.sort((a, b) -> Double.compare(b.value, a.value));
    if (items.isEmpty()) {
      return "<p class=\"note\">No cards with a card-level spend limit.</p>\n";
    }
    return bars(items, true) + "<p class=\"note\">Card-level limits of cards not terminated; cards on the user's limit are not counted.</p>\n";
  }

  private static String bars(List<Item> items, boolean wideValues) {
    if (items.isEmpty()) {
      return "<p class=\"note\">No data.</p>\n";
    }
    int row = 26;
    int labelW = 150;
    int valueW = wideValues ? 130 : 70;
    int width = 560;
    int barW = width - labelW - valueW - 10;
    int h = items.size() * row + 6;
    double max = items.stream().mapToDouble(it -> it.value).max().orElse(1);
    StringBuilder sb = new StringBuilder();
    sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(width).append(' ').append(h)
        .append("\" role=\"img\" aria-label=\"bar chart\">\n");
    int y = 3;
    for (Item it : items) {
      int w = max <= 0 ? 0 : (int) Math.round(barW * it.value / max);
      sb.append("<text x=\"").append(labelW - 8).append("\" y=\"").append(y + 17).append("\" text-anchor=\"end\" font-size=\"12\">")
          .append(Html.esc(clip(it.label, 22))).append("</text>");
      sb.append("<rect x=\"").append(labelW).append("\" y=\"").append(y + 4).append("\" width=\"").append(Math.max(w, it.value > 0 ? 2 : 0))
          .append("\" height=\"").append(row - 8).append("\" rx=\"3\" fill=\"").append(it.colour).append("\"><title>")
          .append(Html.esc(it.label + ": " + it.text)).append("</title></rect>");
      sb.append("<text x=\"").append(labelW + Math.max(w, 0) + 6).append("\" y=\"").append(y + 17).append("\" font-size=\"12\">")
          .append(Html.esc(it.text)).append("</text>\n");
      y += row;
    }
    sb.append("</svg>\n");
    return sb.toString();
  }

  private static String stacked(ViewResult r) {
    Map<String, Map<String, Long>> byStatus = new LinkedHashMap<>();
    TreeSet<String> types = new TreeSet<>();
    for (ViewResult.Group g : r.groups()) {
      String status = g.key().get(0);
      String type = g.key().size() > 1 ? g.key().get(1) : "";
      types.add(type);
      byStatus.computeIfAbsent(status, k -> new LinkedHashMap<>()).merge(type, g.count(), Long::sum);
    }
    if (byStatus.isEmpty()) {
      return "<p class=\"note\">No cards.</p>\n";
    }
    List<String> typeList = new ArrayList<>(types);
    Map<String, String> colour = new LinkedHashMap<>();
    for (int i = 0; i < typeList.size(); i++) {
      colour.put(typeList.get(i), PALETTE[i % PALETTE.length]);
    }
    int row = 26;
    int labelW = 150;
    int width = 560;
    int barW = width - labelW - 150;
    int legend = 22;
    int h = byStatus.size() * row + legend + 6;
    long max = 1;
    for (Map<String, Long> m : byStatus.values()) {
      max = Math.max(max, m.values().stream().mapToLong(Long::longValue).sum());
    }
    StringBuilder sb = new StringBuilder();
    sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(width).append(' ').append(h)
        .append("\" role=\"img\" aria-label=\"stacked bar chart\">\n");
    int lx = labelW;
    for (String t : typeList) {
      sb.append("<rect x=\"").append(lx).append("\" y=\"4\" width=\"12\" height=\"12\" rx=\"2\" fill=\"").append(colour.get(t)).append("\" />");
      sb.append("<text x=\"").append(lx + 16).append("\" y=\"14\" font-size=\"12\">").append(Html.esc(t)).append("</text>");
      lx += 24 + 8 * t.length() + 16;
    }
    sb.append('\n');
    int y = legend;
    for (Map.Entry<String, Map<String, Long>> e : byStatus.entrySet()) {
      sb.append("<text x=\"").append(labelW - 8).append("\" y=\"").append(y + 17).append("\" text-anchor=\"end\" font-size=\"12\">")
          .append(Html.esc(clip(e.getKey(), 22))).append("</text>");
      int x = labelW;
      long total = 0;
      StringBuilder parts = new StringBuilder();
      for (String t : typeList) {
        long n = e.getValue().getOrDefault(t, 0L);
        if (n == 0) {
          continue;
        }
        total += n;
        int w = (int) Math.max(2, Math.round((double) barW * n / max));
        sb.append("<rect x=\"").append(x).append("\" y=\"").append(y + 4).append("\" width=\"").append(w).append("\" height=\"")
            .append(row - 8).append("\" fill=\"").append(colour.get(t)).append("\"><title>")
            .append(Html.esc(e.getKey() + " " + t + ": " + n)).append("</title></rect>");
        x += w;
        parts.append(parts.length() == 0 ? "" : " + ").append(n);
      }
      String label = fmt(total) + (parts.indexOf("+") > 0 ? " (" + parts + ")" : "");
      sb.append("<text x=\"").append(x + 6).append("\" y=\"").append(y + 17).append("\" font-size=\"12\">").append(Html.esc(label)).append("</text>\n");
      y += row;
    }
    sb.append("</svg>\n");
    return sb.toString();
  }

  private static String insightTable(List<InsightResult> results) {
    StringBuilder sb = new StringBuilder("<table><thead><tr><th>Insight</th><th class=\"num\">Records</th></tr></thead><tbody>\n");
    for (InsightResult r : results) {
      String a = "insight-" + Html.anchor(r.name());
      sb.append("<tr><td><a href=\"#").append(a).append("\">").append(Html.esc(r.rule().title())).append("</a></td>");
      if (!r.available()) {
        sb.append("<td class=\"num\">n/a</td>");
      } else {
        boolean hit = r.count() > 0 && r.rule().kind() != InsightRule.Kind.FIGURE;
        sb.append("<td class=\"num count").append(hit ? " hit" : "").append("\">").append(fmt(r.count())).append("</td>");
      }
      sb.append("</tr>\n");
    }
    sb.append("</tbody></table>\n");
    return sb.toString();
  }

  private static void section(StringBuilder sb, InsightResult r) {
    String a = "insight-" + Html.anchor(r.name());
    sb.append("<section class=\"list\" id=\"").append(a).append("\">\n<h3>").append(Html.esc(r.rule().title())).append(" — ")
        .append(r.available() ? fmt(r.count()) : "n/a").append("</h3>\n<p class=\"note\">").append(Html.esc(r.rule().description()))
        .append("</p>\n");
    if (!r.available()) {
      sb.append("<p class=\"note\">Needs Oomnitza: configure an Oomnitza connection to evaluate this rule.</p>\n");
    } else {
      ViewResult v = r.members().get();
      boolean grouped = !v.view().groupBy().isEmpty();
      if (!grouped && v.rows().isEmpty()) {
        sb.append("<p class=\"note\">None.</p>\n");
      } else {
        sb.append("<table><thead><tr>");
        if (grouped) {
          sb.append("<th>Group</th><th class=\"num\">Count</th>");
        }
        v.headings().forEach(h -> sb.append("<th>").append(Html.esc(h)).append("</th>"));
        sb.append("</tr></thead><tbody>\n");
        if (grouped) {
          for (ViewResult.Group g : v.groups()) {
            sb.append("<tr><td>").append(Html.esc(String.join(" · ", g.key()))).append("</td><td class=\"num\">").append(g.count()).append("</td>");
            g.subtotals().forEach(s -> sb.append("<td class=\"num\">").append(Html.esc(s)).append("</td>"));
            sb.append("</tr>\n");
          }
        } else {
          for (List<String> row : v.rows()) {
            sb.append("<tr>");
            row.forEach(c -> sb.append("<td>").append(Html.esc(c)).append("</td>"));
            sb.append("</tr>\n");
          }
        }
        sb.append("</tbody></table>\n");
        if (v.notListed() > 0) {
          sb.append("<p class=\"note\">").append(fmt(v.notListed())).append(" more not listed (see <code>brexsync report ")
              .append(Html.esc(r.name())).append("</code>).</p>\n");
        }
      }
    }
    sb.append("<p class=\"note\"><a href=\"#top\">Back to top</a></p>\n</section>\n");
  }

  private static String clip(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "…";
  }

  private static String fmt(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
