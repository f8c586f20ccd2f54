package org.brexsync.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;
import org.brexsync.connector.port.RunHistory;
import org.brexsync.connector.port.RunRecord;
import org.brexsync.connector.port.SyncStateStore;
import org.brexsync.connector.schedule.SyncScheduler;
import org.brexsync.connector.state.InMemorySyncStateStore;
import org.brexsync.connector.sync.SyncEngine;
import org.brexsync.jdbc.BrexsyncDatabase;
import org.brexsync.jdbc.ClusterScheduler;
import org.brexsync.jdbc.JdbcRunHistory;
import org.brexsync.jdbc.PostgresStateStore;
import org.brexsync.jdbc.SchemaVersionException;
import org.brexsync.jdbc.TestPostgres;
import org.brexsync.spring.boot.autoconfigure.internal.ClusterSchedulerLifecycle;
import org.brexsync.spring.boot.autoconfigure.internal.SchedulerLifecycle;
import org.brexsync.testkit.Sandbox;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Clustered operation with connector-jdbc and a DataSource on a real PostgreSQL (a fresh schema per
 * test; skipped with the reason without {@code BREXSYNC_TEST_DATABASE_URL}), the DataSource made by
 * Spring Boot's own DataSourceAutoConfiguration as in an application; and in-process operation without
 * connector-jdbc, without a DataSource or with clustering turned off.
 */
class ClusterAutoConfigurationTest extends SandboxTests {
  /** The starter on {@code box}, with Spring Boot's DataSource on {@code pg}'s schema. */
  private static ApplicationContextRunner onPostgres(Sandbox box, TestPostgres pg) {
    return StarterTestSupport.sandbox(box)
        .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
        .withPropertyValues(Postgres.datasourceProperties(pg));
  }

