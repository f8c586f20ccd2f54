package org.brexsync.connector.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.brexsync.connector.fakes.FakeBrex;
import org.brexsync.connector.brex.BrexLookups;
import org.brexsync.connector.brex.BrexUserRecord;
import org.junit.jupiter.api.Test;

class FieldPathTest {
  @Test
  void parsesNamesIndexesAndTails() {
    FieldPath p = FieldPath.parse("manager.addresses[1].city");
    assertThat(p.head()).isEqualTo("manager");
    assertThat(p.size()).isEqualTo(4);
    assertThat(p.tail().get().toString()).isEqualTo("addresses[1].city");
    assertThat(FieldPath.parse("a").tail()).isEmpty();
  }

  @Test
  void rejectsMalformedPathsWithThePosition() {
    assertThatThrownBy(() -> FieldPath.parse("a..b")).hasMessageContaining("position 2");
    assertThatThrownBy(() -> FieldPath.parse("a[x]")).hasMessageContaining("'x'");
    assertThatThrownBy(() -> FieldPath.parse("a[1")).hasMessageContaining("unclosed");
    assertThatThrownBy(() -> FieldPath.parse("a.")).hasMessageContaining("ends with");
    assertThatThrownBy(() -> FieldPath.parse(" ")).hasMessageContaining("empty");
  }

  @Test
  void resolvesMissingAndNullAsEmpty() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.putNull("n");
    o.putArray("l").add(1);
    assertThat(FieldPath.parse("n").resolve(o)).isEmpty();
    assertThat(FieldPath.parse("n.x").resolve(o)).isEmpty();
    assertThat(FieldPath.parse("l[3]").resolve(o)).isEmpty();
    assertThat(FieldPath.parse("l[0]").resolve(o).get().asInt()).isEqualTo(1);
  }

  @Test
  void brexUserRecordMaterialisesEnrichmentsForWorkflowsAndInsight() {
    FakeBrex brex = new FakeBrex();
    brex.titles.add(JsonNodeFactory.instance.objectNode().put("id", "t1").put("name", "CFO"));
    brex.add(FakeBrex.user("boss", "G", "H", "g@x", "ACTIVE"));
    ObjectNode u = FakeBrex.user("u1", "A", "B", "a@x", "ACTIVE").put("title_id", "t1").put("manager_id", "boss");
    BrexUserRecord r = BrexUserRecord.of(u, BrexLookups.over(brex));
    ObjectNode json = r.toJson();
    assertThat(json.path("title").path("name").asText()).isEqualTo("CFO");
    assertThat(json.path("manager").path("email").asText()).isEqualTo("g@x");
    assertThat(json.has("department")).isFalse();
    assertThat(r.text("title.name")).contains("CFO");
    assertThat(BrexUserRecord.of(u).get("title.name")).isEmpty();
  }
}
