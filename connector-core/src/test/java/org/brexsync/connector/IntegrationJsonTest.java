package org.brexsync.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.brexsync.connector.filter.FilterRule;
import org.brexsync.connector.filter.RecordFilter;
import org.brexsync.connector.mapping.Mapping;
import org.brexsync.connector.mapping.MappingRule;
import org.brexsync.connector.mapping.Strength;
import org.brexsync.connector.mapping.TransformerSpec;
import org.brexsync.connector.schedule.Schedule;
import org.brexsync.connector.sync.DeprovisioningPolicy;
import org.junit.jupiter.api.Test;

class IntegrationJsonTest {
  static final String DOC =
      "{\n"
          + "  \"name\": \"brex-people\",\n"
          + "  \"brex\": {\"tokenEnv\": \"BREX_API_TOKEN\"},\n"
          + "  \"oomnitza\": {\"baseUrl\": \"https://acme.oomnitza.com\", \"tokenEnv\": \"OOMNITZA_TOKEN\"},\n"
          + "  \"mapping\": {\n"
          + "    \"syncKey\": \"email\",\n"
          + "    \"rules\": [\n"
          + "      {\"target\": \"username\", \"source\": \"id\"},\n"
          + "      {\"target\": \"brex_user_id\", \"source\": \"id\"},\n"
          + "      {\"target\": \"email\", \"source\": \"email\", \"transform\": [\"trim\", \"lowercase\"]},\n"
          + "      {\"target\": \"first_name\", \"source\": \"first_name\"},\n"
          + "      {\"target\": \"last_name\", \"source\": \"last_name\"},\n"
          + "      {\"target\": \"role\", \"constant\": 25},\n"
          + "      {\"target\": \"employee_status\", \"source\": \"status\", \"transform\": [{\"name\": \"value_map\", \"map\": {\"ACTIVE\": \"Active\"}, \"default\": \"Inactive\"}]},\n"
          + "      {\"target\": \"position\", \"source\": \"title.name\", \"strength\": \"IF_EMPTY\"},\n"
          + "      {\"target\": \"last_synced\", \"syncTime\": true}\n"
          + "    ]\n"
          + "  },\n"
          + "  \"filters\": [{\"field\": \"status\", \"operator\": \"IN\", \"values\": [\"ACTIVE\", \"INVITED\"]}],\n"
          + "  \"preference\": \"CREATE_AND_UPDATE\",\n"
          + "  \"mode\": \"USER_PLUS_SAAS_USER\",\n"
          + "  \"saasId\": \"42\",\n"
          + "  \"schedule\": {\"every\": \"PT6H\"},\n"
          + "  \"sink\": \"BULK\",\n"
          + "  \"deprovisioning\": {\"action\": \"SUSPEND\"},\n"
          + "  \"batchSize\": 200\n"
          + "}\n";

  @Test
  void readsADocument() {
    Integration in = IntegrationJson.read(DOC);
    assertThat(in.name()).isEqualTo("brex-people");
    assertThat(in.oomnitza().get().baseUrl()).contains(URI.create("https://acme.oomnitza.com"));
    assertThat(in.mapping().rules()).hasSize(9);
    assertThat(in.mapping().ruleFor("email").get().transform()).containsExactly(TransformerSpec.of("trim"), TransformerSpec.of("lowercase"));
    assertThat(in.mapping().ruleFor("position").get().strength()).isEqualTo(Strength.IF_EMPTY);
    assertThat(in.filters()).isEqualTo(RecordFilter.of(FilterRule.includeIn("status", "ACTIVE", "INVITED")));
    assertThat(in.schedule()).isEqualTo(Schedule.every(Duration.ofHours(6)));
    assertThat(in.sink()).isEqualTo(SinkType.BULK);
    assertThat(in.deprovisioning()).isEqualTo(DeprovisioningPolicy.suspend());
    assertThat(in.batchSize()).isEqualTo(200);
    assertThat(in.validate().status()).isEqualTo(IntegrationStatus.LAUNCHABLE);
  }

