package org.brexsync.connector.insight;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.brexsync.brex.BrexClient;
import org.brexsync.brex.RateLimiter;
import org.brexsync.brex.model.CreateDepartmentRequest;
import org.brexsync.brex.model.Money;
import org.brexsync.brex.model.Patch;
import org.brexsync.brex.model.SpendControlUpdateRequest;
import org.brexsync.brex.model.UpdateCardRequest;
import org.brexsync.brex.model.UpdateUserRequest;
import org.brexsync.oomnitza.OomnitzaClient;
import org.brexsync.testkit.BrexSimulator;
import org.brexsync.testkit.MutableClock;
import org.brexsync.testkit.OomnitzaSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Views and insight rules against a small, hand-made company in the simulators, with known answers.
 *
 * <pre>
 * user   Brex status  dept         cards                                            Oomnitza
 * admin  ACTIVE       -            -                                                 -
 * alice  ACTIVE       Engineering  VIRTUAL/CARD ACTIVE 1,000.00; PHYSICAL/USER SHIPPED  suspended
 * bob    ACTIVE       Sales        VIRTUAL/CARD ACTIVE 2,500.00, lock after 2026-06-30  active
 * carol  DISABLED     Engineering  VIRTUAL/USER ACTIVE; PHYSICAL/USER LOCKED           active
 * dave   ACTIVE       Sales        -                                                 -
 * erin   DELETED      -            VIRTUAL/USER ACTIVE; VIRTUAL/USER TERMINATED       -
 * </pre>
 */
class InsightSimulatorTest {
  static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
  static BrexSimulator brex;
  static OomnitzaSimulator oomnitza;
  static BrexClient brexClient;
  static OomnitzaClient oomnitzaClient;
  static String alicePhysical;

  @BeforeAll
  static void seed() {
    brex = BrexSimulator.builder().rateLimit(0, Duration.ofSeconds(60)).start();
    oomnitza = OomnitzaSimulator.start();
    brexClient = BrexClient.builder().token(brex.token()).baseUri(brex.baseUri()).sleeper(d -> {})
        .rateLimiter(RateLimiter.unlimited()).build();
    oomnitzaClient = OomnitzaClient.builder().baseUri(oomnitza.baseUri()).apiToken(oomnitza.apiToken()).sleeper(d -> {}).build();

    String eng = brexClient.departments().create(CreateDepartmentRequest.builder().name("Engineering").build()).id();
    String sales = brexClient.departments().create(CreateDepartmentRequest.builder().name("Sales").build()).id();
    String alice = user("Alice", "Archer", "alice@acme.example", eng);
    String bob = user("Bob", "Baker", "bob@acme.example", sales);
    String carol = user("Carol", "Cole", "carol@acme.example", eng);
    user("Dave", "Dunn", "dave@acme.example", sales);
    String erin = brex.createUser("Erin", "Eve", "erin@acme.example").path("id").asText();

    brex.createCard(alice, "VIRTUAL", "CARD", "ACTIVE", "Alice SaaS");
    alicePhysical = brex.createCard(alice, "PHYSICAL", "USER", "SHIPPED", "Alice Physical").path("id").asText();
    String bobVendor = brex.createCard(bob, "VIRTUAL", "CARD", "ACTIVE", "Bob Vendor").path("id").asText();
    brexClient.cards().update(bobVendor, UpdateCardRequest.builder()
        .spendControls(SpendControlUpdateRequest.builder().spendLimit(Money.usd(250_000)).lockAfterDate(LocalDate.of(2026, 6, 30)).build())
        .build());
    brex.createCard(carol, "VIRTUAL", "USER", "ACTIVE", "Carol Virtual");
    brex.createCard(carol, "PHYSICAL", "USER", "LOCKED", "Carol Physical");
    brex.createCard(erin, "VIRTUAL", "USER", "ACTIVE", "Erin Virtual");
    brex.createCard(erin, "VIRTUAL", "USER", "TERMINATED", "Erin Old");
    brex.setUserStatus(carol, "DISABLED");
    brex.setUserStatus(erin, "DELETED");

    person("alice", "alice@acme.example", true);
    person("bob", "bob@acme.example", false);
    person("carol", "carol@acme.example", false);
  }

  static String user(String first, String last, String email, String dept) {
    String id = brex.createUser(first, last, email).path("id").asText();
    brexClient.users().update(id, UpdateUserRequest.builder().departmentId(Patch.set(dept)).build());
    return id;
  }

