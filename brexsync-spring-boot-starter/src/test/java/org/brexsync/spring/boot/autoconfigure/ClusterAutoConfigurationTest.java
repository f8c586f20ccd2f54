package org.brexsync.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import javax.sql.DataSource;
import org.brexsync.connector.port.SyncStateStore;
import org.brexsync.connector.schedule.SyncScheduler;
import org.brexsync.connector.state.InMemorySyncStateStore;
import org.brexsync.connector.sync.SyncEngine;
import org.brexsync.jdbc.BrexsyncDatabase;
import org.brexsync.jdbc.ClusterScheduler;
import org.brexsync.spring.boot.autoconfigure.internal.ClusterModule;
import org.brexsync.spring.boot.autoconfigure.internal.SchedulerLifecycle;
import org.brexsync.testkit.Sandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clustered scheduler comes with connector-jdbc on the class path and a DataSource, and only
 * then. connector-jdbc is not on this branch: test stand-ins with its signatures play it
 * ({@code org.brexsync.jdbc} in the test sources).
 */
class ClusterAutoConfigurationTest {
  private static Sandbox sandbox;

  @BeforeAll
  static void start() {
    sandbox = Sandbox.start(20);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private static ApplicationContextRunner runner() {
    return StarterTestSupport.sandbox(sandbox);
  }

  @Test
  void withConnectorJdbcAndADataSourceStateAndScheduleAreClustered() {
    runner().withUserConfiguration(Db.class).run(ctx -> {
      assertThat(ctx).hasNotFailed().hasSingleBean(ClusterModule.Workers.class)
          .doesNotHaveBean(SyncScheduler.class).doesNotHaveBean(SchedulerLifecycle.class);
      BrexsyncDatabase db = (BrexsyncDatabase) ctx.getBean(ClusterModule.Database.class).unwrap();
      assertThat(db.dataSource).isSameAs(ctx.getBean(DataSource.class));
      assertThat(db.migrate).isTrue();
      assertThat(ctx.getBean(SyncStateStore.class)).as("the state every instance shares").isSameAs(db.store);
      ClusterScheduler workers = (ClusterScheduler) ctx.getBean(ClusterModule.Workers.class).unwrap();
      assertThat(workers.engine).isSameAs(ctx.getBean(SyncEngine.class));
      assertThat(workers.database).isSameAs(db);
      assertThat(workers.starts).as("started with the context").isEqualTo(1);
      assertThat(workers.stoppedWithCancel).isNull();
      ctx.close();
      assertThat(workers.stoppedWithCancel).as("stopped with the context, its runs cancelled and handed over").isTrue();
    });
  }

  @Test
  void withoutConnectorJdbcTheDataSourceIsLeftAloneAndTheSchedulerIsInProcess() {
    runner().withUserConfiguration(Db.class).withClassLoader(new FilteredClassLoader("org.brexsync.jdbc")).run(ctx ->
        assertThat(ctx).hasNotFailed().hasSingleBean(SyncScheduler.class)
            .doesNotHaveBean(ClusterModule.Database.class).doesNotHaveBean(ClusterModule.Workers.class));
  }

  @Test
  void withoutADataSourceTheSchedulerIsInProcess() {
    runner().run(ctx -> assertThat(ctx).hasNotFailed().hasSingleBean(SyncScheduler.class)
        .doesNotHaveBean(ClusterModule.Database.class).doesNotHaveBean(ClusterModule.Workers.class));
  }

  @Test
  void clusterEnabledFalseKeepsEverythingInProcess() {
    runner().withUserConfiguration(Db.class).withPropertyValues("brexsync.cluster.enabled=false").run(ctx ->
        assertThat(ctx).hasNotFailed().hasSingleBean(SyncScheduler.class)
            .doesNotHaveBean(ClusterModule.Database.class).doesNotHaveBean(ClusterModule.Workers.class));
  }

  @Test
  void schedulerEnabledFalseSchedulesNothingButTheStateStaysShared() {
    runner().withUserConfiguration(Db.class).withPropertyValues("brexsync.scheduler.enabled=false",
        "brexsync.cluster.migrate=false").run(ctx -> {
          assertThat(ctx).hasNotFailed().doesNotHaveBean(SyncScheduler.class).doesNotHaveBean(ClusterModule.Workers.class);
          BrexsyncDatabase db = (BrexsyncDatabase) ctx.getBean(ClusterModule.Database.class).unwrap();
          assertThat(db.migrate).isFalse();
          assertThat(ctx.getBean(SyncStateStore.class)).isSameAs(db.store);
        });
  }

  @Test
  void anApplicationsOwnStateStoreWinsOverPostgres() {
    runner().withUserConfiguration(Db.class, OwnStore.class).run(ctx -> {
      assertThat(ctx.getBean(SyncStateStore.class)).isSameAs(ctx.getBean(OwnStore.class).store);
      assertThat(ctx).hasSingleBean(ClusterModule.Workers.class);
    });
  }

  @Configuration(proxyBeanMethods = false)
  static class Db {
    @Bean
    DataSource dataSource() {
      // Never connected to: the stand-in database only keeps it.
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
  static class OwnStore {
    final SyncStateStore store = InMemorySyncStateStore.create();

    @Bean
    SyncStateStore ownStore() {
      return store;
    }
  }
}
