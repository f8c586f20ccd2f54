package org.brexsync.connector.insight;

import java.util.List;
import java.util.regex.Pattern;

/**
 * RFC 4180 CSV, safe against spreadsheet formula injection: the one CSV encoding of brexsync, used
 * by the insight reports ({@link ReportFormat#CSV}) and the {@code brexsync} CLI's sync report files.
 *
 * <p>A field is quoted when it holds a comma, a quote, CR or LF, or starts or ends with a space;
 * quotes are doubled. A value a spreadsheet would run as a formula (starting with {@code = + - @},
 * tab or CR) gets a leading apostrophe, unless it is a plain number such as {@code -12.5}. Records
 * end with CRLF.
 *
 * <pre>{@code
 * out.write(Csv.record(List.of("email", "note")));
 * out.write(Csv.record(List.of("ada@acme.example", "=HYPERLINK(\"http://x\")")));  // "'=HYPERLINK(""http://x"")"
 * }</pre>
 */
public final class Csv {
  private static final Pattern PLAIN_NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

  private Csv() {}

  /**
   * {@return one record: the fields, each as {@link #field}, separated by commas and ended by CRLF}
   *
   * @param fields the fields
   */
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
   * {@return one field, neutralised against formula injection and quoted when needed; null is the empty field}
   *
   * @param value the value
   */
  public static String field(String value) {
    String v = neutralise(value);
    boolean quote = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\r') >= 0 || v.indexOf('\n') >= 0
        || (!v.isEmpty() && (v.charAt(0) == ' ' || v.charAt(v.length() - 1) == ' '));
    return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
  }

  /**
   * {@return the value with a leading apostrophe when a spreadsheet would read it as a formula (plain numbers
   * such as {@code -12.5} are left alone); null is the empty string}
   *
   * @param value the value
   */
  public static String neutralise(String value) {
    if (value == null || value.isEmpty()) {
      return value == null ? "" : value;
    }
    char c = value.charAt(0);
    if ((c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') && !PLAIN_NUMBER.matcher(value).matches()) {
      return "'" + value;
    }
    return value;
  }
}