  static void person(String username, String email, boolean suspended) {
    ObjectNode p = JsonNodeFactory.instance.objectNode();
    p.put("username", username);
    p.put("email", email);
    p.put("suspended", suspended);
    oomnitza.addUser(p);
  }

  @AfterAll
  static void stop() {
    brex.close();
    oomnitza.close();
  }

  static Insight.Builder insight(MutableClock clock) {
    return Insight.builder().brex(brexClient).oomnitza(oomnitzaClient).clock(clock).shippedAfter(Duration.ofDays(14));
  }

  static Map<String, InsightResult> byName(List<InsightResult> rs) {
    return rs.stream().collect(Collectors.toMap(InsightResult::name, Function.identity()));
  }

  @Test
  void everyInsightHasItsKnownMembers() {
    Map<String, InsightResult> r = byName(insight(new MutableClock(NOW)).build().insights());

    assertThat(r.get("suspended-in-oomnitza-active-in-brex").members().get().column("Email")).containsExactly("alice@acme.example");
    assertThat(r.get("cards-of-disabled-users").members().get().column("Card"))
        .containsExactly("Carol Physical", "Carol Virtual", "Erin Virtual");
    assertThat(r.get("cards-of-disabled-users").members().get().column("Owner status"))
        .containsExactly("DISABLED", "DISABLED", "DELETED");
    assertThat(r.get("active-users-without-cards").members().get().column("Email"))
        .containsExactly("admin@acme.example", "dave@acme.example");
    assertThat(r.get("physical-cards-not-activated").count()).isZero(); // first seen now
    assertThat(r.get("vendor-cards-past-lock-date").members().get().column("Card")).containsExactly("Bob Vendor");
    assertThat(r.get("vendor-cards-past-lock-date").members().get().column("Lock after")).containsExactly("2026-06-30");
    assertThat(r.get("users-missing-from-oomnitza").members().get().column("Email"))
        .containsExactly("admin@acme.example", "dave@acme.example");

    ViewResult dept = r.get("spend-limit-by-department").members().get();
    assertThat(dept.groups()).extracting(ViewResult.Group::label)
        .containsExactly("user.department.name: Engineering", "user.department.name: Sales");
    assertThat(dept.group("user.department.name: Engineering").get().subtotals()).containsExactly("1,000.00 USD", "1,000.00 USD");
    assertThat(dept.group("user.department.name: Sales").get().subtotal(0)).isEqualTo("2,500.00 USD");
    assertThat(dept.totals().get(0)).isEqualTo("3,500.00 USD");

    ViewResult type = r.get("spend-limit-by-limit-type").members().get();
    assertThat(type.group("limit_type: CARD").get().subtotals()).containsExactly("2", "3,500.00 USD");
    assertThat(type.group("limit_type: USER").get().count()).isEqualTo(4); // alice phys, carol x2, erin virtual
  }

  @Test
  void readsCardsInTwoListCallsAndOomnitzaOncePerUsersPage() {
    brex.recordRequests(true);
    long cardsBefore = brex.count("GET", "/v2/cards");
    long usersBefore = brex.count("GET", "/v2/users");
    long oomBefore = oomnitza.count("GET", "/api/v3/users");
    insight(new MutableClock(NOW)).build().insights();
    assertThat(brex.count("GET", "/v2/cards") - cardsBefore).isEqualTo(2); // card counts per user, then card rows
    assertThat(brex.count("GET", "/v2/users") - usersBefore).isEqualTo(1); // one page of 6 users
    assertThat(brex.count("GET", "/v2/users/{id}")).isZero(); // no per-user calls
    assertThat(oomnitza.count("GET", "/api/v3/users") - oomBefore).isEqualTo(1); // one batched lookup
  }

  @Test
  void physicalCardShippedLongerThanTheThresholdIsReported() {
    MutableClock clock = new MutableClock(NOW);
    Insight in = insight(clock).shipmentTracker(ShipmentTracker.inMemory()).build();
    assertThat(byName(in.insights()).get("physical-cards-not-activated").count()).isZero();
    clock.advance(Duration.ofDays(13));
    assertThat(byName(in.insights()).get("physical-cards-not-activated").count()).isZero();
    clock.advance(Duration.ofDays(2));
    ViewResult m = byName(in.insights()).get("physical-cards-not-activated").members().get();
    assertThat(m.column("Card")).containsExactly("Alice Physical");
    assertThat(m.column("Days")).containsExactly("15");
    assertThat(m.column("Shipped since")).containsExactly("2026-11-27");
  }

