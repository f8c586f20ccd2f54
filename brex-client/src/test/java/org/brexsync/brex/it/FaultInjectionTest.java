package org.brexsync.brex.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.brexsync.brex.BrexClient;
import org.brexsync.brex.BrexNetworkException;
import org.brexsync.brex.BrexRateLimitException;
import org.brexsync.brex.BrexResponseException;
import org.brexsync.brex.RateLimiter;
import org.brexsync.brex.RequestOptions;
import org.brexsync.brex.RetryPolicy;
import org.brexsync.brex.model.Card;
import org.brexsync.brex.model.CardOwner;
import org.brexsync.brex.model.CardType;
import org.brexsync.brex.model.CreateCardRequest;
import org.brexsync.brex.model.InviteUserRequest;
import org.brexsync.brex.model.LimitType;
import org.brexsync.brex.model.ListUsersRequest;
import org.brexsync.brex.model.Money;
import org.brexsync.brex.model.SpendControlRequest;
import org.brexsync.brex.model.SpendDuration;
import org.brexsync.testkit.BrexSimulator;
import org.brexsync.testkit.CompanySpec;
import org.brexsync.testkit.SyntheticCompany;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retries and idempotency hold when the simulator injects faults. */
class FaultInjectionTest {
  BrexSimulator sim;
  BrexClient brex;
  final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  String owner;

