package org.brexsync.brex;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.brexsync.brex.model.*;
import org.brexsync.brex.webhook.*;

/**
 * The README's snippets, compiled with the tests so the README cannot drift from the API.
 * Never executed.
 */
@SuppressWarnings("unused")
final class ReadmeSnippets {
  private ReadmeSnippets() {}

  /** http-core's README: the core's listener, policy and exception root through the Brex client. */
  static void sharedCore() {
    java.util.concurrent.atomic.LongAdder retries = new java.util.concurrent.atomic.LongAdder();
    org.brexsync.http.RequestListener metrics = a -> {
      if (a.willRetry()) {
        retries.increment();
      }
    };
    BrexClient brex = BrexClient.builder().token(System.getenv("BREX_API_TOKEN"))
        .requestListener(metrics).build();
    try {
      brex.users().me();
    } catch (org.brexsync.http.HttpClientException e) {
      System.err.println(e.method() + " " + e.path() + " -> " + e.status()
          + e.traceId().map(t -> " (trace id " + t + ")").orElse("") + ": " + e.getMessage());
    }
  }

  static void quickStartAndUsers() {
    BrexClient brex = BrexClient.builder().token(System.getenv("BREX_API_TOKEN")).build();
    for (User u : brex.users().list()) {
      System.out.println(u.email() + " " + u.status().orElse(UserStatus.UNKNOWN));
    }
    UserService users = brex.users();
    Optional<User> karen = users.list(ListUsersRequest.byEmail("karen@dundermifflin.com"))
        .stream().findFirst();
    User one = users.get("cuuser_ckze72soa117f01pkmf1wcpl3");
    User me = users.me();
    User invited = users.invite(InviteUserRequest.builder()
        .firstName("Karen").lastName("Filippelli").email("karen@dundermifflin.com")
        .departmentId("cudept_sales").putMetadata("employee_id", "E-1001")
        .build());
    users.update(one.id(), UpdateUserRequest.builder()
        .managerId(Patch.clear())
        .departmentId(Patch.set("cudept_ops"))
        .build());
    users.deactivate(one.id());
    users.activate(one.id());
    UserLimit limit = users.getLimit(one.id());
    users.setLimit(one.id(), SetUserLimitRequest.of(Money.usd(5_000_00)));
    users.setLimit(one.id(), SetUserLimitRequest.clear());
  }

  static void cards(BrexClient brex, CreateCardRequest request, String employeeId) {
    CardService cards = brex.cards();
    List<Card> jims = cards.list(ListCardsRequest.forUser("cuuser_jim")).stream().toList();
    long active = cards.list().stream()
        .filter(c -> c.status().orElse(CardStatus.UNKNOWN) == CardStatus.ACTIVE).count();
    Card vendor = cards.create(CreateCardRequest.builder()
        .owner(CardOwner.user("cuuser_ckze72soa117f01pkmf1wcpl3"))
        .cardName("Party Planning Committee")
        .cardType(CardType.VIRTUAL)
        .limitType(LimitType.CARD)
        .spendControls(SpendControlRequest.builder()
            .spendLimit(Money.usd(1_000_00)).spendDuration(SpendDuration.MONTHLY)
            .lockAfterDate(LocalDate.of(2026, 12, 31)).build())
        .build());
    cards.create(request, RequestOptions.idempotencyKey("onboarding-" + employeeId + "-card"));
    cards.update(vendor.id(), UpdateCardRequest.builder()
        .spendControls(SpendControlUpdateRequest.builder().spendLimit(Money.usd(2_000_00)).build())
        .build());
    cards.lock(vendor.id(), LockCardRequest.builder()
        .reason(ChangeCardReason.CARD_LOST).description("Lost at the warehouse").build());
    cards.unlock(vendor.id());
    cards.terminate(vendor.id(), TerminateCardRequest.of(ChangeCardReason.DO_NOT_NEED_VIRTUAL_CARD));
    CardNumber pan = cards.getNumber(vendor.id());
    cards.sendSecureEmail(vendor.id(), SecureEmailRequest.builder()
        .recipientEmail("vendor@example.com").senderName("Dunder Mifflin IT").expiryDays(7).build());
  }

  static void referenceData(BrexClient brex) {
    List<Department> depts = brex.departments().list().stream().toList();
    Optional<Location> stamford = brex.locations()
        .list(ListReferenceDataRequest.byName("Stamford")).stream().findFirst();
    Title rep = brex.titles().create(CreateTitleRequest.builder().name("Sales Representative").build());
    Department sales = brex.departments().get("cudept_sales");
    Company company = brex.company().get();
    List<LegalEntity> entities = brex.legalEntities().list().stream().toList();
  }

  static void webhooks(BrexClient brex, Map<String, List<String>> requestHeaders, byte[] rawBody) {
    WebhookService hooks = brex.webhooks();
    WebhookSubscription sub = hooks.create(CreateWebhookSubscriptionRequest.builder()
        .url("https://hooks.example.com/brex").addEventTypes(WebhookEventType.USER_UPDATED).build());
    hooks.update(sub.id(), UpdateWebhookSubscriptionRequest.builder()
        .url(sub.url()).eventTypes(sub.eventTypes())
        .status(UpdateWebhookSubscriptionStatus.INACTIVE).build());
    hooks.list().forEach(System.out::println);
    hooks.delete(sub.id());
    WebhookVerifier verifier = WebhookVerifier.builder()
        .secrets(hooks.listSecrets())
        .build();
    verifier.verify(requestHeaders, rawBody);
    UserUpdatedEvent event = WebhookEvents.parseUserUpdated(rawBody);
  }

  interface Vault {
    String currentBrexToken();
  }

  static void configuration(Vault vault) {
    RateLimiter perToken = RateLimiter.brexDefault();
    BrexClient brex = BrexClient.builder()
        .tokenProvider(() -> vault.currentBrexToken())
        .baseUri(BrexClient.PRODUCTION)
        .allowPlainHttp(false)
        .maxPages(100_000)
        .cardNumberBaseUri(URI.create("https://platform.brexapis.com"))
        .httpClient(HttpClient.newHttpClient())
        .connectTimeout(Duration.ofSeconds(10))
        .requestTimeout(Duration.ofSeconds(30))
        .retryPolicy(RetryPolicy.builder()
            .maxAttempts(4)
            .initialBackoff(Duration.ofMillis(500))
            .maxBackoff(Duration.ofSeconds(30))
            .totalBudget(Duration.ofMinutes(2))
            .build())
        .rateLimiter(perToken)
        .cardCreationLimiter(RateLimiter.brexCardCreationDefault())
        .userAgent("my-app/1.2")
        .clock(Clock.systemUTC())
        .sleeper(Sleeper.system())
        .build();
  }

  static void closeable() {
    try (BrexClient brex = BrexClient.builder().token(System.getenv("BREX_API_TOKEN")).build()) {
      brex.users().me();
    }
  }

  static void perCallOptions(BrexClient brex) {
    RequestOptions fast = RequestOptions.builder()
        .timeout(Duration.ofSeconds(5)).header("X-Request-Source", "hr-sync").build();
    User me = brex.users().me(fast);
    long n = brex.users().list(ListUsersRequest.all(), fast).stream().count();
    Card c = brex.cards().get("ncard_1", RequestOptions.timeout(Duration.ofSeconds(2)));
  }

  static void builderReportsMissingAttributes() {
    try {
      CreateCardRequest.builder().owner(CardOwner.user("cuuser_1")).cardName("Laptop").build();
    } catch (BrexValidationException e) {
      e.violations(); // [card_type: is required, limit_type: is required]
    }
  }
}