  @Test
  void withoutOomnitzaTheRulesThatNeedItAreUnavailableNotZero() {
    Map<String, InsightResult> r = byName(Insight.builder().brex(brexClient).clock(new MutableClock(NOW)).build().insights());
    assertThat(r.get("users-missing-from-oomnitza").available()).isFalse();
    assertThat(r.get("suspended-in-oomnitza-active-in-brex").available()).isFalse();
    assertThat(r.get("cards-of-disabled-users").count()).isEqualTo(3);
    assertThat(Insight.table(List.copyOf(r.values()))).contains("n/a");
  }

  @Test
  void builtInViewsGiveKnownFigures() {
    List<ViewResult> rs = insight(new MutableClock(NOW)).build().evaluate(List.of(
        Catalog.view("users-by-status").get(), Catalog.view("cards-by-status-and-type").get(), Catalog.view("users").get(),
        Catalog.view("users-by-department").get()));
    ViewResult status = rs.get(0);
    assertThat(status.groups()).extracting(g -> g.key().get(0) + "=" + g.count())
        .containsExactly("ACTIVE=4", "DELETED=1", "DISABLED=1");
    assertThat(status.groupsHeld()).isEqualTo(3);
    assertThat(status.peakRetainedRows()).isZero();
    assertThat(rs.get(1).groups()).extracting(g -> String.join("/", g.key()) + "=" + g.count())
        .containsExactly("ACTIVE/VIRTUAL=4", "LOCKED/PHYSICAL=1", "SHIPPED/PHYSICAL=1", "TERMINATED/VIRTUAL=1");
    ViewResult users = rs.get(2);
    assertThat(users.column("Email")).containsExactly("admin@acme.example", "alice@acme.example", "bob@acme.example",
        "carol@acme.example", "dave@acme.example", "erin@acme.example");
    assertThat(users.column("Department")).containsExactly("", "Engineering", "Sales", "Engineering", "Sales", "");
    assertThat(users.column("Open cards")).containsExactly("0", "2", "1", "2", "0", "1");
    assertThat(users.totals().get(6)).isEqualTo("6");
    ViewResult byDept = rs.get(3);
    assertThat(byDept.groups()).extracting(g -> g.key().get(0) + "=" + g.count() + "/" + g.subtotal(1))
        .containsExactly("(none)=1/0", "Engineering=2/4", "Sales=2/1");
  }

  @Test
  void userDefinedJsonViewWithGroupingAndSubtotals() {
    ListView v = ListView.fromJson("{\"name\":\"open-cards\",\"source\":\"CARDS\","
        + "\"columns\":[{\"field\":\"card_name\",\"label\":\"Card\"},"
        + "{\"field\":\"spend_controls.spend_limit\",\"label\":\"Limit\",\"format\":\"MONEY\",\"aggregate\":\"SUM\"}],"
        + "\"filters\":[{\"field\":\"status\",\"operator\":\"NOT_IN\",\"values\":[\"TERMINATED\"]},"
        + "{\"field\":\"user.email\",\"operator\":\"REGEX\",\"values\":[\"(alice|bob)@.*\"]}],"
        + "\"sort\":[{\"field\":\"card_name\",\"descending\":true}],\"groupBy\":[\"user.department.name\"]}");
    ViewResult r = insight(new MutableClock(NOW)).build().evaluate(v);
    assertThat(r.rows()).extracting(row -> row.get(0)).containsExactly("Alice SaaS", "Alice Physical", "Bob Vendor");
    assertThat(r.group("user.department.name: Engineering").get().subtotal(1)).isEqualTo("1,000.00 USD");
    assertThat(r.totals().get(1)).isEqualTo("3,500.00 USD");
    assertThat(ListView.fromJson(v.toJson())).isEqualTo(v);
  }

  @Test
  void htmlReportIsWellFormedAndHasTheFigures() throws Exception {
    StringWriter w = new StringWriter();
    insight(new MutableClock(NOW)).build().report(Catalog.view("cards").get(), ReportFormat.HTML, w);
    String html = w.toString();
    HtmlCheck.wellFormed(html);
    assertThat(html).contains("<td class=\"num\">2,500.00 USD</td>").contains("Total: 7 rows").contains("3,500.00 USD")
        .doesNotContain("<script").doesNotContain("http://").doesNotContain("https://");
  }