  @BeforeEach
  void start() {
    sim = BrexSimulator.builder().company(SyntheticCompany.of(CompanySpec.of(3, 10)))
        .sendRetryAfter(true).start();
    brex = BrexClient.builder().token(sim.token()).baseUri(sim.baseUri()).sleeper(sleeps::add)
        .rateLimiter(RateLimiter.unlimited())
        .retryPolicy(RetryPolicy.builder().maxAttempts(5).jitter(() -> 0.5).build()).build();
    owner = sim.company().orElseThrow().userId(1);
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  CreateCardRequest vendorCard(String name) {
    return CreateCardRequest.builder().owner(CardOwner.user(owner)).cardName(name)
        .cardType(CardType.VIRTUAL).limitType(LimitType.CARD)
        .spendControls(SpendControlRequest.builder().spendLimit(Money.usd(100_00))
            .spendDuration(SpendDuration.MONTHLY).build()).build();
  }

  long cardsNamed(String name) {
    return sim.cardsOf(owner).stream().filter(c -> c.path("card_name").asText().equals(name)).count();
  }

  @Test
  void resetAfterServerProcessedCreateCardYieldsExactlyOneCard() {
    List<String> generated = new CopyOnWriteArrayList<>();
    BrexClient counting = BrexClient.builder().token(sim.token()).baseUri(sim.baseUri())
        .sleeper(sleeps::add).rateLimiter(RateLimiter.unlimited())
        .idempotencyKeyGenerator(() -> {
          String k = java.util.UUID.randomUUID().toString();
          generated.add(k);
          return k;
        })
        .retryPolicy(RetryPolicy.builder().maxAttempts(5).jitter(() -> 0.5).build()).build();
    sim.faults().on("POST", "/v2/cards").resetAfterNext(2);
    Card card = counting.cards().create(vendorCard("Reset survivor"));
    assertThat(sleeps).as("two retries").hasSize(2);
    assertThat(generated).as("one key for all three attempts").hasSize(1);
    assertThat(cardsNamed("Reset survivor")).as("no duplicate card").isEqualTo(1);
    assertThat(sim.card(card.id())).isPresent();
  }

  @Test
  void transient5xxAnd429AreRetried() {
    sim.faults().on("GET", "/v2/users").failNext(2, 503);
    assertThat(brex.users().list().stream().count()).isEqualTo(sim.userCount());

    sleeps.clear();
    sim.faults().burst429(2);
    brex.users().me();
    assertThat(sleeps).hasSize(2).allSatisfy(d -> assertThat(d).isGreaterThanOrEqualTo(Duration.ofSeconds(1)));
  }

  @Test
  void truncatedAndDroppedReadsAreRetried() {
    sim.faults().on("GET", "/v2/users/me").truncateNext(1);
    sim.faults().on("GET", "/v2/users/me").resetNext(1);
    assertThat(brex.users().me().id()).isEqualTo(sim.adminUserId());
  }

  @Test
  void resetDuringInviteIsRetriedWithoutDuplicateUser() {
    int before = sim.userCount();
    sim.faults().on("POST", "/v2/users").resetAfterNext(1);
    brex.users().invite(InviteUserRequest.builder().firstName("Ryan").lastName("Howard")
        .email("ryan.howard@example.com").build());
    assertThat(sim.userCount()).isEqualTo(before + 1);
    assertThat(brex.users().list(ListUsersRequest.byEmail("ryan.howard@example.com")).stream()
        .count()).isEqualTo(1);
  }

  @Test
  void keylessWriteIsNotReplayedAfterReset() {
    int before = sim.userCount();
    sim.faults().on("POST", "/v2/users").resetAfterNext(1);
    assertThatThrownBy(() -> brex.users().invite(InviteUserRequest.builder().firstName("Kelly")
        .lastName("Kapoor").email("kelly@example.com").build(),
        RequestOptions.builder().autoIdempotencyKey(false).build()))
        .isInstanceOf(BrexNetworkException.class);
    // The simulator logs a reset call asynchronously, so count attempts on the client side:
    // no back-off happened, i.e. there was no second attempt.
    assertThat(sleeps).isEmpty();
    assertThat(sim.userCount()).as("processed once, never replayed").isEqualTo(before + 1);
  }

  @Test
  void aGarbledAnswerToAReadIsRetriedLikeA5xx() {
    sim.faults().on("GET", "/v2/company").malformedNext(1);
    assertThat(brex.company().get().id()).isNotBlank();
    assertThat(sleeps).as("one back-off, as after a 5xx").hasSize(1);
  }

  @Test
  void aGarbledPageDoesNotFailTheWholeListing() {
    long all = brex.users().list(ListUsersRequest.builder().limit(3).build()).stream().count();
    sim.faults().on("GET", "/v2/users").malformedNext(1);
    assertThat(brex.users().list(ListUsersRequest.builder().limit(3).build()).stream().count())
        .isEqualTo(all);
    assertThat(sleeps).hasSize(1);
  }

  @Test
  void garbledAnswersUseTheSameBudgetAndThenFail() {
    sim.faults().on("GET", "/v2/company").malformedNext(5);
    assertThatThrownBy(() -> brex.company().get())
        .isInstanceOf(BrexResponseException.class)
        .hasMessageContaining("HTTP 200").hasMessageContaining("5 attempts");
    assertThat(sleeps).as("maxAttempts 5: four waits").hasSize(4);
  }

  @Test
  void aGarbledAnswerToAWriteIsNotReplayed() {
    int before = sim.userCount();
    sim.faults().on("POST", "/v2/users").malformedNext(1);
    assertThatThrownBy(() -> brex.users().invite(InviteUserRequest.builder().firstName("Gar")
        .lastName("Bled").email("garbled@example.com").build()))
        .isInstanceOf(BrexResponseException.class);
    assertThat(sleeps).isEmpty();
    assertThat(sim.userCount()).isEqualTo(before + 1);
  }

  @Test
  void persistentRateLimitSurfacesRetryAfter() {
    sim.faults().burst429(10);
    assertThatThrownBy(() -> brex.users().me())
        .isInstanceOfSatisfying(BrexRateLimitException.class,
            e -> assertThat(e.retryAfter()).isPresent());
    assertThat(sleeps).as("4 retries = 5 attempts").hasSize(4);
  }

  @Test
  void randomFaultsNeverDuplicateCards() {
    sim.faults().on("POST", "/v2/cards").seed(11).errorRate(0.2, 500, 503).resetAfterRate(0.2);
    BrexClient patient = BrexClient.builder().token(sim.token()).baseUri(sim.baseUri())
        .sleeper(d -> { }).rateLimiter(RateLimiter.unlimited())
        .retryPolicy(RetryPolicy.builder().maxAttempts(12).jitter(() -> 0.0).build()).build();
    for (int i = 0; i < 15; i++) {
      patient.cards().create(vendorCard("Batch " + i));
    }
    for (int i = 0; i < 15; i++) {
      assertThat(cardsNamed("Batch " + i)).as("card %d", i).isEqualTo(1);
    }
  }
}
