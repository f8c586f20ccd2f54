package org.brexsync.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.brexsync.connector.mapping.Mapping;
import org.brexsync.connector.mapping.MappingRule;
import org.brexsync.connector.mapping.TransformerSpec;
import org.junit.jupiter.api.Test;

class ValidationTest {
  @Test
  void emptyMappingIsDraftListingEveryMandatoryItem() {
    Integration in = Integration.builder().name("n").mapping(Mapping.builder().addRules(MappingRule.of("first_name", "first_name")).build()).build();
    ValidationResult r = in.validate();
    assertThat(r.status()).isEqualTo(IntegrationStatus.DRAFT);
    assertThat(r.missing())
        .containsExactly(
            "Brex Id must be mapped to Username (rule: username <- id)",
            "Brex Id must be mapped to the unique custom field Brex User Id (rule: brex_user_id <- id)",
            "Email must be mapped to Email (rule: email <- email)",
            "a Role must be selected (rule: role <- constant role id)",
            "the sync key 'email' must be mapped");
    assertThatThrownBy(r::requireLaunchable).isInstanceOf(IntegrationNotLaunchableException.class).hasMessageContaining("DRAFT");
  }

  @Test
  void standardMappingIsLaunchable() {
    Integration in = Integration.builder().name("n").mapping(Mapping.standard(25)).build();
    assertThat(in.validate().isLaunchable()).isTrue();
    assertThat(in.status()).isEqualTo(IntegrationStatus.LAUNCHABLE);
  }

  @Test
  void syncKeyMustBeAUniqueMappedField() {
    Mapping m = Mapping.builder().from(Mapping.standard(25)).syncKey("first_name").build();
    assertThat(Integration.builder().name("n").mapping(m).build().validate().missing())
        .containsExactly("the sync key 'first_name' must be a unique field (one of [username, email, brex_user_id])");
    Mapping byId = Mapping.builder().from(Mapping.standard(25)).syncKey("brex_user_id").build();
    assertThat(Integration.builder().name("n").mapping(byId).build().validate().isLaunchable()).isTrue();
    Mapping custom = Mapping.builder().from(Mapping.standard(25)).syncKey("employee_no").build().withRule(MappingRule.of("employee_no", "remote_display_id"));
    assertThat(Integration.builder().name("n").mapping(custom).addUniqueFields("employee_no").build().validate().isLaunchable()).isTrue();
  }

  @Test
  void saasModeNeedsASaasIdAndTransformersMustExist() {
    Integration in =
        Integration.builder()
            .name("n")
            .mapping(Mapping.standard(25).withRule(MappingRule.builder().target("x").source("id").addTransform(TransformerSpec.of("rot13")).build()))
            .mode(SyncMode.USER_PLUS_SAAS_USER)
            .build();
    assertThat(in.validate().missing()).hasSize(2).anyMatch(s -> s.contains("unknown transformer 'rot13'")).anyMatch(s -> s.contains("saasId"));
  }
}
