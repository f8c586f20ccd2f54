package org.brexsync.cli.internal;

import java.util.List;

/** RFC 4180 CSV with spreadsheet formula injection neutralised. */
public final class Csv {
  private Csv() {}

  /** One record, CRLF-terminated. */
  public static String record(List<String> fields) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(field(fields.get(i)));
    }
    return sb.append("\r\n").toString();
  }

  /**
   * One field: values a spreadsheet would run as a formula (starting with = + - @, tab or CR) get a
   * leading apostrophe; fields with commas, quotes or line breaks are quoted, quotes doubled.
   */
  public static String field(String value) {
    String v = value == null ? "" : value;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
      return '"' + v.replace("\"", "\"\"") + '"';
    }
    return v;
  }
}
