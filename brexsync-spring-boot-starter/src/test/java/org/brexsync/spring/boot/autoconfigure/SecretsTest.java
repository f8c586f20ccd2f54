package org.brexsync.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import org.brexsync.spring.boot.autoconfigure.internal.ConfigurationFailureAnalyzer;
import org.brexsync.spring.boot.autoconfigure.internal.SecretsSanitizer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class SecretsTest {
  @Test
  void tokensAreMaskedInActuatorWhateverTheirSpelling() {
    StarterTestSupport.bare().withPropertyValues("brexsync.brex.token=bxt_secret", "BREX_API_TOKEN=bxt_secret").run(ctx -> {
      SanitizingFunction f = ctx.getBean("brexsyncSecretsSanitizer", SanitizingFunction.class);
      MapPropertySource source = new MapPropertySource("test", java.util.Map.of());
      for (String key : new String[] {"brexsync.brex.token", "BREXSYNC_BREX_TOKEN", "brexsync.oomnitza.token",
          "BREXSYNC_OOMNITZA_TOKEN", "BREX_API_TOKEN", "OOMNITZA_API_TOKEN"}) {
        assertThat(f.apply(new SanitizableData(source, key, "bxt_secret")).getValue()).as(key)
            .isEqualTo(SanitizableData.SANITIZED_VALUE);
      }
      assertThat(f.apply(new SanitizableData(source, "brexsync.brex.base-url", "https://x")).getValue()).isEqualTo("https://x");
    });
  }

  @Test
  void withoutActuatorThereIsNothingToMaskAndTheStarterStillWorks() {
    StarterTestSupport.bare().withPropertyValues("brexsync.brex.token=bxt_secret")
        .withClassLoader(new org.springframework.boot.test.context.FilteredClassLoader(SanitizingFunction.class))
        .run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean("brexsyncSecretsSanitizer")
            .hasSingleBean(org.brexsync.brex.BrexClient.class));
  }

  @Test
  void theDocumentsTokenVariablesAreMaskedToo(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path doc = dir.resolve("d.json");
    java.nio.file.Files.writeString(doc, "{\"name\": \"d\", \"brex\": {\"tokenEnv\": \"ACME_BREX\"},"
        + " \"mapping\": {\"rules\": []}}");
    BrexsyncProperties p = new BrexsyncProperties();
    p.setIntegrationDocument(new org.springframework.core.io.FileSystemResource(doc));
    SecretsSanitizer s = new SecretsSanitizer(p, new StandardEnvironment());
    assertThat(s.masks("ACME_BREX")).isTrue();
    assertThat(s.masks("ACME_OTHER")).isFalse();
  }

  @Test
  void propertiesNeverPrintTheirTokens() {
    BrexsyncProperties p = new BrexsyncProperties();
    p.getBrex().setToken("bxt_secret");
    p.getOomnitza().setToken("oomnitza-secret");
    assertThat(p.toString()).doesNotContain("secret").contains("token=****");
  }

  @Test
  void propertiesNeverPrintCredentialsInABaseUrl() {
    BrexsyncProperties p = new BrexsyncProperties();
    p.getOomnitza().setBaseUrl(java.net.URI.create("https://admin:hunter2@acme.oomnitza.com/?api_key=k1"));
    assertThat(p.toString()).doesNotContain("hunter2").doesNotContain("k1").contains("https://acme.oomnitza.com/");
  }

  @Test
  void springBootFindsTheFailureAnalyzer() {
    // Spring Boot's own analyzers need constructor arguments this loader does not give: ignore them.
    assertThat(org.springframework.core.io.support.SpringFactoriesLoader.forDefaultResourceLocation()
        .load(org.springframework.boot.diagnostics.FailureAnalyzer.class,
            org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler.handleMessage((m, e) -> { })))
        .anyMatch(ConfigurationFailureAnalyzer.class::isInstance);
  }

  @Test
  void theFailureAnalysisIsTheDescriptionAndTheAction() {
    FailureAnalysis a = new ConfigurationFailureAnalyzer().analyze(new BeanCreationException("brexClient",
        new BrexsyncConfigurationException("what is wrong", "what to do")));
    assertThat(a.getDescription()).isEqualTo("brexsync: what is wrong");
    assertThat(a.getAction()).isEqualTo("what to do");
  }
}
