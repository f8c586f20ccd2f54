package org.brexsync.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.brexsync.connector.filter.FilterRule;
import org.brexsync.connector.filter.RecordFilter;
import org.brexsync.connector.mapping.Mapping;
import org.brexsync.connector.mapping.MappingRule;
import org.brexsync.connector.sync.SyncEngine;
import org.junit.jupiter.api.Test;

/** A rule reading a Brex user path that does not exist keeps the integration DRAFT, naming the path and the nearest known one. */
class SourcePathValidationTest {

  @Test
  void aMisspeltSourcePathMakesTheIntegrationDraftAndSuggestsTheNearestPath() {
    Integration in = Integration.builder().name("n").mapping(Mapping.standard(25).withRule(MappingRule.of("position", "titel.name"))).build();
    ValidationResult v = in.validate();
    assertThat(v.status()).isEqualTo(IntegrationStatus.DRAFT);
    assertThat(v.missing()).containsExactly(
        "mapping rule for 'position': unknown source path 'titel.name': the Brex user has no field 'titel'; did you mean 'title.name'?");
    assertThatThrownBy(() -> SyncEngine.builder().integration(in).source(new org.brexsync.connector.fakes.FakeBrex())
        .sink(new org.brexsync.connector.fakes.FakeOomnitza()).build())
        .isInstanceOf(IntegrationNotLaunchableException.class).hasMessageContaining("titel.name");
  }

  @Test
  void specFieldsEnrichmentsAndFreeMetadataKeysAreLaunchable() {
    Mapping m = Mapping.standard(25)
        .withRule(MappingRule.of("position", "title.name"))
        .withRule(MappingRule.of("department", "department.name"))
        .withRule(MappingRule.of("location", "location.id"))
        .withRule(MappingRule.of("manager_email", "manager.email"))
        .withRule(MappingRule.of("manager_ref", "manager.remote_display_id"))
        .withRule(MappingRule.of("cost_center", "metadata.cost_center"))
        .withRule(MappingRule.of("employee_no", "remote_display_id"))
        .withRule(MappingRule.of("brex_status", "status"));
    Integration in = Integration.builder().name("n").mapping(m).filters(RecordFilter.of(FilterRule.includeIn("status", "ACTIVE"))).build();
    assertThat(in.validate().missing()).isEmpty();
  }

  @Test
  void pathsThatGoWhereTheSchemaDoesNotAreNamedWithASuggestion() {
    Mapping m = Mapping.standard(25)
        .withRule(MappingRule.of("a", "metdata.cost_center"))
        .withRule(MappingRule.of("b", "email.domain"))
        .withRule(MappingRule.of("c", "department.title"))
        .withRule(MappingRule.of("d", "manager.department.name"))
        .withRule(MappingRule.of("e", "metadata.a.b"))
        .withRule(MappingRule.of("f", "tags[0]"));
    Integration in = Integration.builder().name("n").mapping(m).filters(RecordFilter.of(FilterRule.includeIn("statsu", "ACTIVE"))).build();
    assertThat(in.validate().missing()).containsExactly(
        "mapping rule for 'a': unknown source path 'metdata.cost_center': the Brex user has no field 'metdata'; did you mean 'metadata.cost_center'?",
        "mapping rule for 'b': unknown source path 'email.domain': 'email' is a text field with nothing inside it; did you mean 'email'?",
        "mapping rule for 'c': unknown source path 'department.title': 'department' has only id and name; did you mean 'department.id'?",
        "mapping rule for 'd': unknown source path 'manager.department.name': 'manager.department' is not resolved for a manager (only the manager's own Brex user fields are); did you mean 'manager.department_id'?",
        "mapping rule for 'e': unknown source path 'metadata.a.b': 'metadata' holds text values by key: name one key, as in 'metadata.<key>'; did you mean 'metadata'?",
        "mapping rule for 'f': unknown source path 'tags[0]': the Brex user has no field 'tags'; did you mean 'status'?",
        "filter on 'statsu': unknown source path 'statsu': the Brex user has no field 'statsu'; did you mean 'status'?");
  }

  @Test
  void theDocumentReaderPointsAtTheLineAndColumnOfTheUnknownPath() {
    String doc = IntegrationJsonTest.DOC.replace("\"source\": \"title.name\"", "\"source\": \"titel.name\"")
        .replace("{\"field\": \"status\"", "{\"field\": \"statsu\"");
    Integration in = IntegrationJson.read(doc);
    assertThat(in.status()).isEqualTo(IntegrationStatus.DRAFT);
    assertThat(in.validate().missing()).containsExactly(
        "mapping rule for 'position' (line 15, column 40): unknown source path 'titel.name': the Brex user has no field 'titel'; did you mean 'title.name'?",
        "filter on 'statsu' (line 19, column 25): unknown source path 'statsu': the Brex user has no field 'statsu'; did you mean 'status'?");
    String line15 = doc.split("\n")[14];
    assertThat(line15.substring(39)).as("column 40 is where the value starts").startsWith("\"titel.name\"");
    assertThat(IntegrationJson.read(IntegrationJson.write(in))).as("still reads back equal").isEqualTo(in);
  }
}