  @Test
  void roundTrips() {
    Integration in = IntegrationJson.read(DOC);
    assertThat(IntegrationJson.read(IntegrationJson.write(in))).isEqualTo(in);
    Integration java =
        Integration.builder()
            .name("java-built")
            .brex(Connection.of(Optional.empty(), "BREX_API_TOKEN"))
            .mapping(Mapping.standard(3).withRule(MappingRule.builder().target("x").source("metadata.x").addTransform(TransformerSpec.of("value_map", Map.of("map", Map.of("a", "b")))).build()))
            .deprovisioning(DeprovisioningPolicy.setField("employee_status", "Left"))
            .recordLimit(10)
            .build();
    assertThat(IntegrationJson.read(IntegrationJson.write(java))).isEqualTo(java);
  }

  @Test
  void defaultsAreOnceADayCreateAndUpdateUserOnlyRest() {
    Integration in = IntegrationJson.read("{\"name\":\"n\",\"mapping\":{\"rules\":[{\"target\":\"email\",\"source\":\"email\"}]}}");
    assertThat(in.schedule()).isEqualTo(Schedule.defaults());
    assertThat(in.preference()).isEqualTo(SyncPreference.CREATE_AND_UPDATE);
    assertThat(in.mode()).isEqualTo(SyncMode.USER_ONLY);
    assertThat(in.sink()).isEqualTo(SinkType.REST);
    assertThat(in.mapping().syncKey()).isEqualTo("email");
  }

  @Test
  void badEnumValuePointsAtLineAndPath() {
    String bad = DOC.replace("\"strength\": \"IF_EMPTY\"", "\"strength\": \"SOMETIMES\"");
    IntegrationConfigException e = catchThrowableOfType(IntegrationConfigException.class, () -> IntegrationJson.read(bad));
    assertThat(e.line()).isEqualTo(15);
    assertThat(e.path()).isEqualTo("mapping.rules[7].strength");
    assertThat(e.getMessage()).contains("line 15").contains("SOMETIMES").contains("IF_EMPTY");
  }

  @Test
  void unknownFieldIsNamedWithItsLine() {
    String bad = DOC.replace("\"batchSize\": 200", "\"batchsize\": 200");
    IntegrationConfigException e = catchThrowableOfType(IntegrationConfigException.class, () -> IntegrationJson.read(bad));
    assertThat(e.line()).isEqualTo(26);
    assertThat(e.problem()).contains("unknown field 'batchsize'").contains("batchSize");
  }

  @Test
  void invalidRuleReportsTheRuleProblemAndPosition() {
    String bad = DOC.replace("{\"target\": \"role\", \"constant\": 25}", "{\"target\": \"role\", \"constant\": 25, \"source\": \"x\"}");
    IntegrationConfigException e = catchThrowableOfType(IntegrationConfigException.class, () -> IntegrationJson.read(bad));
    assertThat(e.line()).isEqualTo(13);
    assertThat(e.problem()).contains("mapping rule for 'role' must have only one of source, constant, syncTime");
    assertThat(e.path()).startsWith("mapping.rules[5]");
  }

  @Test
  void inlineSecretsAreRejectedWithoutEchoingThem() {
    String bad = DOC.replace("{\"tokenEnv\": \"BREX_API_TOKEN\"}", "{\"token\": \"bxt_supersecret\"}");
    IntegrationConfigException e = catchThrowableOfType(IntegrationConfigException.class, () -> IntegrationJson.read(bad));
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.getMessage()).contains("inline secret 'token'").contains("tokenEnv").doesNotContain("supersecret");
    assertThat(e.path()).startsWith("brex");
    String badEnv = DOC.replace("\"BREX_API_TOKEN\"", "\"bxt-secret value\"");
    assertThatThrownBy(() -> IntegrationJson.read(badEnv)).hasMessageContaining("tokenEnv must name an environment variable").hasMessageNotContaining("secret value");
  }

  @Test
  void malformedJsonPointsAtTheSyntaxError() {
    IntegrationConfigException e =
        catchThrowableOfType(IntegrationConfigException.class, () -> IntegrationJson.read("{\n  \"name\": \"x\",\n  \"mapping\": {\n}}}"));
    assertThat(e.line()).isEqualTo(4);
  }
}
