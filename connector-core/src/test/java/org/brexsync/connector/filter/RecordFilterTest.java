package org.brexsync.connector.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.brexsync.connector.fakes.FakeBrex;
import org.brexsync.connector.internal.Json;
import org.brexsync.connector.record.RecordView;
import org.junit.jupiter.api.Test;

class RecordFilterTest {
  private static RecordView user(String status, String email) {
    ObjectNode u = FakeBrex.user("1", "A", "B", email, status);
    u.putNull("manager_id");
    return RecordView.of(u);
  }

  @Test
  void includeInKeepsOnlyListedStatuses() {
    RecordFilter f = RecordFilter.of(FilterRule.includeIn("status", "ACTIVE", "INVITED"));
    assertThat(f.test(user("ACTIVE", "a@x"))).isTrue();
    assertThat(f.test(user("INVITED", "a@x"))).isTrue();
    assertThat(f.test(user("DISABLED", "a@x"))).isFalse();
    assertThat(f.rejection(user("DISABLED", "a@x"))).contains("filtered out by status IN [ACTIVE, INVITED]");
  }

  @Test
  void notInEqualsRegexAndEmpty() {
    assertThat(FilterRule.builder().field("status").operator(FilterOperator.NOT_IN).addValues("DELETED").build().accepts(user("ACTIVE", "a@x"))).isTrue();
    assertThat(FilterRule.builder().field("status").operator(FilterOperator.EQUALS).addValues("active").ignoreCase(true).build().accepts(user("ACTIVE", "a@x"))).isTrue();
    FilterRule testDomain = FilterRule.builder().field("email").operator(FilterOperator.REGEX).addValues(".*@test\\.acme$").exclude(true).build();
    assertThat(testDomain.accepts(user("ACTIVE", "bot@test.acme"))).isFalse();
    assertThat(testDomain.accepts(user("ACTIVE", "ada@acme"))).isTrue();
    assertThat(FilterRule.builder().field("manager_id").operator(FilterOperator.EMPTY).build().accepts(user("ACTIVE", "a@x"))).isTrue();
    assertThat(FilterRule.builder().field("nothing.here").operator(FilterOperator.NOT_EMPTY).build().accepts(user("ACTIVE", "a@x"))).isFalse();
  }

  @Test
  void everyRuleMustAccept() {
    RecordFilter f =
        RecordFilter.of(
            FilterRule.includeIn("status", "ACTIVE"),
            FilterRule.builder().field("email").operator(FilterOperator.REGEX).addValues(".*@contractor\\..*").exclude(true).build());
    assertThat(f.test(user("ACTIVE", "a@acme.com"))).isTrue();
    assertThat(f.test(user("ACTIVE", "a@contractor.io"))).isFalse();
    assertThat(RecordFilter.none().test(user("DELETED", ""))).isTrue();
  }

  @Test
  void rulesValidateTheirValues() {
    assertThatThrownBy(() -> FilterRule.builder().field("status").operator(FilterOperator.EQUALS).build())
        .hasMessageContaining("needs exactly one value");
    assertThatThrownBy(() -> FilterRule.builder().field("status").operator(FilterOperator.REGEX).addValues("(").build())
        .hasMessageContaining("invalid regex");
    assertThatThrownBy(() -> FilterRule.builder().field("status").operator(FilterOperator.EMPTY).addValues("x").build())
        .hasMessageContaining("takes no values");
  }

  @Test
  void filterRoundTripsAsJsonArray() throws Exception {
    RecordFilter f = RecordFilter.of(FilterRule.includeIn("status", "ACTIVE", "INVITED"), FilterRule.excludeIn("department.name", "Bots"));
    String json = Json.mapper().writeValueAsString(f);
    assertThat(json).startsWith("[{\"field\":\"status\"");
    assertThat(Json.mapper().readValue(json, RecordFilter.class)).isEqualTo(f);
  }
}
