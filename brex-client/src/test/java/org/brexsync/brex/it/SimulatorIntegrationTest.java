package org.brexsync.brex.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.brexsync.brex.BrexAuthenticationException;
import org.brexsync.brex.BrexClient;
import org.brexsync.brex.BrexNotFoundException;
import org.brexsync.brex.BrexTokenExpiredException;
import org.brexsync.brex.RateLimiter;
import org.brexsync.brex.RetryPolicy;
import org.brexsync.brex.model.Address;
import org.brexsync.brex.model.Card;
import org.brexsync.brex.model.CardNumber;
import org.brexsync.brex.model.CardOwner;
import org.brexsync.brex.model.CardStatus;
import org.brexsync.brex.model.CardType;
import org.brexsync.brex.model.ChangeCardReason;
import org.brexsync.brex.model.Company;
import org.brexsync.brex.model.CreateCardRequest;
import org.brexsync.brex.model.CreateDepartmentRequest;
import org.brexsync.brex.model.CreateLocationRequest;
import org.brexsync.brex.model.CreateTitleRequest;
import org.brexsync.brex.model.Department;
import org.brexsync.brex.model.InviteUserRequest;
import org.brexsync.brex.model.LimitType;
import org.brexsync.brex.model.ListCardsRequest;
import org.brexsync.brex.model.ListReferenceDataRequest;
import org.brexsync.brex.model.ListUsersRequest;
import org.brexsync.brex.model.Location;
import org.brexsync.brex.model.LockCardRequest;
import org.brexsync.brex.model.Money;
import org.brexsync.brex.model.Patch;
import org.brexsync.brex.model.SecureEmailRequest;
import org.brexsync.brex.model.SetUserLimitRequest;
import org.brexsync.brex.model.SpendControlRequest;
import org.brexsync.brex.model.SpendControlUpdateRequest;
import org.brexsync.brex.model.SpendDuration;
import org.brexsync.brex.model.TerminateCardRequest;
import org.brexsync.brex.model.Title;
import org.brexsync.brex.model.UpdateCardRequest;
import org.brexsync.brex.model.UpdateUserRequest;
import org.brexsync.brex.model.User;
import org.brexsync.brex.model.UserLimit;
import org.brexsync.brex.model.UserStatus;
import org.brexsync.brex.webhook.CreateWebhookSubscriptionRequest;
import org.brexsync.brex.webhook.UpdateWebhookSubscriptionRequest;
import org.brexsync.brex.webhook.UpdateWebhookSubscriptionStatus;
import org.brexsync.brex.webhook.UserAttribute;
import org.brexsync.brex.webhook.UserUpdatedEvent;
import org.brexsync.brex.webhook.WebhookEventType;
import org.brexsync.brex.webhook.WebhookEvents;
import org.brexsync.brex.webhook.WebhookSubscription;
import org.brexsync.brex.webhook.WebhookSubscriptionStatus;
import org.brexsync.brex.webhook.WebhookVerifier;
import org.brexsync.testkit.BrexSimulator;
import org.brexsync.testkit.CompanySpec;
import org.brexsync.testkit.SyntheticCompany;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every operation against the testkit's spec-built Brex simulator. */
class SimulatorIntegrationTest {
  BrexSimulator sim;
  BrexClient brex;
  final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    sim = BrexSimulator.builder().company(SyntheticCompany.of(CompanySpec.of(42, 25))).start();
    brex = client(sim.token());
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  BrexClient client(String token) {
    return BrexClient.builder().token(token).baseUri(sim.baseUri()).sleeper(sleeps::add)
        .rateLimiter(RateLimiter.unlimited())
        .retryPolicy(RetryPolicy.builder().jitter(() -> 0.0).build()).build();
  }

  @Test
  void listsEveryUserAcrossPages() {
    SyntheticCompany co = sim.company().orElseThrow();
    List<User> users = brex.users().list(ListUsersRequest.builder().limit(7).build()).stream().toList();
    assertThat(users).hasSize(sim.userCount());
    assertThat(users).extracting(User::email).contains(co.email(3));

    User byEmail = brex.users().list(ListUsersRequest.byEmail(co.email(3))).stream()
        .findFirst().orElseThrow();
    assertThat(byEmail.id()).isEqualTo(co.userId(3));
    assertThat(brex.users().get(co.userId(3)).email()).isEqualTo(co.email(3));
    assertThat(brex.users().me().id()).isEqualTo(sim.adminUserId());
  }

