package org.brexsync.oomnitza.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class FilterTest {

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      // value                         | expression                                 | url-encoded
      "plain@x.com                     | email eq \"plain@x.com\"                   | email%20eq%20%22plain%40x.com%22",
      "`a \"quoted\" name`             | email eq \"a \\\"quoted\\\" name\"         | email%20eq%20%22a%20%5C%22quoted%5C%22%20name%22",
      "`it's`                          | email eq \"it's\"                          | email%20eq%20%22it%27s%22",
      "`back\\slash`                   | email eq \"back\\\\slash\"                 | email%20eq%20%22back%5C%5Cslash%22",
      "`100%`                          | email eq \"100%\"                          | email%20eq%20%22100%25%22",
      "`a&b=c`                         | email eq \"a&b=c\"                         | email%20eq%20%22a%26b%3Dc%22",
      "`x\" or email IS NOT NULL or \"` | email eq \"x\\\" or email IS NOT NULL or \\\"\" | email%20eq%20%22x%5C%22%20or%20email%20IS%20NOT%20NULL%20or%20%5C%22%22",
      "`Zoë Ångström`                  | email eq \"Zoë Ångström\"                  | email%20eq%20%22Zo%C3%AB%20%C3%85ngstr%C3%B6m%22",
      "`a+b`                           | email eq \"a+b\"                           | email%20eq%20%22a%2Bb%22",
      "`#?/`                           | email eq \"#?/\"                           | email%20eq%20%22%23%3F%2F%22",
  })
  void textValuesAreQuotedEscapedAndEncoded(String value, String expression, String encoded) {
    Filter f = Filter.eq("email", value);
    assertThat(f.toExpression()).isEqualTo(expression);
    assertThat(f.toUrlEncoded()).isEqualTo(encoded);
    assertThat(URLDecoder.decode(encoded, StandardCharsets.UTF_8)).isEqualTo(expression);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"", "\\", "\" or 1 eq 1 or \"", "\\\" or \"", "a\\\\\"b"})
  void noValueCanEndItsLiteralEarly(String hostile) {
    String expr = Filter.eq("email", hostile).toExpression();
    // Walk the literal with the escaping rule: the closing quote must be the last character.
    String literal = expr.substring("email eq ".length());
    assertThat(literal).startsWith("\"");
    int i = 1;
    while (literal.charAt(i) != '"') {
      i += literal.charAt(i) == '\\' ? 2 : 1;
    }
    assertThat(i).isEqualTo(literal.length() - 1);
  }

  @Test
  void sqlStyleEscapingDoublesTheQuote() {
    FilterSyntax sql = FilterSyntax.builder().quote('\'').escaping(FilterSyntax.Escaping.DOUBLE_QUOTE_CHAR).build();
    assertThat(Filter.eq("last_name", "O'Brien").toExpression(sql)).isEqualTo("last_name eq 'O''Brien'");
  }

  @Test
  void operatorsRenderAsDocumented() {
    assertThat(Filter.isNull("barcode").toExpression()).isEqualTo("barcode IS NULL");
    assertThat(Filter.isNotNull("barcode").toExpression()).isEqualTo("barcode IS NOT NULL");
    assertThat(Filter.like("barcode", "A%").or(Filter.like("barcode", "B%")).toExpression())
        .isEqualTo("(barcode LIKE \"A%\") or (barcode LIKE \"B%\")");
    assertThat(Filter.in("barcode", List.of("123", "ABC")).toExpression()).isEqualTo("barcode IN [\"123\",\"ABC\"]");
    assertThat(Filter.inNumbers("role", List.of(25, 30)).toExpression()).isEqualTo("role IN [25,30]");
    assertThat(Filter.between("date", LocalDate.of(2010, 1, 1), LocalDate.of(2020, 1, 2)).toExpression())
        .isEqualTo("date BETWEEN 01/01/2010 AND 01/02/2020");
    assertThat(Filter.between("uid", 1, 10).toExpression()).isEqualTo("uid BETWEEN 1 AND 10");
    assertThat(Filter.gt("creation_date", Instant.ofEpochSecond(1700000000)).toExpression())
        .isEqualTo("creation_date gt 1700000000");
    assertThat(Filter.eq("suspended", true).toExpression()).isEqualTo("suspended eq true");
    assertThat(Filter.eq("role", 25).toExpression()).isEqualTo("role eq 25");
    assertThat(Filter.ne("position", "x").toExpression()).isEqualTo("position ne \"x\"");
    assertThat(Filter.gte("uid", 3).and(Filter.lte("uid", 9)).and(Filter.lt("uid", 8)).toExpression())
        .isEqualTo("(uid gte 3) and (uid lte 9) and (uid lt 8)");
  }

  @Test
  void nestedJunctionsKeepTheirGrouping() {
    Filter f = Filter.eq("a", "1").or(Filter.eq("b", "2")).and(Filter.eq("c", "3"));
    assertThat(f.toExpression()).isEqualTo("((a eq \"1\") or (b eq \"2\")) and (c eq \"3\")");
    assertThat(Filter.anyOf(Filter.eq("a", "1"), Filter.eq("b", "2"), Filter.eq("c", "3")).toExpression())
        .isEqualTo("(a eq \"1\") or (b eq \"2\") or (c eq \"3\")");
    assertThat(Filter.allOf(Filter.isNull("x"))).isEqualTo(Filter.isNull("x"));
  }

  @Test
  void theBriefsExampleReadsNaturally() {
    Filter f = Filter.eq("email", "a@b.c").and(Filter.in("status", "active", "invited"));
    assertThat(f.toExpression()).isEqualTo("(email eq \"a@b.c\") and (status IN [\"active\",\"invited\"])");
    assertThat(f.toString()).isEqualTo(f.toExpression());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "email eq", "a b", "{{email}}", "x)", "e-mail", "naïve"})
  void fieldNamesThatCouldAlterTheExpressionAreRefused(String field) {
    assertThatThrownBy(() -> Filter.eq(field, "v")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void emptyInAndNullValuesAreRefused() {
    assertThatThrownBy(() -> Filter.in("a", List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Filter.eq("a", (String) null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void datePatternIsConfigurable() {
    FilterSyntax iso = FilterSyntax.builder().datePattern("yyyy-MM-dd").build();
    assertThat(Filter.between("d", LocalDate.of(2024, 2, 3), LocalDate.of(2024, 3, 4)).toExpression(iso))
        .isEqualTo("d BETWEEN 2024-02-03 AND 2024-03-04");
  }
}
