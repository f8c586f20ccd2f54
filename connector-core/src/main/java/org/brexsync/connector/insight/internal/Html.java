package org.brexsync.connector.insight.internal;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * HTML helpers: escaping of every text and attribute, and the one inline stylesheet shared by
 * reports and the dashboard (screen and print). Output is well-formed XHTML-compatible HTML5: every
 * element closed, attributes quoted. Not API.
 */
public final class Html {
  private Html() {}

  /** Escapes text for element content and double-quoted attributes. */
  public static String esc(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&':
          sb.append("&amp;");
          break;
        case '<':
          sb.append("&lt;");
          break;
        case '>':
          sb.append("&gt;");
          break;
        case '"':
          sb.append("&quot;");
          break;
        case '\'':
          sb.append("&#39;");
          break;
        default:
          if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
            sb.append("&#xFFFD;"); // control characters are not allowed in HTML/XML text
          } else {
            sb.append(c);
          }
      }
    }
    return sb.toString();
  }

  /** An id/anchor made of [a-z0-9-] only. */
  public static String anchor(String s) {
    return s.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
  }

  /** The document head up to and including {@code <body>}. */
  public static String head(String title) {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n"
        + "<title>" + esc(title) + "</title>\n<style>\n" + CSS + "</style>\n</head>\n<body>\n";
  }

  /** Closes the document. */
  public static String foot() {
    return "</body>\n</html>\n";
  }

  static void append(Appendable out, String s) {
    try {
      out.append(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static final String CSS =
      ":root{--ink:#1d2433;--muted:#5b6475;--line:#d9dee7;--bg:#f5f7fa;--accent:#2f5bea;--warn:#c2410c;--ok:#15803d}\n"
          + "*{box-sizing:border-box}\n"
          + "body{margin:0;padding:24px 32px;font:14px/1.45 -apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:var(--ink);background:#fff}\n"
          + "h1{font-size:22px;margin:0 0 4px}h2{font-size:16px;margin:0 0 10px}h3{font-size:14px;margin:18px 0 6px}\n"
          + ".meta{color:var(--muted);font-size:12px;margin:0 0 16px}\n"
          + "table{border-collapse:collapse;width:100%;font-size:13px;margin:0 0 12px}\n"
          + "th,td{border-bottom:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}\n"
          + "th{background:var(--bg);font-weight:600}\n"
          + "td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\n"
          + "tr.group td{background:#eef2ff;font-weight:600}\n"
          + "tr.subtotal td{font-weight:600;border-bottom:2px solid var(--line)}\n"
          + "tfoot td{font-weight:700;border-top:2px solid var(--ink)}\n"
          + ".grid{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:16px;margin:0 0 16px}\n"
          + ".card{border:1px solid var(--line);border-radius:8px;padding:12px 14px;background:#fff;break-inside:avoid;page-break-inside:avoid}\n"
          + ".kpis{display:grid;grid-template-columns:repeat(4,minmax(0,1fr));gap:12px;margin:0 0 16px}\n"
          + ".kpi{border:1px solid var(--line);border-radius:8px;padding:10px 12px;background:var(--bg)}\n"
          + ".kpi b{display:block;font-size:22px}.kpi span{color:var(--muted);font-size:12px}\n"
          + "svg{display:block;width:100%;height:auto}\n"
          + "svg text{font-family:inherit;fill:var(--ink)}\n"
          + "a{color:var(--accent)}td.count{font-weight:700}td.count.hit{color:var(--warn)}\n"
          + ".note{color:var(--muted);font-size:12px}\n"
          + "section.list{margin-top:18px;break-inside:auto}\n"
          + "@media (max-width:900px){.grid{grid-template-columns:1fr}.kpis{grid-template-columns:repeat(2,1fr)}}\n"
          + "@media print{body{padding:0;font-size:11px}@page{size:A4;margin:12mm}"
          + "*{-webkit-print-color-adjust:exact;print-color-adjust:exact}"
          + ".grid{grid-template-columns:repeat(2,minmax(0,1fr))}a{color:var(--ink);text-decoration:none}"
          + "table{font-size:10px}thead{display:table-header-group}tr{break-inside:avoid;page-break-inside:avoid}"
          + "h2,h3{break-after:avoid;page-break-after:avoid}}\n";
}
