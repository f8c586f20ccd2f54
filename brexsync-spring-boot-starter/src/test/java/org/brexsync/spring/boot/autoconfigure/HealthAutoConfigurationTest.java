package org.brexsync.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.brexsync.connector.sync.SyncEngine;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;

class HealthAutoConfigurationTest extends SandboxTests {
  @Test
  void beforeAndAfterARunTheIndicatorSaysWhatHappenedAndThatBothSystemsAnswer() {
    StarterTestSupport.sandbox(sandbox).run(ctx -> {
      HealthIndicator indicator = ctx.getBean("brexsyncHealthIndicator", HealthIndicator.class);
      Health before = indicator.health();
      assertThat(before.getStatus()).isEqualTo(Status.UP);
      assertThat(before.getDetails()).containsEntry("lastRun", "none since start").containsEntry("running", false)
          .containsKey("nextRunAt").doesNotContainKey("problems");
      assertThat(map(before, "brex")).containsEntry("reachable", true).containsEntry("url", sandbox.brexUri().toString());
      assertThat(map(before, "oomnitza")).containsEntry("reachable", true);

      String runId = ctx.getBean(SyncEngine.class).run().runId();
      Health after = indicator.health();
      assertThat(after.getStatus()).isEqualTo(Status.UP);
      assertThat(map(after, "lastRun")).containsEntry("status", "SUCCEEDED").containsEntry("runId", runId)
          .containsEntry("dryRun", false).containsKeys("finishedAt", "age", "create", "update", "unchanged", "skipped", "failed");
      assertThat((long) map(after, "lastRun").get("create") + (long) map(after, "lastRun").get("update")).isPositive();
      assertThat(map(after, "lastSuccess")).containsEntry("runId", runId);
    });
  }

  @Test
  void aRefusedTokenMakesItDownWithoutShowingTheToken() {
    StarterTestSupport.sandbox(sandbox).withPropertyValues("brexsync.brex.token=bxt_revoked_or_wrong").run(ctx -> {
      Health health = ctx.getBean(BrexsyncHealthIndicator.class).health();
      assertThat(health.getStatus()).isEqualTo(Status.DOWN);
      assertThat(map(health, "brex")).containsEntry("reachable", false)
          .containsEntry("error", "BrexAuthenticationException").containsEntry("status", 401);
      assertThat(map(health, "oomnitza")).containsEntry("reachable", true);
      assertThat(health.getDetails().get("problems"))
          .isEqualTo(List.of("brex is not reachable: BrexAuthenticationException (HTTP 401)"));
      assertThat(health.toString()).doesNotContain("bxt_revoked_or_wrong", sandbox.oomnitzaToken());
    });
  }

  @Test
  void reachabilityChecksCanBeTurnedOff() {
    StarterTestSupport.sandbox(sandbox).withPropertyValues("brexsync.health.check-reachability=false").run(ctx -> {
      long before = sandbox.brex().count("GET", "/v2/users/me");
      Health health = ctx.getBean(BrexsyncHealthIndicator.class).health();
      assertThat(map(health, "brex")).containsOnlyKeys("url");
      assertThat(sandbox.brex().count("GET", "/v2/users/me")).isEqualTo(before);
    });
  }

  @Test
  void theIndicatorTurnsOffWithSpringBootsPropertyOrWithoutHealthSupport() {
    StarterTestSupport.sandbox(sandbox).withPropertyValues("management.health.brexsync.enabled=false").run(ctx ->
        assertThat(ctx).hasNotFailed().doesNotHaveBean("brexsyncHealthIndicator"));
    StarterTestSupport.sandbox(sandbox).withClassLoader(new FilteredClassLoader(HealthIndicator.class)).run(ctx ->
        assertThat(ctx).hasNotFailed().doesNotHaveBean("brexsyncHealthIndicator").hasSingleBean(SyncEngine.class));
  }

  @Test
  void anIndicatorWithTheSameNameWins() {
    HealthIndicator mine = () -> Health.outOfService().build();
    StarterTestSupport.sandbox(sandbox).withBean("brexsyncHealthIndicator", HealthIndicator.class, () -> mine).run(ctx -> {
      assertThat(ctx).doesNotHaveBean(BrexsyncHealthIndicator.class);
      assertThat(ctx.getBean("brexsyncHealthIndicator")).isSameAs(mine);
    });
  }

  @Test
  void oneClientIsEnoughForAnIndicator() {
    StarterTestSupport.bare().withPropertyValues("brexsync.brex.base-url=" + sandbox.brexUri(),
        "brexsync.brex.token=" + sandbox.brexToken()).run(ctx -> {
          Health health = ctx.getBean(BrexsyncHealthIndicator.class).health();
          assertThat(health.getStatus()).isEqualTo(Status.UP);
          assertThat(health.getDetails()).containsOnlyKeys("brex");
        });
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Health health, String key) {
    return (Map<String, Object>) health.getDetails().get(key);
  }
}
