package org.brexsync.connector.insight;

import java.util.Locale;

/** Output format of a report. */
public enum ReportFormat {
  /** RFC 4180 CSV (CRLF line ends), with spreadsheet formula injection neutralised. */
  CSV,
  /** A JSON document with columns, rows, groups and totals. */
  JSON,
  /** A self-contained HTML page (inline CSS, no external assets) to open or mail. */
  HTML;

  /**
   * {@return the format named case-insensitively ({@code csv}, {@code json}, {@code html})}
   *
   * @param name the name
   */
  public static ReportFormat parse(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown report format '" + name + "' (csv, json or html)");
    }
  }

  /** {@return the usual file extension, without the dot} */
  public String extension() {
    return name().toLowerCase(Locale.ROOT);
  }
}
