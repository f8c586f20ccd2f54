package org.brexsync.connector.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.brexsync.connector.insight.internal.Csv;
import org.brexsync.connector.port.UserPage;
import org.brexsync.connector.port.UserSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CSV quoting (RFC 4180), formula-injection neutralisation and HTML escaping of hostile values. */
class CsvReportTest {

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "plain|plain",
      "=1+2|'=1+2",
      "+1 555|'+1 555",
      "-2+3|'-2+3",
      "@SUM(A1)|'@SUM(A1)",
      "-12.5|-12.5",
      "-7|-7",
      "a,b|\"a,b\"",
      "=HYPERLINK(\"http://x\",\"y\")|\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"",
      "say \"hi\"|\"say \"\"hi\"\"\"",
  })
  void quotesAndNeutralises(String in, String out) {
    assertThat(Csv.field(in)).isEqualTo(out);
  }

  @Test
  void tabCarriageReturnAndNewlines() {
    assertThat(Csv.field("\t=cmd")).isEqualTo("'\t=cmd");
    assertThat(Csv.field("\r=cmd")).isEqualTo("\"'\r=cmd\"");
    assertThat(Csv.field("line1\nline2")).isEqualTo("\"line1\nline2\"");
    assertThat(Csv.field(" padded ")).isEqualTo("\" padded \"");
    assertThat(Csv.field("")).isEmpty();
  }

  static UserSource users(List<ObjectNode> items) {
    return new UserSource() {
      @Override
      public UserPage listUsers(Optional<String> cursor, int limit) {
        return UserPage.of(items, Optional.empty());
      }

      @Override
      public Optional<ObjectNode> getUser(String id) {
        return Optional.empty();
      }

      @Override
      public List<ObjectNode> listDepartments() {
        return List.of();
      }

      @Override
      public List<ObjectNode> listLocations() {
        return List.of();
      }

      @Override
      public List<ObjectNode> listTitles() {
        return List.of();
      }
    };
  }

  static ObjectNode user(String id, String first, String last, String email) {
    ObjectNode u = JsonNodeFactory.instance.objectNode();
    u.put("id", id);
    u.put("first_name", first);
    u.put("last_name", last);
    u.put("email", email);
    u.put("status", "ACTIVE");
    return u;
  }

  static Insight hostile() {
    return Insight.builder()
        .users(users(List.of(
            user("u1", "=cmd|' /C calc'!A0", "x", "a@x.example"),
            user("u2", "Ann, \"The\"", "Line\nBreak", "+b@x.example"),
            user("u3", "<script>alert(1)</script>", "&amp;", "@c@x.example"))))
        .cards(action -> {})
        .clock(Clock.fixed(Instant.parse("2026-11-27T00:00:00Z"), ZoneOffset.UTC))
        .build();
  }

  static final ListView VIEW = ListView.builder().name("people")
      .addColumns(Column.of("first_name", "First"), Column.of("last_name", "Last"), Column.of("email", "Email"))
      .build();

  @Test
  void csvReportOfHostileValues() {
    StringWriter w = new StringWriter();
    hostile().report(VIEW, ReportFormat.CSV, w);
    assertThat(w.toString()).isEqualTo(
        "First,Last,Email\r\n"
            + "'=cmd|' /C calc'!A0,x,a@x.example\r\n"
            + "\"Ann, \"\"The\"\"\",\"Line\nBreak\",'+b@x.example\r\n"
            + "<script>alert(1)</script>,&amp;,'@c@x.example\r\n");
  }

  @Test
  void htmlReportEscapesEverything() throws Exception {
    StringWriter w = new StringWriter();
    hostile().report(VIEW, ReportFormat.HTML, w);
    String html = w.toString();
    HtmlCheck.wellFormed(html);
    assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("&amp;amp;")
        .contains("Ann, &quot;The&quot;");
  }

  @Test
  void unknownPropertiesAndBadRulesInAViewAreErrors() {
    assertThatThrownBy(() -> ListView.fromJson("{\"name\":\"x\",\"columns\":[{\"field\":\"email\"}],\"colour\":\"red\"}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("colour");
    assertThatThrownBy(() -> ListView.fromJson("{\"name\":\"x\",\"columns\":[]}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one column");
    assertThatThrownBy(() -> ListView.fromJson(
        "{\"name\":\"x\",\"columns\":[{\"field\":\"email\"}],\"filters\":[{\"field\":\"email\",\"operator\":\"EQUALS\",\"values\":[]}]}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exactly one value");
    assertThatThrownBy(() -> Catalog.resolve("nope")).hasMessageContaining("users-by-status");
  }

  @Test
  void everyBuiltInViewAndRuleParsesAndRoundTrips() {
    assertThat(Catalog.views()).hasSizeGreaterThanOrEqualTo(8);
    assertThat(Catalog.insights()).extracting(InsightRule::name).containsExactly(
        "suspended-in-oomnitza-active-in-brex", "cards-of-disabled-users", "active-users-without-cards",
        "physical-cards-not-activated", "vendor-cards-past-lock-date", "spend-limit-by-department",
        "spend-limit-by-limit-type", "users-missing-from-oomnitza");
    for (ListView v : Catalog.views()) {
      assertThat(ListView.fromJson(v.toJson())).isEqualTo(v);
    }
  }
}
