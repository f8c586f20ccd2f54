package org.brexsync.connector.insight;

import java.io.Writer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.brexsync.brex.BrexClient;
import org.brexsync.connector.ProgressListener;
import org.brexsync.connector.brex.BrexCardSource;
import org.brexsync.connector.brex.BrexUserSource;
import org.brexsync.connector.insight.internal.Csv;
import org.brexsync.connector.insight.internal.DashboardPage;
import org.brexsync.connector.insight.internal.HtmlReport;
import org.brexsync.connector.insight.internal.JsonReport;
import org.brexsync.connector.insight.internal.ReportWriter;
import org.brexsync.connector.insight.internal.Snapshot;
import org.brexsync.connector.insight.internal.ViewEvaluator;
import org.brexsync.connector.oomnitza.OomnitzaPeopleLookup;
import org.brexsync.connector.port.CardSource;
import org.brexsync.connector.port.PeopleLookup;
import org.brexsync.connector.port.UserSource;
import org.brexsync.oomnitza.OomnitzaClient;

/**
 * Entry point of the insight feature: evaluates {@link ListView}s and {@link InsightRule}s over a
 * fresh read of Brex users and cards (optionally joined with Oomnitza people by the sync key) and
 * writes reports (CSV, JSON, HTML) and the dashboard. Every call reads the data again, once per
 * source, for all views of the call together. Immutable and thread-safe.
 *
 * <pre>{@code
 * Insight insight = Insight.builder().brex(brexClient).oomnitza(oomnitzaClient).build();
 * insight.report(Catalog.resolve("cards"), ReportFormat.CSV, writer);
 * insight.dashboard(writer);
 * List<InsightResult> found = insight.insights();
 * }</pre>
 */
public final class Insight {
  /** Default number of records kept per insight for listing (the count is always complete). */
  public static final int DEFAULT_MEMBER_LIMIT = 500;
  /** The {@link ProgressListener} phase of reading Brex users. */
  public static final String USERS_READ = "Brex users read";
  /** The {@link ProgressListener} phase of listing Brex cards. */
  public static final String CARDS_READ = "Brex cards read";

  private final UserSource users;
  private final CardSource cards;
  private final Optional<PeopleLookup> people;
  private final String brexKey;
  private final String oomnitzaKey;
  private final Clock clock;
  private final Duration shippedAfter;
  private final ShipmentTracker tracker;
  private final int pageSize;
  private final int memberLimit;
  private final List<InsightRule> rules;
  private final String title;
  private final int sortBuffer;
  private final List<String> personFields;
  private final int managerCacheSize;
  private final ProgressListener progress;

  private Insight(Builder b) {
    this.users = Objects.requireNonNull(b.users, "users (or brex) is required");
    this.cards = Objects.requireNonNull(b.cards, "cards (or brex) is required");
    this.people = Optional.ofNullable(b.people);
    this.brexKey = b.brexKey;
    this.oomnitzaKey = b.oomnitzaKey;
    this.clock = b.clock;
    this.shippedAfter = b.shippedAfter;
    this.tracker = b.tracker;
    this.pageSize = b.pageSize;
    this.memberLimit = b.memberLimit;
    this.rules = List.copyOf(b.rules);
    this.title = b.title;
    this.sortBuffer = b.sortBuffer;
    this.personFields = List.copyOf(b.personFields);
    this.managerCacheSize = b.managerCacheSize;
    this.progress = b.progress;
  }

  /** {@return a builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return whether Oomnitza is configured (rules that need it are otherwise unavailable)} */
  public boolean hasOomnitza() {
    return people.isPresent();
  }

  /** {@return the insight rules evaluated by {@link #insights()} and the dashboard} */
  public List<InsightRule> rules() {
    return rules;
  }

