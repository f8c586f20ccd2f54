package org.brexsync.connector.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.brexsync.connector.Integration;
import org.brexsync.connector.fakes.FakeBrex;
import org.brexsync.connector.fakes.FakeOomnitza;
import org.brexsync.connector.mapping.FieldChange;
import org.brexsync.connector.mapping.Mapping;
import org.brexsync.connector.mapping.MappingRule;
import org.brexsync.connector.mapping.WhenAbsent;
import org.brexsync.connector.record.FieldPath;
import org.brexsync.connector.record.RecordView;
import org.brexsync.connector.state.InMemorySyncStateStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A path absent from a Brex record (not present-and-null) never clears an Oomnitza field unless the rule says so. */
class AbsentSourceTest {
  FakeBrex brex;
  FakeOomnitza oomnitza;

  @BeforeEach
  void setUp() {
    brex = new FakeBrex();
    oomnitza = new FakeOomnitza();
    brex.titles.add(JsonNodeFactory.instance.objectNode().put("id", "t1").put("name", "Engineer"));
    // absent: no remote_display_id, no title_id keys at all
    brex.add(FakeBrex.user("u1", "Ann", "A", "ann@acme.test", "ACTIVE"));
    // present and null: the user has none
    brex.add(FakeBrex.user("u2", "Bob", "B", "bob@acme.test", "ACTIVE").putNull("remote_display_id").putNull("title_id"));
    // present with values
    brex.add(FakeBrex.user("u3", "Cy", "C", "cy@acme.test", "ACTIVE").put("remote_display_id", "EMP3").put("title_id", "t1"));
    for (String who : new String[] {"ann", "bob", "cy"}) {
      oomnitza.insert(JsonNodeFactory.instance.objectNode().put("email", who + "@acme.test")
          .put("employee_no", "OLD-" + who).put("position", "Old title"));
    }
  }

  SyncReport run(MappingRule... extra) {
    Mapping m = Mapping.standard(25);
    for (MappingRule r : extra) {
      m = m.withRule(r);
    }
    Integration in = Integration.builder().name("absent").mapping(m).build();
    return SyncEngine.builder().integration(in).source(brex).sink(oomnitza).stateStore(InMemorySyncStateStore.create()).build().run();
  }

  String field(String who, String f) {
    return oomnitza.by("email", who + "@acme.test").orElseThrow().path(f).asText(null);
  }

  @Test
  void anAbsentPathKeepsTheOomnitzaValueWhileAPresentNullClearsIt() {
    SyncReport r = run(MappingRule.of("employee_no", "remote_display_id"), MappingRule.of("position", "title.name"));
    assertThat(r.count(Situation.FAILED)).isZero();
    assertThat(field("ann", "employee_no")).as("absent: kept").isEqualTo("OLD-ann");
    assertThat(field("ann", "position")).as("title_id absent: kept").isEqualTo("Old title");
    assertThat(field("bob", "employee_no")).as("present and null: cleared").isNull();
    assertThat(field("bob", "position")).as("title_id null: cleared").isNull();
    assertThat(field("cy", "employee_no")).isEqualTo("EMP3");
    assertThat(field("cy", "position")).isEqualTo("Engineer");
    RecordOutcome ann = r.outcomes(Situation.UPDATE).stream().filter(o -> o.sourceId().equals("u1")).findFirst().orElseThrow();
    assertThat(ann.changes()).extracting(FieldChange::field).doesNotContain("employee_no", "position");
  }

  @Test
  void aRuleCanOptInToClearWhenItsSourceIsAbsent() {
    run(MappingRule.builder().target("employee_no").source("remote_display_id").whenAbsent(WhenAbsent.CLEAR).build());
    assertThat(field("ann", "employee_no")).isNull();
    assertThat(field("cy", "employee_no")).isEqualTo("EMP3");
  }

  @Test
  void theOptInIsReadFromAnIntegrationDocumentAndWrittenBack() {
    String doc = "{\"name\":\"n\",\"mapping\":{\"rules\":[{\"target\":\"employee_no\",\"source\":\"remote_display_id\",\"whenAbsent\":\"CLEAR\"}]}}";
    org.brexsync.connector.Integration in = org.brexsync.connector.IntegrationJson.read(doc);
    assertThat(in.mapping().ruleFor("employee_no").orElseThrow().whenAbsent()).isEqualTo(WhenAbsent.CLEAR);
    assertThat(org.brexsync.connector.IntegrationJson.write(in)).contains("\"whenAbsent\" : \"CLEAR\"");
    assertThat(MappingRule.of("x", "email").whenAbsent()).isEqualTo(WhenAbsent.KEEP);
  }

  @Test
  void aMisspeltPathThatSlippedPastValidationWipesNothing() {
    // e.g. a custom RecordView-based source with a field the schema does not know: absent on every record
    ObjectNode any = FakeBrex.user("x", "X", "Y", "x@acme.test", "ACTIVE");
    assertThat(RecordView.of(any).has(FieldPath.parse("titel.name"))).isFalse();
    assertThat(RecordView.of(any.putNull("titel")).has(FieldPath.parse("titel.name"))).as("a null parent stands for its children").isTrue();
    assertThat(RecordView.of(any).has(FieldPath.parse("email.x"))).isFalse();
    assertThat(RecordView.of(any.set("tags", JsonNodeFactory.instance.arrayNode().add("a"))).has(FieldPath.parse("tags[3]"))).isTrue();
  }

  @Test
  void absentAndNullHaveDifferentFingerprintsSoAChangeFromOneToTheOtherIsWritten() {
    Mapping m = Mapping.standard(25).withRule(MappingRule.of("employee_no", "remote_display_id"));
    Integration in = Integration.builder().name("absent").mapping(m).build();
    InMemorySyncStateStore store = InMemorySyncStateStore.create();
    SyncEngine e = SyncEngine.builder().integration(in).source(brex).sink(oomnitza).stateStore(store).build();
    e.run();
    assertThat(field("ann", "employee_no")).isEqualTo("OLD-ann");
    brex.byId("u1").putNull("remote_display_id");
    SyncReport r = e.run();
    assertThat(r.outcomes(Situation.UPDATE)).singleElement().satisfies(o -> {
      assertThat(o.sourceId()).isEqualTo("u1");
      assertThat(o.changes()).containsExactly(FieldChange.of("employee_no", Optional.of(JsonNodeFactory.instance.textNode("OLD-ann")), Optional.empty()));
    });
    assertThat(field("ann", "employee_no")).isNull();
  }
}
