package org.brexsync.connector.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.brexsync.connector.fakes.FakeBrex;
import org.brexsync.connector.record.RecordView;
import org.brexsync.connector.brex.BrexLookups;
import org.brexsync.connector.brex.BrexUserRecord;
import org.junit.jupiter.api.Test;

class MappingTest {
  private static final Instant T1 = Instant.parse("2026-01-02T03:04:05.123Z");
  private static final Instant T2 = Instant.parse("2026-01-03T03:04:05Z");

  private static ObjectNode ada() {
    ObjectNode u = FakeBrex.user("cuuser_1", "Ada", "Lovelace", " Ada@Example.COM ", "ACTIVE");
    u.putObject("metadata").put("cost_center", "R&D");
    u.putArray("tags").add("a").add("b");
    return u;
  }

  @Test
  void standardMappingEvaluatesPathsConstantsAndTransformers() {
    CompiledMapping m = Mapping.standard(25).compile(TransformerRegistry.defaults());
    MappedRecord r = m.evaluate(RecordView.of(ada()), T1);
    assertThat(r.text("username")).contains("cuuser_1");
    assertThat(r.text("brex_user_id")).contains("cuuser_1");
    assertThat(r.text("email")).contains("ada@example.com");
    assertThat(r.value("role").get().asInt()).isEqualTo(25);
    assertThat(m.createFields(r).fieldNames()).toIterable().containsExactly("username", "brex_user_id", "email", "first_name", "last_name", "role");
  }

  @Test
  void pathsReachNestedValuesListIndexesAndSyncTime() {
    Mapping mapping =
        Mapping.builder()
            .addRules(MappingRule.of("cost_center", "metadata.cost_center"))
            .addRules(MappingRule.of("second_tag", "tags[1]"))
            .addRules(MappingRule.of("nothing", "tags[5]"))
            .addRules(MappingRule.syncTime("last_sync"))
            .build();
    MappedRecord r = mapping.compile(TransformerRegistry.defaults()).evaluate(RecordView.of(ada()), T1);
    assertThat(r.text("cost_center")).contains("R&D");
    assertThat(r.text("second_tag")).contains("b");
    assertThat(r.value("nothing")).isEmpty();
    assertThat(r.text("last_sync")).contains("2026-01-02T03:04:05Z");
  }

  @Test
  void enrichmentsResolveThroughCachedLookupsNotOneCallPerUser() {
    FakeBrex brex = new FakeBrex();
    brex.departments.add(JsonNodeFactory.instance.objectNode().put("id", "dep1").put("name", "Engineering"));
    ObjectNode boss = FakeBrex.user("boss", "Grace", "Hopper", "grace@x.test", "ACTIVE");
    brex.add(boss);
    BrexLookups lookups = BrexLookups.over(brex);
    Mapping mapping =
        Mapping.builder()
            .addRules(MappingRule.of("department", "department.name"))
            .addRules(MappingRule.of("manager_email", "manager.email"))
            .build();
    CompiledMapping m = mapping.compile(TransformerRegistry.defaults());
    for (int i = 0; i < 50; i++) {
      ObjectNode u = FakeBrex.user("u" + i, "A", "B", "a" + i + "@x.test", "ACTIVE");
      u.put("department_id", "dep1").put("manager_id", "boss");
      MappedRecord r = m.evaluate(BrexUserRecord.of(u, lookups), T1);
      assertThat(r.text("department")).contains("Engineering");
      assertThat(r.text("manager_email")).contains("grace@x.test");
    }
    assertThat(brex.getCalls.get()).isEqualTo(1);
    assertThat(brex.directoryCalls.get()).isEqualTo(1);
  }