  @Test
  void inviteUpdateDeactivateActivateAndLimits() {
    Department d = brex.departments().list().stream().findFirst().orElseThrow();
    User u = brex.users().invite(InviteUserRequest.builder().firstName("Karen")
        .lastName("Filippelli").email("karen.filippelli@example.com").departmentId(d.id())
        .putMetadata("employee_id", "E-1").build());
    assertThat(u.status()).contains(UserStatus.INVITED);
    assertThat(sim.user(u.id())).isPresent();

    SyntheticCompany co = sim.company().orElseThrow();
    User withManager = brex.users().update(u.id(),
        UpdateUserRequest.builder().managerId(Patch.set(co.userId(0))).build());
    assertThat(withManager.managerId()).contains(co.userId(0));
    User cleared = brex.users().update(u.id(),
        UpdateUserRequest.builder().managerId(Patch.clear()).build());
    assertThat(cleared.managerId()).isEmpty();
    assertThat(cleared.departmentId()).as("untouched").contains(d.id());

    sim.acceptInvite(u.id());
    assertThat(brex.users().deactivate(u.id()).status()).contains(UserStatus.DISABLED);
    assertThat(brex.users().activate(u.id()).status()).contains(UserStatus.ACTIVE);

    UserLimit set = brex.users().setLimit(u.id(), SetUserLimitRequest.of(Money.usd(300_00)));
    assertThat(set.monthlyLimit().map(Money::amount)).contains(30000L);
    assertThat(brex.users().getLimit(u.id()).monthlyLimit().map(Money::amount)).contains(30000L);
    assertThat(brex.users().setLimit(u.id(), SetUserLimitRequest.clear()).monthlyLimit()).isEmpty();
  }

  @Test
  void cardLifecycle() {
    String owner = sim.company().orElseThrow().userId(2);
    Card vendor = brex.cards().create(CreateCardRequest.builder().owner(CardOwner.user(owner))
        .cardName("Printer lease").cardType(CardType.VIRTUAL).limitType(LimitType.CARD)
        .spendControls(SpendControlRequest.builder().spendLimit(Money.usd(500_00))
            .spendDuration(SpendDuration.MONTHLY).lockAfterDate(LocalDate.of(2030, 1, 31)).build())
        .putMetadata("cost_center", "CC-7").build());
    assertThat(vendor.limitType()).isEqualTo(LimitType.CARD);
    assertThat(vendor.spendControls().orElseThrow().spendLimit().amount()).isEqualTo(50000);

    Card physical = brex.cards().create(CreateCardRequest.builder().owner(CardOwner.user(owner))
        .cardName("Corporate").cardType(CardType.PHYSICAL).limitType(LimitType.USER)
        .mailingAddress(Address.builder().line1("1725 Slough Avenue").city("Scranton").state("PA")
            .country("US").postalCode("18505").build()).build());
    assertThat(physical.cardType()).contains(CardType.PHYSICAL);

    List<Card> owned = brex.cards().list(ListCardsRequest.forUser(owner)).stream().toList();
    assertThat(owned).extracting(Card::id).contains(vendor.id(), physical.id());
    assertThat(brex.cards().list(ListCardsRequest.builder().limit(5).build()).stream().count())
        .isGreaterThanOrEqualTo(owned.size());
    assertThat(brex.cards().get(vendor.id()).cardName()).isEqualTo("Printer lease");

    Card updated = brex.cards().update(vendor.id(), UpdateCardRequest.builder()
        .spendControls(SpendControlUpdateRequest.builder().spendLimit(Money.usd(900_00)).build())
        .build());
    assertThat(updated.spendControls().orElseThrow().spendLimit().amount()).isEqualTo(90000);

    assertThat(brex.cards().lock(vendor.id(), LockCardRequest.builder()
        .reason(ChangeCardReason.CARD_LOST).description("lost").build()).status())
        .contains(CardStatus.LOCKED);
    assertThat(brex.cards().unlock(vendor.id()).status()).contains(CardStatus.ACTIVE);
    assertThat(brex.cards().terminate(vendor.id(),
        TerminateCardRequest.of(ChangeCardReason.DO_NOT_NEED_VIRTUAL_CARD)).status())
        .contains(CardStatus.TERMINATED);

    CardNumber pan = brex.cards().getNumber(physical.id());
    assertThat(pan.number()).hasSizeGreaterThanOrEqualTo(12);
    assertThat(pan.toString()).doesNotContain(pan.number());

    brex.cards().sendSecureEmail(physical.id(), SecureEmailRequest.builder()
        .recipientEmail("vendor@example.com").senderName("IT").expiryDays(5).build());
    assertThat(sim.secureEmails()).hasSize(1);
  }

  @Test
  void referenceDataAndCompany() {
    Department d = brex.departments().create(CreateDepartmentRequest.builder().name("Warehouse")
        .description("Scranton warehouse").build());
    assertThat(brex.departments().get(d.id()).name()).isEqualTo("Warehouse");
    assertThat(brex.departments().list(ListReferenceDataRequest.byName("Warehouse")).stream()
        .map(Department::id)).containsExactly(d.id());

    Location l = brex.locations().create(CreateLocationRequest.builder().name("Nashua").build());
    assertThat(brex.locations().get(l.id()).name()).isEqualTo("Nashua");
    assertThat(brex.locations().list().stream().map(Location::id)).contains(l.id());

    Title t = brex.titles().create(CreateTitleRequest.builder().name("Regional Manager").build());
    assertThat(brex.titles().get(t.id()).name()).isEqualTo("Regional Manager");
    assertThat(brex.titles().list().stream().map(Title::id)).contains(t.id());

    assertThat(brex.legalEntities().list().stream().toList()).allSatisfy(le ->
        assertThat(brex.legalEntities().get(le.id()).displayName()).isEqualTo(le.displayName()));

    Company c = brex.company().get();
    assertThat(c.legalName()).isNotBlank();
    assertThat(c.accountType().name()).isNotEqualTo("UNKNOWN");
  }