  @Test
  void dashboardIsWellFormedWithChartsAndAnchoredInsightLists() throws Exception {
    StringWriter w = new StringWriter();
    insight(new MutableClock(NOW)).title("Acme <Brex> & cards").build().dashboard(w);
    String html = w.toString();
    HtmlCheck.wellFormed(html);
    assertThat(html).contains("<title>Acme &lt;Brex&gt; &amp; cards</title>").contains("<svg").contains("@media print")
        .contains("href=\"#insight-cards-of-disabled-users\"").contains("id=\"insight-cards-of-disabled-users\"")
        .contains("Erin Virtual").contains("3,500.00 USD").doesNotContain("<script").doesNotContain("src=");
  }

  @Test
  void jsonReportHasRowsAndMoneyAsAmountAndCurrency() throws Exception {
    StringWriter w = new StringWriter();
    insight(new MutableClock(NOW)).build().report(Catalog.view("spend-limit-by-department").get(), ReportFormat.JSON, w);
    com.fasterxml.jackson.databind.JsonNode j = new com.fasterxml.jackson.databind.ObjectMapper().readTree(w.toString());
    assertThat(j.path("view").asText()).isEqualTo("spend-limit-by-department");
    assertThat(j.path("groups")).hasSize(2);
    assertThat(j.path("groups").get(1).path("group").asText()).isEqualTo("user.department.name: Sales");
    assertThat(j.path("groups").get(1).path("subtotals").path("Spend limit").path("amount").decimalValue())
        .isEqualByComparingTo("2500.00");
    assertThat(j.path("totals").path("Spend limit").path("currency").asText()).isEqualTo("USD");
    assertThat(j.path("matched").asLong()).isEqualTo(2);
  }

  @Test
  void matchesOnAnotherSyncKeyAndKeepsOnlyTheNamedOomnitzaFields() {
    ObjectNode p = JsonNodeFactory.instance.objectNode();
    String daveId = brexClient.users().list(org.brexsync.brex.model.ListUsersRequest.byEmail("dave@acme.example"))
        .stream().findFirst().orElseThrow().id();
    p.put("username", "dave.d");
    p.put("email", "dave.dunn@elsewhere.example");
    p.put("brex_user_id", daveId);
    p.put("position", "Clerk");
    oomnitza.addUser(p);
    try {
      ListView v = ListView.builder().name("k").source(RowSource.USERS)
          .addColumns(Column.of("email", "Email"), Column.of("oomnitza.position", "Position"), Column.of("oomnitza.username", "User"))
          .addFilters(org.brexsync.connector.filter.FilterRule.includeIn("oomnitza.found", "true")).build();
      ViewResult r = insight(new MutableClock(NOW)).match("id", "brex_user_id").oomnitzaFields(List.of("position")).build().evaluate(v);
      assertThat(r.rows()).containsExactly(List.of("dave@acme.example", "Clerk", ""));
    } finally {
      oomnitza.reset();
      person("alice", "alice@acme.example", true);
      person("bob", "bob@acme.example", false);
      person("carol", "carol@acme.example", false);
    }
  }

  @Test
  void csvOfAGroupedViewHasSubtotalLinesAndATotal() {
    ListView v = ListView.builder().name("g").source(RowSource.CARDS)
        .addColumns(Column.of("card_name", "Card"),
            Column.builder().field("spend_controls.spend_limit").label("Limit").format(ColumnFormat.MONEY).aggregate(Aggregate.SUM).build())
        .addFilters(org.brexsync.connector.filter.FilterRule.includeIn("limit_type", "CARD"))
        .addSort(SortKey.asc("card_name")).addGroupBy("user.department.name").build();
    StringWriter w = new StringWriter();
    insight(new MutableClock(NOW)).build().report(v, ReportFormat.CSV, w);
    assertThat(w.toString()).isEqualTo("Group,Card,Limit\r\n"
        + "user.department.name: Engineering,Alice SaaS,\"1,000.00 USD\"\r\n"
        + "Subtotal user.department.name: Engineering (1),,\"1,000.00 USD\"\r\n"
        + "user.department.name: Sales,Bob Vendor,\"2,500.00 USD\"\r\n"
        + "Subtotal user.department.name: Sales (1),,\"2,500.00 USD\"\r\n"
        + "Total (2),,\"3,500.00 USD\"\r\n");
  }
}
