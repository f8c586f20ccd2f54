package org.brexsync.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.brexsync.brex.BrexClient;
import org.brexsync.connector.schedule.SyncScheduler;
import org.brexsync.connector.sync.SyncEngine;
import org.brexsync.brex.RateLimiter;
import org.brexsync.http.RequestListener;
import org.brexsync.oomnitza.OomnitzaClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport.ConditionAndOutcome;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class ClientsAutoConfigurationTest extends SandboxTests {
  @Test
  void withoutTokensThereAreNoClientsAndTheConditionReportSaysWhereToSetThem() {
    StarterTestSupport.bare().run(ctx -> {
      assertThat(ctx).hasNotFailed()
          .doesNotHaveBean(BrexClient.class).doesNotHaveBean(OomnitzaClient.class)
          .doesNotHaveBean(SyncEngine.class).doesNotHaveBean(SyncScheduler.class)
          .doesNotHaveBean(BrexsyncHealthIndicator.class);
      assertThat(outcomes(ctx, "brexClient")).contains(
          "no Brex API token: set brexsync.brex.token or the environment variable BREX_API_TOKEN");
      assertThat(outcomes(ctx, "oomnitzaClient")).contains(
          "no Oomnitza API token: set brexsync.oomnitza.token or the environment variable OOMNITZA_API_TOKEN");
      assertThat(ctx.getBean(org.brexsync.spring.boot.autoconfigure.internal.StartupLog.class).describe())
          .startsWith("brexsync is not configured: no Brex API token: set brexsync.brex.token")
          .contains("no Oomnitza API token");
    });
  }

  @Test
  void tokensAndUrlsFromPropertiesMakeBothClients() {
    StarterTestSupport.sandbox(sandbox).run(ctx -> {
      assertThat(ctx).hasSingleBean(BrexClient.class).hasSingleBean(OomnitzaClient.class);
      assertThat(ctx.getBean(BrexClient.class).baseUri()).isEqualTo(sandbox.brexUri());
      assertThat(ctx.getBean(OomnitzaClient.class).baseUri().toString())
          .startsWith(sandbox.oomnitzaUri().toString().replaceAll("/$", ""));
      assertThat(ctx.getBean(BrexClient.class).users().me().id()).isEqualTo(sandbox.brex().adminUserId());
    });
  }

  @Test
  void theCliVariablesWorkAsTheyDoForTheCli() {
    StarterTestSupport.bare().withPropertyValues(
        "BREX_API_TOKEN=" + sandbox.brexToken(), "BREX_BASE_URL=" + sandbox.brexUri(),
        "OOMNITZA_API_TOKEN=" + sandbox.oomnitzaToken(), "OOMNITZA_URL=" + sandbox.oomnitzaUri(),
        "brexsync.state.type=memory", "brexsync.integration.role-id=25").run(ctx -> {
          assertThat(ctx.getBean(BrexClient.class).baseUri()).isEqualTo(sandbox.brexUri());
          assertThat(ctx.getBean(OomnitzaClient.class).users().list().firstPage().items()).isNotEmpty();
        });
  }

  @Test
  void aTokenAloneGivesTheProductionBrexClient() {
    StarterTestSupport.bare().withPropertyValues("brexsync.brex.token=bxt_not_used").run(ctx -> {
      assertThat(ctx.getBean(BrexClient.class).baseUri()).isEqualTo(BrexClient.PRODUCTION);
      assertThat(ctx).doesNotHaveBean(OomnitzaClient.class).doesNotHaveBean(SyncEngine.class);
      assertThat(ctx.getBean(org.brexsync.spring.boot.autoconfigure.internal.StartupLog.class).describe())
          .isEqualTo("brexsync: Brex https://platform.brexapis.com; Oomnitza not configured (no Oomnitza API token:"
              + " set brexsync.oomnitza.token or the environment variable OOMNITZA_API_TOKEN); no SyncEngine (it needs both clients)");
    });
  }

  @Test
  void theDocumentsTokenVariableIsTheOneRead(@TempDir Path dir) throws Exception {
    Path doc = dir.resolve("acme.json");
    Files.writeString(doc, """
        {"name": "acme", "brex": {"tokenEnv": "ACME_BREX_TOKEN"},
         "oomnitza": {"baseUrl": "%s", "tokenEnv": "ACME_OOMNITZA_TOKEN"},
         "mapping": {"rules": [{"target": "username", "source": "id"}, {"target": "brex_user_id", "source": "id"},
           {"target": "email", "source": "email"}, {"target": "first_name", "source": "first_name"},
           {"target": "last_name", "source": "last_name"}, {"target": "role", "constant": 25}]}}
        """.formatted(sandbox.oomnitzaUri()));
    StarterTestSupport.bare().withPropertyValues("brexsync.integration-document=file:" + doc,
        "BREX_API_TOKEN=" + sandbox.brexToken(), "OOMNITZA_API_TOKEN=" + sandbox.oomnitzaToken()).run(ctx -> {
          assertThat(ctx).doesNotHaveBean(BrexClient.class).doesNotHaveBean(OomnitzaClient.class);
          assertThat(outcomes(ctx, "brexClient")).contains("no Brex API token: set brexsync.brex.token or the variable"
              + " ACME_BREX_TOKEN (named by the integration document's tokenEnv)");
        });
    StarterTestSupport.bare().withPropertyValues("brexsync.integration-document=file:" + doc,
        "brexsync.brex.base-url=" + sandbox.brexUri(), "brexsync.state.type=memory",
        "ACME_BREX_TOKEN=" + sandbox.brexToken(), "ACME_OOMNITZA_TOKEN=" + sandbox.oomnitzaToken()).run(ctx -> {
          assertThat(ctx).hasSingleBean(BrexClient.class).hasSingleBean(OomnitzaClient.class);
          assertThat(ctx.getBean(SyncEngine.class).integration().name()).isEqualTo("acme");
          assertThat(ctx.getBean(OomnitzaClient.class).users().list().firstPage().items()).isNotEmpty();
        });
  }

  @Test
  void anOomnitzaTokenWithoutAnInstanceFailsTheStartWithTheAction() {
    StarterTestSupport.bare().withPropertyValues("brexsync.oomnitza.token=secret-oomnitza-token").run(ctx -> {
      assertThat(ctx).hasFailed();
      BrexsyncConfigurationException e = cause(ctx.getStartupFailure());
      assertThat(e.getMessage()).isEqualTo("An Oomnitza API token is set (brexsync.oomnitza.token) but no Oomnitza instance URL.");
      assertThat(e.action()).contains("brexsync.oomnitza.base-url", "OOMNITZA_URL");
      assertThat(e.getMessage() + e.action()).doesNotContain("secret-oomnitza-token");
    });
  }

  @Test
  void aMalformedTokenFailsTheStartWithoutShowingIt() {
    StarterTestSupport.bare().withPropertyValues("brexsync.brex.token=bxt_half secret").run(ctx -> {
      BrexsyncConfigurationException e = cause(ctx.getStartupFailure());
      assertThat(e.getMessage()).startsWith("The Brex client cannot be built from Brex[https://platform.brexapis.com"
          + " (default), token **** (brexsync.brex.token)]: ");
      assertThat(e.getMessage() + e.action()).doesNotContain("half", "secret");
    });
  }

  @Test
  void plainHttpToAnotherHostNeedsTheOptIn() {
    StarterTestSupport.bare().withPropertyValues("brexsync.brex.token=bxt_x", "brexsync.brex.base-url=http://brex.example")
        .run(ctx -> assertThat(cause(ctx.getStartupFailure()).action()).contains("brexsync.allow-plain-http=true"));
    StarterTestSupport.bare().withPropertyValues("brexsync.brex.token=bxt_x", "brexsync.brex.base-url=http://brex.example",
        "brexsync.allow-plain-http=true")
        .run(ctx -> assertThat(ctx.getBean(BrexClient.class).baseUri()).isEqualTo(URI.create("http://brex.example")));
  }

  @Test
  void anApplicationsOwnClientWins() {
    try (BrexClient mine = BrexClient.builder().baseUri(sandbox.brexUri()).token(sandbox.brexToken()).build()) {
      StarterTestSupport.sandbox(sandbox).withBean("myBrex", BrexClient.class, () -> mine).run(ctx -> {
        assertThat(ctx).hasSingleBean(BrexClient.class).hasSingleBean(OomnitzaClient.class).hasSingleBean(SyncEngine.class);
        assertThat(ctx.getBean(BrexClient.class)).isSameAs(mine);
      });
    }
  }

  @Test
  void requestListenerBeansSeeEveryAttemptAndCustomizersHaveTheLastWord() {
    StarterTestSupport.sandbox(sandbox).withUserConfiguration(Hooks.class).run(ctx -> {
      BrexClient brex = ctx.getBean(BrexClient.class);
      brex.users().me();
      ctx.getBean(OomnitzaClient.class).verifyCredentials();
      assertThat(ctx.getBean(Hooks.class).operations)
          .containsExactly("Brex GET /v2/users/me", "Oomnitza GET /api/v2/mappings");
      assertThat(brex.rateLimiter()).isSameAs(Hooks.LIMITER);
    });
  }

  @Test
  void theStarterTurnsOffAsAWhole() {
    StarterTestSupport.sandbox(sandbox).withPropertyValues("brexsync.enabled=false").run(ctx ->
        assertThat(ctx).hasNotFailed().doesNotHaveBean(BrexClient.class).doesNotHaveBean(OomnitzaClient.class)
            .doesNotHaveBean(BrexsyncProperties.class).doesNotHaveBean(SyncEngine.class));
  }

  @Configuration(proxyBeanMethods = false)
  static class Hooks {
    static final RateLimiter LIMITER = RateLimiter.of(10, java.time.Duration.ofSeconds(1));
    final List<String> operations = new CopyOnWriteArrayList<>();

    @Bean
    RequestListener recording() {
      return a -> operations.add(a.service() + " " + a.operation());
    }

    @Bean
    BrexClientBuilderCustomizer sharedLimiter() {
      return b -> b.rateLimiter(LIMITER);
    }
  }

  static String outcomes(AssertableApplicationContext ctx, String bean) {
    StringBuilder b = new StringBuilder();
    ConditionEvaluationReport.get(ctx.getBeanFactory()).getConditionAndOutcomesBySource().forEach((source, outcomes) -> {
      if (source.endsWith("#" + bean)) {
        for (ConditionAndOutcome o : outcomes) {
          b.append(o.getOutcome().getMessage()).append('\n');
        }
      }
    });
    return b.toString();
  }

  static BrexsyncConfigurationException cause(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof BrexsyncConfigurationException e) {
        return e;
      }
    }
    throw new AssertionError("no BrexsyncConfigurationException in " + failure, failure);
  }
}
