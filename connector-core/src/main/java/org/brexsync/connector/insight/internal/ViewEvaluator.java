package org.brexsync.connector.insight.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.TreeMap;
import org.brexsync.connector.insight.Column;
import org.brexsync.connector.insight.ListView;
import org.brexsync.connector.insight.SortKey;
import org.brexsync.connector.record.FieldPath;
import org.brexsync.connector.record.RecordView;

/**
 * Evaluates one {@link ListView} over a stream of rows, holding only what its output shape needs:
 * nothing for an unsorted ungrouped view (rows go straight to the writer), at most {@code limit}
 * rows for a sorted view with a limit (a bounded heap), one aggregate state per group for a grouped
 * summary, and the matching rows for a sorted unlimited view or a grouped view with details. Not
 * thread-safe (one evaluation per snapshot pass). Not API.
 */
public final class ViewEvaluator {
  private final ListView view;
  private final ReportWriter out;
  private final List<FieldPath> paths = new ArrayList<>();
  private final List<Optional<FieldPath>> currencyPaths = new ArrayList<>();
  private final List<FieldPath> sortPaths = new ArrayList<>();
  private final List<FieldPath> groupPaths = new ArrayList<>();
  private final List<String> groupLabels = new ArrayList<>();
  private final Comparator<Held> order;
  private final boolean grouped;
  private final boolean streaming;
  private final PriorityQueue<Held> heap; // sorted + limit: worst on top
  private final List<Held> held = new ArrayList<>();
  private final int sortBuffer;
  private final SpillRuns spills = new SpillRuns();

  /** Rows a sorted view without a limit holds before spilling a sorted run to disk. */
  public static final int DEFAULT_SORT_BUFFER = 50_000;
  private final TreeMap<List<String>, Group> groups = new TreeMap<>(ViewEvaluator::compareKeys);
  private final List<Aggregator> totals;
  private long matched;
  private int detailRows;
  private long streamed;
  private long seq;
  private int peakRetained;
  private boolean begun;

  /** An evaluator writing to {@code out}, sorting up to 50,000 rows in memory. */
  public ViewEvaluator(ListView view, ReportWriter out) {
    this(view, out, DEFAULT_SORT_BUFFER);
  }

  /**
   * An evaluator writing to {@code out}; a sorted view without a limit holds at most
   * {@code sortBuffer} rows and spills sorted runs to temporary files beyond that.
   */
  public ViewEvaluator(ListView view, ReportWriter out, int sortBuffer) {
    this.sortBuffer = sortBuffer;
    this.view = view;
    this.out = out;
    for (Column c : view.columns()) {
      paths.add(FieldPath.parse(c.field()));
      currencyPaths.add(c.currencyField().map(FieldPath::parse));
    }
    for (SortKey k : view.sort()) {
      sortPaths.add(FieldPath.parse(k.field()));
    }
    for (String g : view.groupBy()) {
      groupPaths.add(FieldPath.parse(g));
      groupLabels.add(view.columns().stream().filter(c -> c.field().equals(g)).map(Column::heading).findFirst().orElse(g));
    }
    this.order = comparator(view.sort());
    this.grouped = !view.groupBy().isEmpty();
    this.streaming = !grouped && view.sort().isEmpty();
    this.heap = !grouped && !view.sort().isEmpty() && view.limit().isPresent()
        ? new PriorityQueue<>(order.reversed()) : null;
    this.totals = newAggs();
  }

  /** The view evaluated. */
  public ListView view() {
    return view;
  }

  /** Starts the output (called before the first row; idempotent). */
  public void begin() {
    if (!begun) {
      begun = true;
      List<String> headings = new ArrayList<>();
      view.columns().forEach(c -> headings.add(c.heading()));
      out.begin(view, headings);
    }
  }

  /** Offers a row; rows the view's filters reject are ignored. */
  public void accept(RecordView row) {
    if (!view.filter().test(row)) {
      return;
    }
    begin();
    matched++;
    List<Cell> cells = new ArrayList<>(paths.size());
    for (int i = 0; i < paths.size(); i++) {
      cells.add(Formats.cell(row, view.columns().get(i), paths.get(i), currencyPaths.get(i)));
    }
    for (int i = 0; i < cells.size(); i++) {
      totals.get(i).add(cells.get(i));
    }
    if (streaming) {
      if (view.limit().isEmpty() || streamed < view.limit().get()) {
        streamed++;
        out.row(cells);
      }
      return;
    }
    Held h = new Held(cells, sortCells(row), seq++);
    if (grouped) {
      List<String> key = new ArrayList<>(groupPaths.size());
      for (FieldPath g : groupPaths) {
        key.add(row.get(g).map(n -> n.isValueNode() ? n.asText() : n.toString()).filter(s -> !s.isEmpty()).orElse("(none)"));
      }
      Group grp = groups.computeIfAbsent(key, k -> new Group(newAggs()));
      grp.count++;
      for (int i = 0; i < cells.size(); i++) {
        grp.aggs.get(i).add(cells.get(i));
      }
      if (view.details()) {
        grp.rows.add(h);
        detailRows++;
      }
    } else if (heap != null) {
      heap.add(h);
      if (heap.size() > view.limit().get()) {
        heap.poll();
      }
    } else {
      held.add(h);
      peakRetained = Math.max(peakRetained, retainedRows());
      if (held.size() >= sortBuffer) {
        held.sort(order);
        spills.spill(held);
        held.clear();
      }
    }
    peakRetained = Math.max(peakRetained, retainedRows());
  }

