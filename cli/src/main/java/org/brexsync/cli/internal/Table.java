package org.brexsync.cli.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A plain-text table with a header row, columns padded to their widest cell. */
public final class Table {
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();
  private final boolean[] rightAligned;

  public Table(String... header) {
    this.header = List.of(header);
    this.rightAligned = new boolean[header.length];
  }

  /** Right-aligns a column (numbers). */
  public Table right(int column) {
    rightAligned[column] = true;
    return this;
  }

  public Table row(Object... cells) {
    List<String> r = new ArrayList<>(header.size());
    for (int i = 0; i < header.size(); i++) {
      Object c = i < cells.length ? cells[i] : "";
      r.add(clean(c == null ? "" : c.toString()));
    }
    rows.add(r);
    return this;
  }

  public int size() {
    return rows.size();
  }

  private static String clean(String s) {
    // Keep one record per line whatever the data holds.
    return s.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
  }

  public String render() {
    int[] w = new int[header.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = header.get(i).length();
      for (List<String> r : rows) {
        w[i] = Math.max(w[i], r.get(i).length());
      }
    }
    StringBuilder sb = new StringBuilder();
    line(sb, header, w);
    char[] dash = new char[Arrays.stream(w).sum() + 2 * (w.length - 1)];
    Arrays.fill(dash, '-');
    sb.append(dash).append(System.lineSeparator());
    for (List<String> r : rows) {
      line(sb, r, w);
    }
    return sb.toString();
  }

  private void line(StringBuilder sb, List<String> cells, int[] w) {
    StringBuilder l = new StringBuilder();
    for (int i = 0; i < w.length; i++) {
      if (i > 0) {
        l.append("  ");
      }
      String c = cells.get(i);
      String pad = " ".repeat(w[i] - c.length());
      l.append(rightAligned[i] ? pad + c : c + (i == w.length - 1 ? "" : pad));
    }
    sb.append(l.toString().stripTrailing()).append(System.lineSeparator());
  }
}