  @Test
  void diffHonoursStrengths() {
    Mapping mapping =
        Mapping.builder()
            .addRules(MappingRule.of("first_name", "first_name"))
            .addRules(MappingRule.builder().target("position").source("title").strength(Strength.IF_EMPTY).build())
            .addRules(MappingRule.builder().target("phone").source("phone").strength(Strength.NEVER_CLEAR).build())
            .addRules(MappingRule.of("address", "address"))
            .build();
    CompiledMapping m = mapping.compile(TransformerRegistry.defaults());
    ObjectNode src = FakeBrex.user("1", "Ada", "L", "a@x", "ACTIVE").put("title", "CTO").putNull("phone").putNull("address");
    ObjectNode existing = JsonNodeFactory.instance.objectNode().put("first_name", "Ada").put("position", "Chief").put("phone", "123").put("address", "Old St");
    List<FieldChange> changes = m.diff(m.evaluate(RecordView.of(src), T1), existing);
    // position is set in Oomnitza (IF_EMPTY keeps it), phone has no new value (NEVER_CLEAR keeps it),
    // address is ALWAYS and the source says null: cleared. (An absent source never clears: AbsentSourceTest.)
    assertThat(changes).extracting(FieldChange::field).containsExactly("address");
    assertThat(changes.get(0).to()).isEmpty();
    assertThat(changes.get(0).from()).contains(TextNode.valueOf("Old St"));

    ObjectNode emptyPos = existing.deepCopy().put("position", "").put("address", "");
    assertThat(m.diff(m.evaluate(RecordView.of(src), T1), emptyPos)).extracting(FieldChange::field).containsExactly("position");
  }

  @Test
  void scalarsCompareByTextSoNumbersAndStringsMatch() {
    CompiledMapping m = Mapping.builder().addRules(MappingRule.constant("role", 25)).build().compile(TransformerRegistry.defaults());
    ObjectNode existing = JsonNodeFactory.instance.objectNode().put("role", "25");
    assertThat(m.diff(m.evaluate(RecordView.of(ada()), T1), existing)).isEmpty();
  }

  @Test
  void syncTimeIsWrittenWithOtherChangesButNeverAloneNorFingerprinted() {
    Mapping mapping = Mapping.builder().addRules(MappingRule.of("first_name", "first_name")).addRules(MappingRule.syncTime("last_sync")).build();
    CompiledMapping m = mapping.compile(TransformerRegistry.defaults());
    ObjectNode same = JsonNodeFactory.instance.objectNode().put("first_name", "Ada").put("last_sync", "old");
    assertThat(m.diff(m.evaluate(RecordView.of(ada()), T1), same)).isEmpty();
    ObjectNode changed = same.deepCopy().put("first_name", "Augusta");
    assertThat(m.diff(m.evaluate(RecordView.of(ada()), T1), changed)).extracting(FieldChange::field).containsExactly("first_name", "last_sync");
    assertThat(m.fingerprint(m.evaluate(RecordView.of(ada()), T1))).isEqualTo(m.fingerprint(m.evaluate(RecordView.of(ada()), T2)));
  }

  @Test
  void fingerprintChangesWithAnyWrittenValue() {
    CompiledMapping m = Mapping.standard(25).compile(TransformerRegistry.defaults());
    String a = m.fingerprint(m.evaluate(RecordView.of(ada()), T1));
    String b = m.fingerprint(m.evaluate(RecordView.of(ada().put("last_name", "King")), T1));
    assertThat(a).isNotEqualTo(b).hasSize(43);
  }

  @Test
  void transformerFailureNamesTheRuleAndTransformer() {
    Mapping mapping =
        Mapping.builder()
            .addRules(MappingRule.builder().target("start").source("first_name").addTransform(TransformerSpec.of("date_format", Map.of("to", "iso"))).build())
            .build();
    CompiledMapping m = mapping.compile(TransformerRegistry.defaults());
    assertThatThrownBy(() -> m.evaluate(RecordView.of(ada()), T1))
        .isInstanceOf(MappingException.class)
        .hasMessageContaining("'start'")
        .hasMessageContaining("date_format");
  }

  @Test
  void rulesRejectAmbiguousOrEmptySourcesAndDuplicateTargets() {
    assertThatThrownBy(() -> MappingRule.builder().target("x").source("a").syncTime(true).build())
        .hasMessageContaining("only one of source, constant, syncTime");
    assertThatThrownBy(() -> MappingRule.builder().target("x").build()).hasMessageContaining("needs a source");
    assertThatThrownBy(() -> MappingRule.of("x", "a..b")).hasMessageContaining("empty name");
    assertThatThrownBy(() -> Mapping.builder().addRules(MappingRule.of("x", "a"), MappingRule.of("x", "b")).build())
        .hasMessageContaining("two mapping rules write the target field 'x'");
    assertThatThrownBy(() -> Mapping.builder().addRules(MappingRule.builder().target("x").source("a").addTransform(TransformerSpec.of("nope")).build()).build().compile(TransformerRegistry.defaults()))
        .isInstanceOf(MappingException.class)
        .hasMessageContaining("unknown transformer 'nope'");
  }
}