  /**
   * Streams a report of the view to {@code out} in the format (the writer is flushed, not closed).
   * An unsorted ungrouped view is written while Brex is read, so its memory does not grow with the
   * number of rows.
   *
   * @param view the view
   * @param format the format
   * @param out where to write
   */
  public void report(ListView view, ReportFormat format, Writer out) {
    ReportWriter w;
    Instant now = clock.instant();
    switch (format) {
      case CSV:
        w = new Csv(out);
        break;
      case JSON:
        w = new JsonReport(out, now);
        break;
      default:
        w = new HtmlReport(out, now);
    }
    snapshot().run(List.of(new ViewEvaluator(view, w, sortBuffer)));
    flush(out);
  }

  /**
   * Evaluates views into memory, all in one read.
   *
   * @param views the views
   * @return the view results
   */
  public List<ViewResult> evaluate(List<ListView> views) {
    List<ViewResult.Collector> cs = new ArrayList<>();
    List<ViewEvaluator> es = new ArrayList<>();
    for (ListView v : views) {
      ViewResult.Collector c = ViewResult.collector(v);
      cs.add(c);
      es.add(new ViewEvaluator(v, c, sortBuffer));
    }
    snapshot().run(es);
    List<ViewResult> out = new ArrayList<>();
    for (int i = 0; i < cs.size(); i++) {
      out.add(cs.get(i).result(es.get(i).peakRetainedRows(), es.get(i).groupsHeld(), es.get(i).spilledRuns()));
    }
    return out;
  }

  /**
   * Evaluates one view into memory.
   *
   * @param view the view
   * @return the view result
   */
  public ViewResult evaluate(ListView view) {
    return evaluate(List.of(view)).get(0);
  }

  /**
   * Evaluates every configured insight rule in one read.
   *
   * @return the insight results
   */
  public List<InsightResult> insights() {
    return insightsAnd(List.of()).insights;
  }

  /**
   * {@return the insight counts as a plain-text table (name, count, title), for {@code brexsync insights}}
   *
   * @param results the results
   */
  public static String table(List<InsightResult> results) {
    int w = 4;
    for (InsightResult r : results) {
      w = Math.max(w, r.name().length());
    }
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%-" + w + "s  %7s  %s%n", "NAME", "COUNT", "TITLE"));
    for (InsightResult r : results) {
      sb.append(String.format(Locale.ROOT, "%-" + w + "s  %7s  %s%n", r.name(), r.available() ? Long.toString(r.count()) : "n/a", r.rule().title()));
    }
    return sb.toString();
  }

  /**
   * Builds the dashboard's figures and insight results in one read.
   *
   * @return the new dashboard
   */
  public Dashboard dashboardData() {
    List<ListView> charts = List.of(
        Catalog.view("users-by-status").orElseThrow(),
        Catalog.view("cards-by-status-and-type").orElseThrow(),
        Catalog.view("spend-limit-by-department").orElseThrow());
    Run r = insightsAnd(charts);
    return new Dashboard(title, clock.instant(), hasOomnitza(), r.views.get(0), r.views.get(1), r.views.get(2), r.insights);
  }

  /**
   * Writes the dashboard page: self-contained HTML with inline SVG charts, printable.
   *
   * @param out where to write
   */
  public void dashboard(Writer out) {
    DashboardPage.write(dashboardData(), out);
    flush(out);
  }

  private static final class Run {
    final List<ViewResult> views;
    final List<InsightResult> insights;

    Run(List<ViewResult> views, List<InsightResult> insights) {
      this.views = views;
      this.insights = insights;
    }
  }

  private Run insightsAnd(List<ListView> extra) {
    List<ListView> views = new ArrayList<>(extra);
    List<InsightRule> evaluated = new ArrayList<>();
    for (InsightRule r : rules) {
      if (r.needsOomnitza() && people.isEmpty()) {
        continue;
      }
      evaluated.add(r);
      ListView v = r.view();
      views.add(v.groupBy().isEmpty() && v.limit().isEmpty() ? ListView.builder().from(v).limit(memberLimit).build() : v);
    }
    List<ViewResult> results = evaluate(views);
    List<InsightResult> out = new ArrayList<>();
    int k = extra.size();
    for (InsightRule r : rules) {
      out.add(evaluated.contains(r) ? InsightResult.of(r, results.get(k++)) : InsightResult.unavailable(r));
    }
    return new Run(results.subList(0, extra.size()), out);
  }