  /** Writes what was held and the totals. */
  public void finish() {
    begin();
    long listed = matched;
    if (grouped) {
      for (Map.Entry<List<String>, Group> e : groups.entrySet()) {
        String label = label(e.getKey());
        Group g = e.getValue();
        if (view.details()) {
          out.groupStart(label);
          g.rows.sort(order);
          g.rows.forEach(h -> out.row(h.cells));
        }
        out.groupEnd(label, e.getKey(), g.count, results(g.aggs));
      }
    } else if (heap != null) {
      List<Held> top = new ArrayList<>(heap);
      top.sort(order);
      top.forEach(h -> out.row(h.cells));
      listed = top.size();
    } else if (!streaming) {
      held.sort(order);
      try (SpillRuns runs = spills) {
        if (runs.size() == 0) {
          held.forEach(h -> out.row(h.cells));
        } else {
          runs.merge(held, order, h -> out.row(h.cells));
        }
      }
      held.clear();
    } else {
      listed = streamed;
    }
    out.end(matched, results(totals), matched - listed);
  }

  /** Rows the view's filters accepted. */
  public long matched() {
    return matched;
  }

  /** Rows held right now (0 while streaming). */
  public int retainedRows() {
    return heap != null ? heap.size() : held.size() + detailRows;
  }

  /** The most rows held at once during the evaluation. */
  public int peakRetainedRows() {
    return peakRetained;
  }

  /** Groups held (one small state each). */
  public int groupsHeld() {
    return groups.size();
  }

  private String label(List<String> key) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < key.size(); i++) {
      sb.append(i == 0 ? "" : " · ").append(groupLabels.get(i)).append(": ").append(key.get(i));
    }
    return sb.toString();
  }

  private List<Aggregator> newAggs() {
    List<Aggregator> a = new ArrayList<>(view.columns().size());
    view.columns().forEach(c -> a.add(new Aggregator(c.aggregate(), c.format())));
    return a;
  }

  private static List<Cell> results(List<Aggregator> aggs) {
    List<Cell> r = new ArrayList<>(aggs.size());
    aggs.forEach(a -> r.add(a.result()));
    return r;
  }

  private List<Cell> sortCells(RecordView row) {
    List<Cell> s = new ArrayList<>(sortPaths.size());
    for (FieldPath p : sortPaths) {
      s.add(row.get(p).map(n -> n.isObject() && n.has("amount") ? Formats.plain(n.get("amount")) : Formats.plain(n)).orElse(Cell.EMPTY));
    }
    return s;
  }

  private static Comparator<Held> comparator(List<SortKey> keys) {
    return (a, b) -> {
      for (int i = 0; i < keys.size(); i++) {
        int c = compareCells(a.sort.get(i), b.sort.get(i), keys.get(i).descending());
        if (c != 0) {
          return c;
        }
      }
      return Long.compare(a.seq, b.seq);
    };
  }

  static int compareCells(Cell a, Cell b, boolean descending) {
    if (a.isEmpty() || b.isEmpty()) {
      return a.isEmpty() == b.isEmpty() ? 0 : a.isEmpty() ? 1 : -1; // missing last either way
    }
    int c;
    if (a.number().isPresent() && b.number().isPresent()) {
      c = a.number().get().compareTo(b.number().get());
    } else {
      c = a.text().toLowerCase(Locale.ROOT).compareTo(b.text().toLowerCase(Locale.ROOT));
      if (c == 0) {
        c = a.text().compareTo(b.text());
      }
    }
    return descending ? -c : c;
  }

  private static int compareKeys(List<String> a, List<String> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = a.get(i).toLowerCase(Locale.ROOT).compareTo(b.get(i).toLowerCase(Locale.ROOT));
      if (c == 0) {
        c = a.get(i).compareTo(b.get(i));
      }
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  /** Sorted runs written to disk (sorted views without a limit beyond the sort buffer). */
  public int spilledRuns() {
    return spills.size();
  }

  /** A row held for sorting or grouping. */
  static final class Held {
    final List<Cell> cells;
    final List<Cell> sort;
    final long seq;

    Held(List<Cell> cells, List<Cell> sort, long seq) {
      this.cells = cells;
      this.sort = sort;
      this.seq = seq;
    }
  }

  private static final class Group {
    final List<Aggregator> aggs;
    final List<Held> rows = new ArrayList<>();
    long count;

    Group(List<Aggregator> aggs) {
      this.aggs = aggs;
    }
  }
}
