package org.brexsync.connector.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.brexsync.oomnitza.filter.Filter;
import org.junit.jupiter.api.Test;

/** The CLI's --filter text becomes a typed, escaped oomnitza-client Filter. */
class FilterExpressionTest {

  @Test
  void comparisonsAndJunctionsBecomeTypedFilters() {
    assertThat(FilterExpression.parse("brex_user_id is null")).isEqualTo(Filter.isNull("brex_user_id"));
    assertThat(FilterExpression.parse("left_company eq true AND brex_user_id IS NOT NULL"))
        .isEqualTo(Filter.eq("left_company", true).and(Filter.isNotNull("brex_user_id")));
    assertThat(FilterExpression.parse("username in ('jim', \"pam\") or (role = 25)"))
        .isEqualTo(Filter.in("username", "jim", "pam").or(Filter.eq("role", 25)));
    assertThat(FilterExpression.parse("position like 'Sales%'")).isEqualTo(Filter.like("position", "Sales%"));
  }

  @Test
  void aQuotedValueCannotWidenTheQuery() {
    Filter f = FilterExpression.parse("email eq 'a'' or 1=1 or x=''b'");
    assertThat(f).isEqualTo(Filter.eq("email", "a' or 1=1 or x='b"));
  }

  @Test
  void mistakesAreReportedWithThePosition() {
    assertThatThrownBy(() -> FilterExpression.parse("brex_user_id is")).hasMessageContaining("NULL");
    assertThatThrownBy(() -> FilterExpression.parse("a between 1 and 2")).hasMessageContaining("unknown operator 'between'");
    assertThatThrownBy(() -> FilterExpression.parse("a eq 'x")).hasMessageContaining("unclosed quote");
    assertThatThrownBy(() -> FilterExpression.parse("a eq b c")).hasMessageContaining("unexpected 'c'");
  }
}
