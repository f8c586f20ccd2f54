package org.brexsync.examples.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A user's code compiles against brexsync with {@code -Xlint:all -Werror} and no Immutables on its
 * class path, naming only public brexsync types: value types, their {@code X.Builder} and
 * {@code withX} copies, from every published module.
 */
class ConsumerCompileTest {
  private static final String CONSUMER = """
      package consumer;

      import java.nio.file.Path;
      import java.util.Optional;
      import org.brexsync.brex.model.Address;
      import org.brexsync.brex.model.CardOwner;
      import org.brexsync.brex.model.CardType;
      import org.brexsync.brex.model.CreateCardRequest;
      import org.brexsync.brex.model.InviteUserRequest;
      import org.brexsync.brex.model.LimitType;
      import org.brexsync.brex.model.User;
      import org.brexsync.brex.webhook.WebhookSubscription;
      import org.brexsync.connector.Integration;
      import org.brexsync.connector.SyncPreference;
      import org.brexsync.connector.filter.FilterRule;
      import org.brexsync.connector.filter.RecordFilter;
      import org.brexsync.connector.mapping.Mapping;
      import org.brexsync.connector.mapping.MappingRule;
      import org.brexsync.connector.schedule.Schedule;
      import org.brexsync.connector.state.FileSyncStateStore;
      import org.brexsync.connector.sync.SafetyPolicy;
      import org.brexsync.connector.sync.SyncReport;
      import org.brexsync.oomnitza.ListQuery;
      import org.brexsync.oomnitza.RequestOptions;
      import org.brexsync.oomnitza.bulk.BulkRunOptions;
      import org.brexsync.oomnitza.bulk.RunCounts;
      import org.brexsync.testkit.CompanySpec;

      public final class Consumer {
        private Consumer() {}

        public static void main(String[] args) {
          User.Builder userBuilder = User.builder().id("cuuser_1").firstName("Pam").lastName("Beesly")
              .email("pam@example.com");
          User pam = userBuilder.build();
          User renamed = pam.withLastName("Halpert").withTitleId(Optional.of("title_1"));
          User copy = User.builder().from(renamed).email("pam@dundermifflin.com").build();

          InviteUserRequest invite = InviteUserRequest.builder().firstName("Jim").lastName("Halpert")
              .email("jim@example.com").putMetadata("team", "sales").build();
          Address office = Address.builder().line1("1725 Slough Avenue").city("Scranton").state("PA")
              .country("US").postalCode("18505").build();
          CreateCardRequest card = CreateCardRequest.builder().owner(CardOwner.user(pam.id()))
              .cardName("Travel").cardType(CardType.PHYSICAL).limitType(LimitType.USER)
              .mailingAddress(office).build()
              .withCardName("Travel 2");
          WebhookSubscription.Builder subscription = WebhookSubscription.builder();

          ListQuery query = ListQuery.builder().pageSize(50).build();
          RequestOptions options = RequestOptions.builder().build();
          RunCounts counts = RunCounts.builder().added(1).build();
          BulkRunOptions.Builder bulk = BulkRunOptions.builder();

          Integration integration = Integration.builder()
              .name("brex-people")
              .mapping(Mapping.standard(25).withRule(MappingRule.of("position", "title.name")))
              .filters(RecordFilter.of(FilterRule.includeIn("status", "ACTIVE", "INVITED")))
              .preference(SyncPreference.CREATE_AND_UPDATE)
              .build()
              .withRecordLimit(100);
          Mapping.Builder mapping = Mapping.builder().from(integration.mapping());
          SafetyPolicy safety = SafetyPolicy.builder().maxChangeShare(0.5).build();
          SyncReport.Builder report = SyncReport.builder();
          Schedule daily = Schedule.every(java.time.Duration.ofHours(1));
          FileSyncStateStore state = FileSyncStateStore.at(Path.of("state"));
          CompanySpec company = CompanySpec.builder().seed(7).users(10).build();

          System.out.println(String.join(" ", copy.email(), invite.email(), card.cardName(),
              String.valueOf(subscription), String.valueOf(query), String.valueOf(options),
              String.valueOf(counts), String.valueOf(bulk), String.valueOf(mapping), String.valueOf(safety),
              String.valueOf(report), String.valueOf(daily), String.valueOf(state), String.valueOf(company)));
        }
      }
      """;

  /** Uses only what the API offered before Immutables was hidden: fails there on the warnings alone. */
  private static final String MINIMAL_CONSUMER = """
      package consumer;

      import org.brexsync.brex.model.User;
      import org.brexsync.connector.Integration;
      import org.brexsync.connector.mapping.Mapping;

      public final class Minimal {
        private Minimal() {}

        public static void main(String[] args) {
          User pam = User.builder().id("cuuser_1").firstName("Pam").lastName("Beesly").email("pam@example.com")
              .build();
          Integration integration = Integration.builder().name("brex-people").mapping(Mapping.standard(25)).build();
          System.out.println(pam.email() + integration.name());
        }
      }
      """;

  @Test
  void aMinimalConsumerCompilesWithEveryLintAndWarningsAsErrors() throws Exception {
    Javac.Result r = Javac.compile(Map.of("consumer/Minimal.java", MINIMAL_CONSUMER), List.of("-Xlint:all", "-Werror"));

    assertThat(r.diagnostics()).as("javac output").isEmpty();
    assertThat(r.ok()).isTrue();
  }

  @Test
  void theClassPathOfTheConsumerHasBrexsyncButNotImmutables() {
    assertThat(Javac.consumerClassPath()).noneMatch(e -> e.contains("immutables"))
        .anyMatch(e -> e.contains("connector-core")).anyMatch(e -> e.contains("brex-client"))
        .anyMatch(e -> e.contains("oomnitza-client")).anyMatch(e -> e.contains("testkit"));
  }

  @Test
  void compilesWithEveryLintAndWarningsAsErrors() throws Exception {
    Javac.Result r = Javac.compile(Map.of("consumer/Consumer.java", CONSUMER), List.of("-Xlint:all", "-Werror"));

    assertThat(r.diagnostics()).as("javac output").isEmpty();
    assertThat(r.ok()).isTrue();
  }
}