  private Snapshot snapshot() {
    return new Snapshot(users, cards, people, brexKey, oomnitzaKey, clock, shippedAfter, tracker, pageSize, personFields,
        managerCacheSize, progress);
  }

  private static void flush(Writer out) {
    try {
      out.flush();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return "Insight{oomnitza=" + people.isPresent() + ", key=" + brexKey + "->" + oomnitzaKey + "}";
  }

  /** Builder of {@link Insight}; not thread-safe. */
  public static final class Builder {
    private UserSource users;
    private CardSource cards;
    private PeopleLookup people;
    private String brexKey = "email";
    private String oomnitzaKey = "email";
    private Clock clock = Clock.systemUTC();
    private Duration shippedAfter = Duration.ofDays(14);
    private ShipmentTracker tracker = ShipmentTracker.inMemory();
    private int pageSize = 100;
    private int memberLimit = DEFAULT_MEMBER_LIMIT;
    private List<InsightRule> rules = Catalog.insights();
    private String title = "Brex users and cards";
    private int sortBuffer = ViewEvaluator.DEFAULT_SORT_BUFFER;
    private List<String> personFields = List.of();
    private int managerCacheSize = 10_000;
    private ProgressListener progress = ProgressListener.NONE;

    private Builder() {}

    /**
     * Reads users, directories and cards through a brex-client.
     *
     * @param client the Brex client
     * @return this builder
     */
    public Builder brex(BrexClient client) {
      this.users = BrexUserSource.of(client);
      this.cards = BrexCardSource.of(client);
      return this;
    }

    /**
     * Joins Oomnitza people through an oomnitza-client (one batched lookup per users page).
     *
     * @param client the Oomnitza client
     * @return this builder
     */
    public Builder oomnitza(OomnitzaClient client) {
      this.people = OomnitzaPeopleLookup.of(client);
      return this;
    }

    /**
     * The Brex users port (instead of {@link #brex}).
     *
     * @param users the Brex users port (instead of {@link #brex})
     * @return this builder
     */
    public Builder users(UserSource users) {
      this.users = Objects.requireNonNull(users);
      return this;
    }

    /**
     * The cards port (instead of {@link #brex}).
     *
     * @param cards the cards port (instead of {@link #brex})
     * @return this builder
     */
    public Builder cards(CardSource cards) {
      this.cards = Objects.requireNonNull(cards);
      return this;
    }

    /**
     * The Oomnitza people port (instead of {@link #oomnitza}).
     *
     * @param people the Oomnitza people port (instead of {@link #oomnitza})
     * @return this builder
     */
    public Builder people(PeopleLookup people) {
      this.people = Objects.requireNonNull(people);
      return this;
    }

    /**
     * The sync key: the Brex user path and the Oomnitza field that identify the same person
     * (default {@code email} → {@code email}; e.g. {@code id} → {@code brex_user_id}).
     *
     * @param brexPath the Brex path
     * @param oomnitzaField the Oomnitza field
     * @return this builder
     */
    public Builder match(String brexPath, String oomnitzaField) {
      org.brexsync.connector.record.FieldPath.parse(brexPath);
      if (!oomnitzaField.matches("[A-Za-z0-9_]+")) {
        throw new IllegalArgumentException("Oomnitza field must be an external id: " + oomnitzaField);
      }
      this.brexKey = brexPath;
      this.oomnitzaKey = oomnitzaField;
      return this;
    }

    /**
     * The clock for "now" (shipping age, lock dates, report times).
     *
     * @param clock the clock for "now" (shipping age, lock dates, report times)
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    /**
     * How long a physical card may stay SHIPPED before it is reported (default 14 days).
     *
     * @param d how long a physical card may stay SHIPPED before it is reported (default 14 days)
     * @return this builder
     */
    public Builder shippedAfter(Duration d) {
      if (d.isNegative()) {
        throw new IllegalArgumentException("shippedAfter must not be negative");
      }
      this.shippedAfter = d;
      return this;
    }

    /**
     * Where "first seen SHIPPED" times are kept (default: in memory).
     *
     * @param t where "first seen SHIPPED" times are kept (default: in memory)
     * @return this builder
     */
    public Builder shipmentTracker(ShipmentTracker t) {
      this.tracker = Objects.requireNonNull(t);
      return this;
    }

    /**
     * Users per page (1..1000, default 100); also the Oomnitza batch size.
     *
     * @param n users per page (1..1000, default 100); also the Oomnitza batch size
     * @return this builder
     */
    public Builder pageSize(int n) {
      if (n < 1 || n > 1000) {
        throw new IllegalArgumentException("pageSize must be 1..1000");
      }
      this.pageSize = n;
      return this;
    }

    /**
     * Records kept per insight for listing (default 500); counts are always complete.
     *
     * @param n records kept per insight for listing (default 500); counts are always complete
     * @return this builder
     */
    public Builder memberLimit(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("memberLimit must be >= 1");
      }
      this.memberLimit = n;
      return this;
    }

    /**
     * The insight rules (default {@link Catalog#insights()}).
     *
     * @param rules the insight rules (default {@link Catalog#insights()})
     * @return this builder
     */
    public Builder rules(List<InsightRule> rules) {
      this.rules = List.copyOf(rules);
      return this;
    }

    /**
     * Rows a sorted view without a limit keeps in memory (default 50,000); beyond that, sorted runs
     * are written to temporary files and merged (an external sort), so memory stays bounded.
     *
     * @param rows rows a sorted view without a limit keeps in memory (default 50,000); beyond that,
     *     sorted runs are written to temporary files and merged (an external sort), so memory stays
     *     bounded
     * @return this builder
     */
    public Builder sortBuffer(int rows) {
      if (rows < 1) {
        throw new IllegalArgumentException("sortBuffer must be >= 1");
      }
      this.sortBuffer = rows;
      return this;
    }

    /**
     * The Oomnitza fields kept on user rows as {@code oomnitza.<field>} (default: every field the
     * lookup returns). {@code oomnitza.found} and {@code oomnitza.suspended} are always set.
     *
     * @param fields the Oomnitza fields kept on user rows as {@code oomnitza.<field>} (default:
     *     every field the lookup returns)
     * @return this builder
     */
    public Builder oomnitzaFields(List<String> fields) {
      this.personFields = List.copyOf(fields);
      return this;
    }

    /**
     * Users remembered for {@code manager.*} enrichment (default 10,000). Every user read is
     * remembered; a manager no longer in the cache costs one {@code GET /v2/users/{id}}, then is
     * cached again. Only views that read {@code manager.*} look managers up.
     *
     * @param n users remembered for {@code manager.*} enrichment (default 10,000)
     * @return this builder
     */
    public Builder managerCacheSize(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("managerCacheSize must be >= 1");
      }
      this.managerCacheSize = n;
      return this;
    }

    /**
     * The dashboard title.
     *
     * @param title the dashboard title
     * @return this builder
     */
    public Builder title(String title) {
      this.title = Objects.requireNonNull(title);
      return this;
    }

    /**
     * Told how many Brex users and cards each call has read so far (phases {@value #USERS_READ}
     * and {@value #CARDS_READ}; Brex gives no totals): once per users page and once per page
     * size of cards, plus once at the end of each listing (default: nobody).
     *
     * @param listener told how many Brex users and cards each call has read so far (phases {@value
     *     #USERS_READ} and {@value #CARDS_READ}; Brex gives no totals): once per users page and once
     *     per page size of cards, plus once at the end of each listing (default: nobody)
     * @return this builder
     */
    public Builder progress(ProgressListener listener) {
      this.progress = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** {@return the insight} */
    public Insight build() {
      return new Insight(this);
    }
  }
}
