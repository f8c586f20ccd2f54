package org.brexsync.connector.insight;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.brexsync.connector.port.UserPage;
import org.brexsync.connector.port.UserSource;
import org.brexsync.testkit.SyntheticCompany;
import org.junit.jupiter.api.Test;

/**
 * 100,000 users generated lazily (nothing stored): what the evaluation holds is bounded by the
 * view's output shape (groups, limit), not by the number of users. Asserted on retained state, not
 * on heap readings or timings.
 */
class LargeDatasetTest {
  static final int USERS = 100_000;
  static final SyntheticCompany CO = SyntheticCompany.generate(7, USERS);

  /** A paged source generating each page on demand. */
  static UserSource lazyUsers() {
    return new UserSource() {
      @Override
      public UserPage listUsers(Optional<String> cursor, int limit) {
        int from = cursor.map(Integer::parseInt).orElse(0);
        int to = Math.min(USERS, from + limit);
        List<ObjectNode> items = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
          items.add(CO.user(i));
        }
        return UserPage.of(items, to < USERS ? Optional.of(Integer.toString(to)) : Optional.empty());
      }

      @Override
      public Optional<ObjectNode> getUser(String id) {
        int i = CO.indexOfUserId(id);
        return i < 0 ? Optional.empty() : Optional.of(CO.user(i));
      }

      @Override
      public List<ObjectNode> listDepartments() {
        return CO.departments();
      }

      @Override
      public List<ObjectNode> listLocations() {
        return CO.locations();
      }

      @Override
      public List<ObjectNode> listTitles() {
        return CO.titles();
      }
    };
  }

  static Insight insight() {
    return Insight.builder().users(lazyUsers()).cards(a -> CO.cards().forEach(a)).pageSize(1000)
        .clock(Clock.fixed(Instant.parse("2026-11-27T00:00:00Z"), ZoneOffset.UTC)).build();
  }

  @Test
  void groupedSummaryHoldsOneStatePerGroupAndNoRows() {
    ListView byDept = ListView.builder().name("by-dept")
        .addColumns(Column.builder().field("email").label("Users").aggregate(Aggregate.COUNT).build())
        .addGroupBy("department.name").details(false).build();
    ListView top = ListView.builder().name("top").addColumns(Column.of("email", "Email"))
        .addSort(SortKey.desc("email")).limit(25).build();
    List<ViewResult> r = insight().evaluate(List.of(byDept, top));

    ViewResult g = r.get(0);
    assertThat(g.matched()).isEqualTo(USERS);
    assertThat(g.groupsHeld()).isEqualTo(CO.departments().size()).isLessThan(100);
    assertThat(g.peakRetainedRows()).isZero();
    assertThat(g.groups().stream().mapToLong(ViewResult.Group::count).sum()).isEqualTo(USERS);

    ViewResult t = r.get(1);
    assertThat(t.rows()).hasSize(25);
    assertThat(t.peakRetainedRows()).isEqualTo(25); // a bounded heap, not 100,000 rows
    assertThat(t.notListed()).isEqualTo(USERS - 25);
  }

  @Test
  void unsortedReportStreamsEveryRowWithoutHoldingAny() {
    CountingWriter w = new CountingWriter();
    // Lines already written each time the report asks Brex for the next page of 1,000 users.
    List<Long> writtenAtFetch = new ArrayList<>();
    UserSource lazy = lazyUsers();
    UserSource watched = new UserSource() {
      @Override
      public UserPage listUsers(Optional<String> cursor, int limit) {
        writtenAtFetch.add(w.lines);
        return lazy.listUsers(cursor, limit);
      }

      @Override
      public Optional<ObjectNode> getUser(String id) {
        return lazy.getUser(id);
      }

      @Override
      public List<ObjectNode> listDepartments() {
        return lazy.listDepartments();
      }

      @Override
      public List<ObjectNode> listLocations() {
        return lazy.listLocations();
      }

      @Override
      public List<ObjectNode> listTitles() {
        return lazy.listTitles();
      }
    };
    ListView all = ListView.builder().name("all").addColumns(Column.of("email", "Email"), Column.of("status", "Status")).build();
    Insight.builder().users(watched).cards(a -> CO.cards().forEach(a)).pageSize(1000)
        .clock(Clock.fixed(Instant.parse("2026-11-27T00:00:00Z"), ZoneOffset.UTC)).build()
        .report(all, ReportFormat.CSV, w);
    assertThat(w.lines).isEqualTo(USERS + 1);
    // Streamed: by the time page p is requested, the rows of the pages before it are out (allowing
    // one page read ahead and a writer buffer), instead of every row arriving at the end.
    assertThat(writtenAtFetch).hasSize(USERS / 1000);
    for (int p = 2; p < writtenAtFetch.size(); p++) {
      assertThat(writtenAtFetch.get(p)).as("lines written before page %d was read", p).isGreaterThanOrEqualTo((p - 2) * 1000L);
    }
    assertThat(insight().evaluate(ListView.builder().from(all).limit(10).build()).peakRetainedRows()).isZero();
  }

  @Test
  void sortedReportWithoutLimitSpillsSortedRunsAndMergesThem() {
    ListView all = ListView.builder().name("all-by-email").addColumns(Column.of("email", "Email"))
        .addSort(SortKey.desc("email")).build();
    Insight in = Insight.builder().users(lazyUsers()).cards(a -> {}).pageSize(1000).sortBuffer(10_000)
        .clock(Clock.fixed(Instant.parse("2026-11-27T00:00:00Z"), ZoneOffset.UTC)).build();
    OrderCheckingWriter w = new OrderCheckingWriter();
    in.report(all, ReportFormat.CSV, w);
    assertThat(w.rows).isEqualTo(USERS);
    assertThat(w.outOfOrder).isZero();
    ViewResult r = in.evaluate(all);
    assertThat(r.peakRetainedRows()).isLessThanOrEqualTo(10_000);
    assertThat(r.spilledRuns()).isEqualTo(10);
    assertThat(r.rows()).hasSize(USERS); // the in-memory result is the caller's choice; the evaluation held 10,000
    assertThat(r.rows().get(0).get(0)).isEqualTo(w.first);
  }

  /** Checks that CSV data lines come in descending case-insensitive order. */
  static final class OrderCheckingWriter extends Writer {
    final StringBuilder line = new StringBuilder();
    String previous;
    String first;
    long rows = -1; // header
    long outOfOrder;

    @Override
    public void write(char[] buf, int off, int len) {
      for (int i = off; i < off + len; i++) {
        char c = buf[i];
        if (c == '\n') {
          String l = line.toString().trim();
          line.setLength(0);
          if (rows++ >= 0) {
            if (first == null) {
              first = l;
            }
            if (previous != null && previous.compareToIgnoreCase(l) < 0) {
              outOfOrder++;
            }
            previous = l;
          }
        } else {
          line.append(c);
        }
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  /** Counts CRLF line ends without keeping the text. */
  static final class CountingWriter extends Writer {
    long lines;

    @Override
    public void write(char[] buf, int off, int len) {
      for (int i = off; i < off + len; i++) {
        if (buf[i] == '\n') {
          lines++;
        }
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
