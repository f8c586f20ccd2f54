package org.brexsync.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.brexsync.spring.boot.autoconfigure.ClientsAutoConfigurationTest.cause;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.brexsync.brex.BrexClient;
import org.brexsync.connector.Integration;
import org.brexsync.connector.SinkType;
import org.brexsync.connector.SyncMode;
import org.brexsync.connector.SyncPreference;
import org.brexsync.connector.mapping.Mapping;
import org.brexsync.connector.port.SyncStateStore;
import org.brexsync.connector.schedule.Schedule;
import org.brexsync.connector.state.FileSyncStateStore;
import org.brexsync.connector.state.InMemorySyncStateStore;
import org.brexsync.connector.sync.DeprovisioningPolicy;
import org.brexsync.connector.sync.RunStatus;
import org.brexsync.connector.sync.SyncEngine;
import org.brexsync.connector.sync.SyncListener;
import org.brexsync.connector.sync.SyncReport;
import org.brexsync.oomnitza.OomnitzaClient;
import org.brexsync.testkit.Sandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class SyncAutoConfigurationTest {
  private static Sandbox sandbox;

  @BeforeAll
  static void start() {
    sandbox = Sandbox.start(30);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void bothClientsAndARoleMakeAnEngineThatSyncsAndIsTracked() {
    StarterTestSupport.sandbox(sandbox).withPropertyValues("brexsync.integration.name=people").run(ctx -> {
      SyncEngine engine = ctx.getBean(SyncEngine.class);
      assertThat(engine.integration().name()).isEqualTo("people");
      assertThat(engine.integration().mapping()).isEqualTo(Mapping.standard(25)
          .withRule(org.brexsync.connector.mapping.MappingRule.of("position", "title.name")));
      assertThat(ctx.getBean(SyncStateStore.class)).isInstanceOf(InMemorySyncStateStore.class);
      SyncReport report = engine.run();
      assertThat(report.status()).isEqualTo(RunStatus.SUCCEEDED);
      assertThat(report.writes()).isPositive();
      SyncRunTracker tracker = ctx.getBean(SyncRunTracker.class);
      assertThat(tracker.lastRun()).hasValueSatisfying(r -> {
        assertThat(r.runId()).isEqualTo(report.runId());
        assertThat(r.status()).isEqualTo("SUCCEEDED");
      });
      assertThat(tracker.lastSuccess()).isPresent();
      assertThat(engine.run().writes()).isZero();   // the state is kept between runs
    });
  }

  @Test
  void theIntegrationPropertiesAreTheIntegrations() {
    StarterTestSupport.sandbox(sandbox).withPropertyValues(
        "brexsync.integration.statuses=ACTIVE,INVITED", "brexsync.integration.preference=update-only",
        "brexsync.integration.mode=USER_PLUS_SAAS_USER", "brexsync.integration.saas-id=saas-1",
        "brexsync.integration.sink=bulk", "brexsync.integration.deprovisioning=suspend",
        "brexsync.integration.schedule.every=6h", "brexsync.sync.dry-run=true").run(ctx -> {
          Integration in = ctx.getBean(Integration.class);
          assertThat(in.filters().rules()).singleElement().satisfies(r -> {
            assertThat(r.field()).isEqualTo("status");
            assertThat(r.values()).containsExactly("ACTIVE", "INVITED");
          });
          assertThat(in.preference()).isEqualTo(SyncPreference.UPDATE_ONLY);
          assertThat(in.mode()).isEqualTo(SyncMode.USER_PLUS_SAAS_USER);
          assertThat(in.saasId()).contains("saas-1");
          assertThat(in.sink()).isEqualTo(SinkType.BULK);
          assertThat(in.deprovisioning()).isEqualTo(DeprovisioningPolicy.suspend());
          assertThat(in.schedule()).isEqualTo(Schedule.every(Duration.ofHours(6)));
          assertThat(ctx.getBean(SyncEngine.class).isDryRun()).isTrue();
        });
    StarterTestSupport.sandbox(sandbox).withPropertyValues("brexsync.integration.schedule.daily-at=03:30",
        "brexsync.integration.schedule.zone=Europe/Berlin").run(ctx ->
        assertThat(ctx.getBean(Integration.class).schedule())
            .isEqualTo(Schedule.daily(java.time.LocalTime.of(3, 30), java.time.ZoneId.of("Europe/Berlin"))));
  }

  @Test
  void withoutARoleOrADocumentTheStartFailsSayingWhatToSet() {
    StarterTestSupport.sandbox(sandbox).withPropertyValues("brexsync.integration.role-id=").run(ctx -> {
      BrexsyncConfigurationException e = cause(ctx.getStartupFailure());
      assertThat(e.getMessage()).isEqualTo(
          "No integration to run: neither brexsync.integration.role-id nor brexsync.integration-document is set.");
      assertThat(e.action()).contains("brexsync.integration.role-id", "brexsync.integration-document",
          "brexsync.sync.enabled=false");
    });
  }

  @Test
  void badScheduleValuesAreNamed() {
    StarterTestSupport.sandbox(sandbox).withPropertyValues("brexsync.integration.schedule.daily-at=2am").run(ctx ->
        assertThat(cause(ctx.getStartupFailure()).getMessage())
            .isEqualTo("brexsync.integration.schedule.daily-at '2am' is not a time of day."));
    StarterTestSupport.sandbox(sandbox).withPropertyValues("brexsync.integration.schedule.zone=Mars/Olympus").run(ctx ->
        assertThat(cause(ctx.getStartupFailure()).getMessage())
            .isEqualTo("brexsync.integration.schedule.zone 'Mars/Olympus' is not a time zone."));
  }

  @Test
  void aDocumentDefinesTheIntegration(@TempDir Path dir) throws Exception {
    Path doc = dir.resolve("brex-people.json");
    Files.writeString(doc, """
        {"name": "brex-people",
         "mapping": {"rules": [{"target": "username", "source": "id"}, {"target": "brex_user_id", "source": "id"},
           {"target": "email", "source": "email"}, {"target": "first_name", "source": "first_name"},
           {"target": "last_name", "source": "last_name"}, {"target": "role", "constant": 25}]},
         "schedule": {"every": "PT1H"}}
        """);
    StarterTestSupport.sandbox(sandbox).withPropertyValues("brexsync.integration-document=file:" + doc).run(ctx -> {
      Integration in = ctx.getBean(Integration.class);
      assertThat(in.name()).isEqualTo("brex-people");
      assertThat(in.schedule()).isEqualTo(Schedule.every(Duration.ofHours(1)));
      assertThat(ctx.getBean(SyncEngine.class).run().status()).isEqualTo(RunStatus.SUCCEEDED);
    });
  }

  @Test
  void aBrokenDocumentFailsTheStartWithItsLineAndColumn(@TempDir Path dir) throws Exception {
    Path doc = dir.resolve("broken.json");
    Files.writeString(doc, "{\"name\": \"x\",\n \"mapping\": {\"rules\": []},\n \"preference\": \"SOMETIMES\"}\n");
    StarterTestSupport.sandbox(sandbox).withPropertyValues("brexsync.integration-document=file:" + doc).run(ctx -> {
      BrexsyncConfigurationException e = cause(ctx.getStartupFailure());
      assertThat(e.getMessage()).startsWith("brexsync.integration-document (").contains(doc.toString())
          .contains(") is invalid: invalid integration document at line 3, column 16 (preference):", "SOMETIMES");
    });
    StarterTestSupport.sandbox(sandbox).withPropertyValues("brexsync.integration-document=file:" + dir.resolve("none.json"))
        .run(ctx -> assertThat(cause(ctx.getStartupFailure()).getMessage()).endsWith(" does not exist."));
  }

  @Test
  void aDraftIntegrationFailsTheStartListingWhatIsMissing(@TempDir Path dir) throws Exception {
    Path doc = dir.resolve("draft.json");
    Files.writeString(doc, "{\"name\": \"draft\", \"mapping\": {\"rules\": [{\"target\": \"username\", \"source\": \"id\"}]}}");
    StarterTestSupport.sandbox(sandbox).withPropertyValues("brexsync.integration-document=file:" + doc).run(ctx -> {
      BrexsyncConfigurationException e = cause(ctx.getStartupFailure());
      assertThat(e.getMessage()).startsWith("The integration 'draft' of brexsync.integration-document (")
          .contains(doc.toString()).contains(") is DRAFT, missing: Brex Id must be mapped to the unique custom field");
    });
  }

  @Test
  void syncEnabledFalseKeepsTheClientsOnly() {
    StarterTestSupport.sandbox(sandbox).withPropertyValues("brexsync.sync.enabled=false", "brexsync.integration.role-id=")
        .run(ctx -> assertThat(ctx).hasNotFailed().hasSingleBean(BrexClient.class).hasSingleBean(OomnitzaClient.class)
            .doesNotHaveBean(Integration.class).doesNotHaveBean(SyncEngine.class)
            .doesNotHaveBean(org.brexsync.connector.schedule.SyncScheduler.class));
  }

  @Test
  void theFileStoreKeepsStateUnderTheDirectory(@TempDir Path dir) {
    StarterTestSupport.sandbox(sandbox).withPropertyValues("brexsync.state.type=file", "brexsync.state.directory=" + dir)
        .run(ctx -> {
          FileSyncStateStore store = (FileSyncStateStore) ctx.getBean(SyncStateStore.class);
          assertThat(store.directoryOf("brexsync").startsWith(dir)).isTrue();
          ctx.getBean(SyncEngine.class).run();
          assertThat(store.directoryOf("brexsync")).isDirectory();
        });
  }

  @Test
  void theApplicationsOwnIntegrationStoreAndEngineWin() {
    Integration mine = Integration.builder().name("mine").mapping(Mapping.standard(7)).build();
    InMemorySyncStateStore store = InMemorySyncStateStore.create();
    StarterTestSupport.sandbox(sandbox).withBean(Integration.class, () -> mine)
        .withBean(SyncStateStore.class, () -> store).run(ctx -> {
          assertThat(ctx.getBean(SyncEngine.class).integration()).isSameAs(mine);
          ctx.getBean(SyncEngine.class).run();
          assertThat(store.size("mine")).isPositive();
        });
    StarterTestSupport.sandbox(sandbox).withUserConfiguration(OwnEngine.class).run(ctx -> {
      assertThat(ctx).hasSingleBean(SyncEngine.class);
      assertThat(ctx.getBean(SyncEngine.class).integration().name()).isEqualTo("own-engine");
    });
  }

  @Test
  void everySyncListenerBeanIsToldAboutRuns() {
    StarterTestSupport.sandbox(sandbox).withUserConfiguration(Listening.class).run(ctx -> {
      SyncReport r = ctx.getBean(SyncEngine.class).run();
      assertThat(ctx.getBean(Listening.class).ended).containsExactly(r.runId());
      assertThat(ctx.getBean(SyncRunTracker.class).lastRun()).isPresent();
    });
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnEngine {
    @Bean
    SyncEngine myEngine(BrexClient brex, OomnitzaClient oomnitza) {
      return SyncEngine.builder().integration(Integration.builder().name("own-engine").mapping(Mapping.standard(25)).build())
          .brexClient(brex).oomnitzaClient(oomnitza).stateStore(InMemorySyncStateStore.create()).build();
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class Listening {
    final List<String> ended = new CopyOnWriteArrayList<>();

    @Bean
    SyncListener mine() {
      return new SyncListener() {
        @Override
        public RunScope onRunStart(RunStart run) {
          return new RunScope() {
            @Override
            public void ended(SyncReport report) {
              ended.add(report.runId());
            }

            @Override
            public void failed(Throwable error) {}
          };
        }
      };
    }
  }
}