  @Test
  void webhookSubscriptionsAndSignedDelivery() throws Exception {
    BlockingQueue<Map<String, Object>> received = new LinkedBlockingQueue<>();
    HttpServer receiver = HttpServer.create(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext("/brex", ex -> {
      try {
        byte[] body = ex.getRequestBody().readAllBytes();
        received.add(Map.of("headers", Map.copyOf(ex.getRequestHeaders()), "body", body));
        ex.sendResponseHeaders(200, -1);
      } catch (RuntimeException e) {
        e.printStackTrace();
        throw e;
      } finally {
        ex.close();
      }
    });
    receiver.start();
    try {
      String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/brex";
      WebhookSubscription sub = brex.webhooks().create(CreateWebhookSubscriptionRequest.builder()
          .url(url).addEventTypes(WebhookEventType.USER_UPDATED).build());
      assertThat(sub.status()).isEqualTo(WebhookSubscriptionStatus.ACTIVE);
      assertThat(brex.webhooks().get(sub.id()).url()).isEqualTo(url);
      assertThat(brex.webhooks().list().stream().map(WebhookSubscription::id)).contains(sub.id());

      sim.rotateWebhookSecret();
      WebhookVerifier verifier = WebhookVerifier.builder()
          .secrets(brex.webhooks().listSecrets()).build();
      assertThat(brex.webhooks().listSecrets()).hasSize(2);

      String userId = sim.createUser("Toby", "Flenderson", "toby@example.com").get("id").asText();
      brex.users().deactivate(userId);
      Map<String, Object> delivery = received.poll(10, TimeUnit.SECONDS);
      assertThat(delivery).as("USER_UPDATED delivered: %s", sim.webhookDeliveries()).isNotNull();
      @SuppressWarnings("unchecked")
      Map<String, List<String>> headers = (Map<String, List<String>>) delivery.get("headers");
      byte[] body = (byte[]) delivery.get("body");
      verifier.verify(headers, body);
      UserUpdatedEvent e = WebhookEvents.parseUserUpdated(body);
      assertThat(e.userId()).isEqualTo(userId);
      assertThat(e.updatedAttributes()).contains(UserAttribute.STATUS);

      WebhookSubscription off = brex.webhooks().update(sub.id(),
          UpdateWebhookSubscriptionRequest.builder().url(url)
              .addEventTypes(WebhookEventType.USER_UPDATED)
              .status(UpdateWebhookSubscriptionStatus.INACTIVE).build());
      assertThat(off.status()).isEqualTo(WebhookSubscriptionStatus.INACTIVE);
      brex.webhooks().delete(sub.id());
      assertThatThrownBy(() -> brex.webhooks().get(sub.id()))
          .isInstanceOf(BrexNotFoundException.class);
    } finally {
      receiver.stop(0);
    }
  }

  @Test
  void tokenProblemsMapToTypedExceptions() {
    sim.addToken("bxt_soon_expired");
    sim.expireToken("bxt_soon_expired");
    assertThatThrownBy(() -> client("bxt_soon_expired").users().me())
        .isInstanceOf(BrexTokenExpiredException.class);
    assertThatThrownBy(() -> client("bxt_unknown").users().me())
        .isInstanceOf(BrexAuthenticationException.class)
        .hasMessageNotContaining("bxt_unknown");
    assertThatThrownBy(() -> brex.users().get("cuuser_does_not_exist"))
        .isInstanceOfSatisfying(BrexNotFoundException.class,
            e -> assertThat(e.traceId()).isPresent());
  }

  @Test
  void listingALargeCompanyFetchesOnePageAtATime() {
    sim.seed(SyntheticCompany.of(CompanySpec.of(7, 1200)));
    List<String> ids = new ArrayList<>();
    java.util.Iterator<User> users = brex.users().list(ListUsersRequest.builder().limit(1000).build()).iterator();
    assertThat(sim.count("GET", "/v2/users")).as("nothing fetched before iteration").isZero();
    while (users.hasNext()) {
      ids.add(users.next().id());
      // The page holding item n is fetched when item n is reached, never earlier: one page at a
      // time, not the whole company and not a page ahead.
      assertThat(sim.count("GET", "/v2/users")).as("pages fetched at item %d", ids.size())
          .isEqualTo((ids.size() + 999) / 1000);
    }
    assertThat(ids).hasSize(sim.userCount()).doesNotHaveDuplicates();
    assertThat(sim.count("GET", "/v2/users")).isEqualTo(2);
  }
}
