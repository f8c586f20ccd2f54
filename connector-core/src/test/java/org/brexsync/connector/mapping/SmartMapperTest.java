package org.brexsync.connector.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SmartMapperTest {
  /** Field external ids of a realistic Oomnitza people data model (system fields plus customs). */
  private static final List<String> OOMNITZA_FIELDS =
      List.of(
          "username", "full_name", "first_name", "last_name", "email", "suspended", "address", "phone_number", "position",
          "role", "external_id", "brex_user_id", "department", "location", "manager_email", "employee_status", "last_synced",
          "cost_center", "created_by");

  private static Map<String, MappingSuggestion> byTarget(List<MappingSuggestion> s) {
    return s.stream().collect(Collectors.toMap(MappingSuggestion::targetField, x -> x));
  }

  @Test
  void suggestsTheStandardBrexMappingsWithConfidence() {
    Map<String, MappingSuggestion> s = byTarget(SmartMapper.create().suggest(SmartMapper.brexUserFields(), OOMNITZA_FIELDS));
    assertThat(s.get("email").sourceField()).isEqualTo("email");
    assertThat(s.get("email").confidence()).isEqualTo(1.0);
    assertThat(s.get("first_name").sourceField()).isEqualTo("first_name");
    assertThat(s.get("last_name").sourceField()).isEqualTo("last_name");
    assertThat(s.get("username").sourceField()).isEqualTo("id");
    assertThat(s.get("brex_user_id").sourceField()).isEqualTo("id");
    assertThat(s.get("department").sourceField()).isEqualTo("department.name");
    assertThat(s.get("location").sourceField()).isEqualTo("location.name");
    assertThat(s.get("position").sourceField()).isEqualTo("title.name");
    assertThat(s.get("position").confidence()).isEqualTo(0.9);
    assertThat(s.get("manager_email").sourceField()).isEqualTo("manager.email");
    assertThat(s.get("employee_status").sourceField()).isEqualTo("status");
    assertThat(s.get("last_synced").sourceField()).isEqualTo("connector_sync_time");
    assertThat(s).doesNotContainKeys("suspended", "created_by", "cost_center", "role");
  }

  @Test
  void matchesLabelsAndOtherNamingStyles() {
    List<String> source = List.of("givenName", "familyName", "mail", "jobTitle", "employeeNumber");
    List<String> target = List.of("First Name", "Last Name", "E-mail", "Position", "Employee ID", "Phone");
    Map<String, MappingSuggestion> s = byTarget(SmartMapper.create().suggest(source, target));
    assertThat(s.get("First Name").sourceField()).isEqualTo("givenName");
    assertThat(s.get("Last Name").sourceField()).isEqualTo("familyName");
    assertThat(s.get("E-mail").sourceField()).isEqualTo("mail");
    assertThat(s.get("Position").sourceField()).isEqualTo("jobTitle");
    assertThat(s.get("Employee ID").sourceField()).isEqualTo("employeeNumber");
    assertThat(s).doesNotContainKey("Phone");
  }

  @Test
  void suggestionsAreSortedBestFirstAndRespectTheThreshold() {
    List<MappingSuggestion> s = SmartMapper.create().suggest(SmartMapper.brexUserFields(), OOMNITZA_FIELDS);
    for (int i = 1; i < s.size(); i++) {
      assertThat(s.get(i - 1).confidence()).isGreaterThanOrEqualTo(s.get(i).confidence());
    }
    List<MappingSuggestion> strict = SmartMapper.withThreshold(0.95).suggest(SmartMapper.brexUserFields(), OOMNITZA_FIELDS);
    assertThat(strict).allMatch(x -> x.confidence() >= 0.95);
    assertThat(strict).extracting(MappingSuggestion::targetField).doesNotContain("position");
  }

  @Test
  void suggestedMappingUsesSyncTimeRulesForConnectorSyncTime() {
    Mapping m = SmartMapper.create().suggestMapping(SmartMapper.brexUserFields(), OOMNITZA_FIELDS);
    assertThat(m.ruleFor("last_synced").get().syncTime()).isTrue();
    assertThat(m.ruleFor("email").get().source()).contains("email");
  }
}