  @Test
  void theStateTheScheduleAndTheHistoryAreOnPostgresAndAScheduledRunSyncsTheSandbox() {
    try (TestPostgres pg = TestPostgres.create(); Sandbox box = Sandbox.start(20)) {
      int peopleBefore = box.oomnitza().users().size();
      // Due in an hour; run-on-startup makes it due now for whichever instance picks it (this one).
      onPostgres(box, pg).withPropertyValues("brexsync.integration.schedule.every=1h",
          "brexsync.scheduler.run-on-startup=true").run(ctx -> {
            assertThat(ctx).hasNotFailed().hasSingleBean(ClusterScheduler.class)
                .hasSingleBean(ClusterSchedulerLifecycle.class)
                .doesNotHaveBean(SyncScheduler.class).doesNotHaveBean(SchedulerLifecycle.class);
            BrexsyncDatabase db = ctx.getBean(BrexsyncDatabase.class);
            assertThat(db.dataSource()).as("the application's pool, not one of brexsync's").isSameAs(ctx.getBean(DataSource.class));
            assertThat(ctx.getBean(SyncStateStore.class)).isInstanceOf(PostgresStateStore.class).isSameAs(db.stateStore());
            assertThat(ctx.getBean(RunHistory.class)).isInstanceOf(JdbcRunHistory.class);
            assertThat(ctx.getBean(ClusterSchedulerLifecycle.class).isRunning()).as("started with the context").isTrue();

            RunHistory history = ctx.getBean(RunHistory.class);
            TestPostgres.await("a finished run of brexsync in the run history", Duration.ofSeconds(60),
                () -> history.latest("brexsync").filter(r -> r.status().isFinal()).isPresent());
            RunRecord run = history.latest("brexsync").orElseThrow();
            assertThat(run.status()).isEqualTo(RunRecord.Status.SUCCEEDED);
            assertThat(run.worker()).isEqualTo(ctx.getBean(ClusterScheduler.class).worker());
            assertThat(run.created() + run.updated()).as("every Brex user written").isEqualTo(20);
            assertThat(box.oomnitza().users()).hasSize(peopleBefore + (int) run.created());
            assertThat(pg.number("SELECT count(*) FROM brexsync_record")).as("the state, in PostgreSQL").isEqualTo(20);
            assertThat(pg.number("SELECT count(*) FROM brexsync_run")).isEqualTo(1);

            // The health indicator: the cluster's last run and the next run time from the task table.
            TestPostgres.await("the next run planned", Duration.ofSeconds(30),
                () -> ctx.getBean(ClusterScheduler.class).nextRunAt("brexsync").isPresent());
            Health health = ctx.getBean(BrexsyncHealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            Instant next = Instant.parse((String) health.getDetails().get("nextRunAt"));
            assertThat(next).isBetween(run.startedAt().plus(Duration.ofMinutes(59)), run.startedAt().plus(Duration.ofMinutes(61)));
            @SuppressWarnings("unchecked")
            Map<String, Object> cluster = (Map<String, Object>) health.getDetails().get("cluster");
            assertThat(cluster).containsKeys("lastRun", "lastSuccess");
            assertThat((Map<String, Object>) cluster.get("lastRun")).containsEntry("status", "SUCCEEDED")
                .containsEntry("runId", run.runId()).containsEntry("worker", run.worker()).containsEntry("create", run.created());

            ClusterSchedulerLifecycle lifecycle = ctx.getBean(ClusterSchedulerLifecycle.class);
            ctx.close();
            assertThat(lifecycle.isRunning()).as("stopped with the context").isFalse();
          });
    }
  }

  @Test
  void anotherInstancesRunsJudgeTheHealthOfOneThatDidNotRunIt() {
    try (TestPostgres pg = TestPostgres.create()) {
      onPostgres(sandbox, pg).withPropertyValues("brexsync.scheduler.enabled=false", "brexsync.health.max-age=1h",
          "brexsync.health.check-reachability=false").run(ctx -> {
            assertThat(ctx).hasNotFailed().doesNotHaveBean(ClusterScheduler.class).doesNotHaveBean(SyncScheduler.class);
            RunHistory history = ctx.getBean(RunHistory.class);
            Instant now = Instant.now();
            // Another worker's runs: an old success, then a failure.
            history.record(RunRecord.started("r1", "brexsync", RunRecord.Kind.SYNC, "other:1", now.minusSeconds(7300))
                .withFinishedAt(now.minusSeconds(7200)).withStatus(RunRecord.Status.SUCCEEDED));
            BrexsyncHealthIndicator indicator = ctx.getBean(BrexsyncHealthIndicator.class);
            Health overdue = indicator.health();
            assertThat(overdue.getStatus()).isEqualTo(Status.DOWN);
            assertThat(overdue.getDetails().get("problems").toString()).contains("the last successful run finished PT2H ago");

            history.record(RunRecord.started("r2", "brexsync", RunRecord.Kind.SYNC, "other:1", now.minusSeconds(60))
                .ended(RunRecord.Status.FAILED, "Oomnitza answered 500", now.minusSeconds(30)));
            Health failed = indicator.health();
            assertThat(failed.getStatus()).isEqualTo(Status.DOWN);
            assertThat(failed.getDetails().get("problems").toString())
                .contains("the last run (worker other:1) ended FAILED: Oomnitza answered 500");

            history.record(RunRecord.started("r3", "brexsync", RunRecord.Kind.SYNC, "other:2", now.minusSeconds(20))
                .withFinishedAt(now.minusSeconds(10)).withStatus(RunRecord.Status.SUCCEEDED));
            Health fine = indicator.health();
            assertThat(fine.getStatus()).as("a success on any instance, %s", fine.getDetails()).isEqualTo(Status.UP);
            assertThat(fine.getDetails()).containsEntry("lastRun", "none since start");
            @SuppressWarnings("unchecked")
            Map<String, Object> cluster = (Map<String, Object>) fine.getDetails().get("cluster");
            assertThat((Map<String, Object>) cluster.get("lastSuccess")).containsEntry("runId", "r3").containsEntry("worker", "other:2");
          });
    }
  }

  @Test
  void migrateFalseChecksTheSchemaAndRefusesADatabaseWithoutIt() {
    try (TestPostgres pg = TestPostgres.create()) {
      onPostgres(sandbox, pg).withPropertyValues("brexsync.cluster.migrate=false").run(ctx ->
          assertThat(ctx).hasFailed().getFailure().hasRootCauseInstanceOf(SchemaVersionException.class));
      onPostgres(sandbox, pg).run(ctx -> assertThat(ctx).hasNotFailed()); // migrates
      onPostgres(sandbox, pg).withPropertyValues("brexsync.cluster.migrate=false").run(ctx ->
          assertThat(ctx).hasNotFailed().hasSingleBean(BrexsyncDatabase.class));
    }
  }

  @Test
  void theApplicationsOwnBeansWin() {
    try (TestPostgres pg = TestPostgres.create()) {
      onPostgres(sandbox, pg).withUserConfiguration(OwnBeans.class).run(ctx -> {
        assertThat(ctx).hasNotFailed();
        OwnBeans own = ctx.getBean(OwnBeans.class);
        assertThat(ctx.getBean(SyncStateStore.class)).isSameAs(own.store);
        assertThat(ctx.getBean(SyncEngine.class).integration().name()).isEqualTo("brexsync");
        assertThat(ctx.getBean(ClusterScheduler.class)).isSameAs(own.scheduler);
        assertThat(own.scheduler.worker()).isEqualTo("mine");
        assertThat(ctx.getBean(ClusterSchedulerLifecycle.class).isRunning()).as("yours is started too").isTrue();
      });
    }
  }

  @Test
  void withoutConnectorJdbcTheDataSourceIsLeftAloneAndTheSchedulerIsInProcess() {
    StarterTestSupport.sandbox(sandbox).withUserConfiguration(UntouchableDataSource.class)
        .withClassLoader(new FilteredClassLoader("org.brexsync.jdbc")).run(ctx ->
            assertThat(ctx).hasNotFailed().hasSingleBean(SyncScheduler.class).hasSingleBean(BrexsyncHealthIndicator.class)
                .doesNotHaveBean(RunHistory.class).doesNotHaveBean(ClusterSchedulerLifecycle.class)
                .doesNotHaveBean("brexsyncDatabase").doesNotHaveBean("brexsyncClusterScheduler"));
  }

  @Test
  void withoutADataSourceTheSchedulerIsInProcess() {
    StarterTestSupport.sandbox(sandbox).run(ctx -> assertThat(ctx).hasNotFailed().hasSingleBean(SyncScheduler.class)
        .doesNotHaveBean(BrexsyncDatabase.class).doesNotHaveBean(ClusterScheduler.class));
  }

  @Test
  void clusterEnabledFalseKeepsEverythingInProcessAndLeavesTheDataSourceAlone() {
    StarterTestSupport.sandbox(sandbox).withUserConfiguration(UntouchableDataSource.class)
        .withPropertyValues("brexsync.cluster.enabled=false").run(ctx ->
            assertThat(ctx).hasNotFailed().hasSingleBean(SyncScheduler.class)
                .doesNotHaveBean(BrexsyncDatabase.class).doesNotHaveBean(ClusterScheduler.class));
  }

  /** A DataSource that fails when used: proves the starter never touches it. */
  @Configuration(proxyBeanMethods = false)
  static class UntouchableDataSource {
    @Bean
    DataSource dataSource() {
      return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
          (proxy, method, args) -> switch (method.getName()) {
            case "toString" -> "test DataSource";
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            default -> throw new UnsupportedOperationException(method.getName());
          });
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnBeans {
    final SyncStateStore store = InMemorySyncStateStore.create();
    ClusterScheduler scheduler;

    @Bean
    SyncStateStore ownStore() {
      return store;
    }

    @Bean(destroyMethod = "")
    ClusterScheduler ownScheduler(BrexsyncDatabase db, SyncEngine engine) {
      scheduler = ClusterScheduler.builder().database(db).sync(engine).worker("mine").build();
      return scheduler;
    }
  }
}
