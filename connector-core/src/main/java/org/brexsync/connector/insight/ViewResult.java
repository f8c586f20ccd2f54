package org.brexsync.connector.insight;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Optional;
import java.util.Collections;
import java.util.List;
import org.brexsync.connector.insight.internal.Cell;
import org.brexsync.connector.insight.internal.ReportWriter;

/**
 * A view evaluated into memory: display texts of its rows (in order), its groups with subtotals,
 * totals, and what the evaluation held. Use it for tests, the dashboard and programmatic access;
 * stream large reports with {@link Insight#report} instead. Immutable once returned.
 */
public final class ViewResult {
  private final ListView view;
  private final List<String> headings = new ArrayList<>();
  private final List<List<String>> rows = new ArrayList<>();
  private final List<Group> groups = new ArrayList<>();
  private List<String> totals = List.of();
  private long matched;
  private long notListed;
  private int peakRetainedRows;
  private int groupsHeld;
  private int spilledRuns;

  private ViewResult(ListView view) {
    this.view = view;
  }

  /** {@return the view} */
  public ListView view() {
    return view;
  }

  /** {@return column headings} */
  public List<String> headings() {
    return Collections.unmodifiableList(headings);
  }

  /**
   * {@return rows listed, as display texts (for grouped views with details: every group's rows in order)}
   */
  public List<List<String>> rows() {
    return Collections.unmodifiableList(rows);
  }

  /** {@return groups in order (grouped views)} */
  public List<Group> groups() {
    return Collections.unmodifiableList(groups);
  }

  /** {@return grand totals, one text per column ("" where the column has no aggregate)} */
  public List<String> totals() {
    return totals;
  }

  /** {@return rows the filters accepted (also those beyond the limit)} */
  public long matched() {
    return matched;
  }

  /** {@return matched rows not listed because of the limit} */
  public long notListed() {
    return notListed;
  }

  /** {@return the most rows the evaluation held at once (0 when streamed)} */
  public int peakRetainedRows() {
    return peakRetainedRows;
  }

  /**
   * {@return sorted runs written to temporary files (sorted views without a limit beyond the sort buffer)}
   */
  public int spilledRuns() {
    return spilledRuns;
  }

  /** {@return groups the evaluation held} */
  public int groupsHeld() {
    return groupsHeld;
  }

  /**
   * {@return the texts of one column over the listed rows}
   *
   * @param heading the heading
   */
  public List<String> column(String heading) {
    int i = headings.indexOf(heading);
    if (i < 0) {
      throw new IllegalArgumentException("no column '" + heading + "' in " + headings);
    }
    List<String> c = new ArrayList<>(rows.size());
    rows.forEach(r -> c.add(r.get(i)));
    return c;
  }

  /**
   * {@return the group with the given label}
   *
   * @param label the label
   */
  public Optional<Group> group(String label) {
    return groups.stream().filter(g -> g.label.equals(label)).findFirst();
  }

  /** One group: label ({@code "Department: Sales"}), key values, row count, subtotals. */
  public static final class Group {
    private final String label;
    private final List<String> key;
    private final long count;
    private final List<String> subtotals;
    private final List<Optional<BigDecimal>> numbers;

    Group(String label, List<String> key, long count, List<String> subtotals, List<Optional<BigDecimal>> numbers) {
      this.label = label;
      this.key = List.copyOf(key);
      this.count = count;
      this.subtotals = List.copyOf(subtotals);
      this.numbers = List.copyOf(numbers);
    }

    /** {@return the group's key values, one per groupBy field ("(none)" for a missing value)} */
    public List<String> key() {
      return key;
    }

    /**
     * {@return the numeric value of a subtotal (money in major units), when it has one}
     *
     * @param column the column
     */
    public Optional<BigDecimal> number(int column) {
      return numbers.get(column);
    }

    /** {@return the label, e.g. {@code Department: Sales}} */
    public String label() {
      return label;
    }

    /** {@return rows in the group} */
    public long count() {
      return count;
    }

    /** {@return subtotals, one text per column} */
    public List<String> subtotals() {
      return subtotals;
    }

    /**
     * {@return the subtotal text of a column (by index)}
     *
     * @param column the column
     */
    public String subtotal(int column) {
      return subtotals.get(column);
    }

    @Override
    public String toString() {
      return label + " (" + count + ") " + subtotals;
    }
  }

  static Collector collector(ListView view) {
    return new Collector(new ViewResult(view));
  }

  /** Builds a ViewResult from writer events. */
  static final class Collector implements ReportWriter {
    final ViewResult r;

    Collector(ViewResult r) {
      this.r = r;
    }

    @Override
    public void begin(ListView view, List<String> headings) {
      r.headings.addAll(headings);
    }

    @Override
    public void groupStart(String label) {}

    @Override
    public void row(List<Cell> cells) {
      r.rows.add(texts(cells));
    }

    @Override
    public void groupEnd(String label, List<String> key, long count, List<Cell> subtotals) {
      List<Optional<BigDecimal>> nums = new ArrayList<>();
      subtotals.forEach(c -> nums.add(c.number()));
      r.groups.add(new Group(label, key, count, texts(subtotals), nums));
    }

    @Override
    public void end(long matched, List<Cell> totals, long notListed) {
      r.matched = matched;
      r.notListed = notListed;
      r.totals = texts(totals);
    }

    ViewResult result(int peakRetained, int groupsHeld, int spilledRuns) {
      r.spilledRuns = spilledRuns;
      r.peakRetainedRows = peakRetained;
      r.groupsHeld = groupsHeld;
      return r;
    }

    private static List<String> texts(List<Cell> cells) {
      List<String> t = new ArrayList<>(cells.size());
      cells.forEach(c -> t.add(c.text()));
      return List.copyOf(t);
    }
  }

  @Override
  public String toString() {
    return "ViewResult{" + view.name() + ", matched=" + matched + ", groups=" + groups.size() + "}";
  }
}
