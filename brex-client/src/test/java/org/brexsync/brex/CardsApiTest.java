package org.brexsync.brex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.brexsync.brex.model.Address;
import org.brexsync.brex.model.Card;
import org.brexsync.brex.model.CardAttributePreferences;
import org.brexsync.brex.model.CardNumber;
import org.brexsync.brex.model.CardOwner;
import org.brexsync.brex.model.CardStatus;
import org.brexsync.brex.model.CardType;
import org.brexsync.brex.model.ChangeCardReason;
import org.brexsync.brex.model.CreateCardRequest;
import org.brexsync.brex.model.LimitType;
import org.brexsync.brex.model.ListCardsRequest;
import org.brexsync.brex.model.LockCardRequest;
import org.brexsync.brex.model.Money;
import org.brexsync.brex.model.OwnerType;
import org.brexsync.brex.model.SecureEmailRequest;
import org.brexsync.brex.model.SpendControlRequest;
import org.brexsync.brex.model.SpendControlUpdateRequest;
import org.brexsync.brex.model.SpendDuration;
import org.brexsync.brex.model.TerminateCardRequest;
import org.brexsync.brex.model.ThreeDomainSecureEnabledPreference;
import org.brexsync.brex.model.UpdateCardRequest;
import org.junit.jupiter.api.Test;

class CardsApiTest extends MockServerTestBase {

  static CreateCardRequest vendorCard() {
    return CreateCardRequest.builder()
        .owner(CardOwner.user("cuuser_ckze72soa117f01pkmf1wcpl3"))
        .cardName("Party Planning Committee")
        .cardType(CardType.VIRTUAL)
        .limitType(LimitType.CARD)
        .spendControls(SpendControlRequest.builder().spendLimit(Money.usd(100000))
            .spendDuration(SpendDuration.MONTHLY).lockAfterDate(LocalDate.of(2022, 8, 24)).build())
        .build();
  }

  @Test
  void listByUserParsesVendorAndCorporateCards() {
    enqueue(Fixtures.page(null, Fixtures.CARD_VENDOR, Fixtures.CARD_CORPORATE));
    List<Card> cards = client.cards().list(ListCardsRequest.forUser("cuuser_jim")).stream().toList();
    assertRead(take(), "/v2/cards?user_id=cuuser_jim");

    Card vendor = cards.get(0);
    assertThat(vendor.id()).isEqualTo("ncard_cktdcoaez04db99p29d3ef1z3");
    assertThat(vendor.owner().type()).isEqualTo(OwnerType.USER);
    assertThat(vendor.owner().userId()).isEqualTo("cuuser_ckze72soa117f01pkmf1wcpl3");
    assertThat(vendor.status()).contains(CardStatus.ACTIVE);
    assertThat(vendor.lastFour()).isEqualTo("7649");
    assertThat(vendor.cardType()).contains(CardType.VIRTUAL);
    assertThat(vendor.limitType()).isEqualTo(LimitType.CARD);
    assertThat(vendor.spendControls().get().spendLimit()).isEqualTo(Money.usd(100000));
    assertThat(vendor.spendControls().get().spendAvailable()).isEqualTo(Money.usd(100000));
    assertThat(vendor.spendControls().get().spendDuration()).contains(SpendDuration.MONTHLY);
    assertThat(vendor.spendControls().get().lockAfterDate()).contains(LocalDate.of(2022, 8, 24));
    assertThat(vendor.billingAddress().city()).contains("Scranton");
    assertThat(vendor.billingAddress().line2()).isEmpty();
    assertThat(vendor.mailingAddress()).isEmpty();
    assertThat(vendor.expirationDate().month()).isEqualTo(8);
    assertThat(vendor.expirationDate().year()).isEqualTo(2029);
    assertThat(vendor.hasBeenTransferred()).isFalse();
    assertThat(vendor.metadata()).containsEntry("cost_center", "CC-12");
    assertThat(vendor.budgetId()).contains("budget_1");

    Card corp = cards.get(1);
    assertThat(corp.spendControls()).isEmpty();
    assertThat(corp.status()).contains(CardStatus.LOCKED);
    assertThat(corp.mailingAddress().get().line2()).contains("Suite 200");
    assertThat(corp.hasBeenTransferred()).isTrue();
  }

  @Test
  void listAllSendsNoUserId() {
    enqueue(Fixtures.page(null));
    assertThat(client.cards().list().stream().count()).isZero();
    assertRead(take(), "/v2/cards");
  }

  @Test
  void get() {
    enqueue(Fixtures.CARD_VENDOR);
    assertThat(client.cards().get("ncard_1").cardName()).isEqualTo("Party Planning Committee");
    assertRead(take(), "/v2/cards/ncard_1");
  }

  @Test
  void createSendsExactBodyAndAlwaysAKey() {
    enqueue(Fixtures.CARD_VENDOR);
    Card card = client.cards().create(vendorCard(),
        RequestOptions.builder().autoIdempotencyKey(false).build());
    String key = assertWrite(take(), "POST", "/v2/cards", """
        {"owner":{"type":"USER","user_id":"cuuser_ckze72soa117f01pkmf1wcpl3"},
         "card_name":"Party Planning Committee","card_type":"VIRTUAL","limit_type":"CARD",
         "spend_controls":{"spend_limit":{"amount":100000,"currency":"USD"},
           "spend_duration":"MONTHLY","lock_after_date":"2022-08-24"}}""");
    assertThat(key).matches("[0-9a-f-]{36}");
    assertThat(card.id()).isEqualTo("ncard_cktdcoaez04db99p29d3ef1z3");
  }

  @Test
  void createPhysicalCorporateCardWithAllFields() {
    enqueue(Fixtures.CARD_CORPORATE);
    client.cards().create(CreateCardRequest.builder()
        .owner(CardOwner.user("cuuser_jim")).cardName("Jim corporate")
        .cardType(CardType.PHYSICAL).limitType(LimitType.USER)
        .mailingAddress(Address.builder().line1("1725 Slough Avenue").line2("Suite 200")
            .city("Scranton").state("PA").country("US").postalCode("18505")
            .phoneNumber("5705550100").build())
        .putMetadata("cost_center", "CC-12")
        .cardAttributePreferences(CardAttributePreferences.builder()
            .threeDomainSecureEnabledPreference(
                ThreeDomainSecureEnabledPreference.THREE_DOMAIN_SECURE_ENABLED).build())
        .build(), RequestOptions.idempotencyKey("create-jim-card"));
    RecordedRequest r = take();
    assertWrite(r, "POST", "/v2/cards", """
        {"owner":{"type":"USER","user_id":"cuuser_jim"},"card_name":"Jim corporate",
         "card_type":"PHYSICAL","limit_type":"USER",
         "mailing_address":{"line1":"1725 Slough Avenue","line2":"Suite 200","city":"Scranton",
           "state":"PA","country":"US","postal_code":"18505","phone_number":"5705550100"},
         "metadata":{"cost_center":"CC-12"},
         "card_attribute_preferences":{
           "three_domain_secure_enabled_preference":"THREE_DOMAIN_SECURE_ENABLED"}}""");
    assertThat(r.getHeaders().get("Idempotency-Key")).isEqualTo("create-jim-card");
  }

  @Test
  void invalidCreateSendsNothing() {
    CreateCardRequest bad = vendorCard().withCardType(CardType.PHYSICAL);
    assertThatThrownBy(() -> client.cards().create(bad))
        .isInstanceOf(BrexValidationException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void cardCreationBudgetFailsFast() {
    BrexClient limited = clientBuilder()
        .cardCreationLimiter(RateLimiter.of(1, java.time.Duration.ofHours(24))).build();
    enqueue(Fixtures.CARD_VENDOR);
    limited.cards().create(vendorCard());
    assertThatThrownBy(() -> limited.cards().create(vendorCard()))
        .isInstanceOf(BrexCardCreationLimitException.class)
        .hasMessageContaining("card-creation budget");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void updateSendsOnlyGivenFields() {
    enqueue(Fixtures.CARD_VENDOR);
    client.cards().update("ncard_1", UpdateCardRequest.builder()
        .spendControls(SpendControlUpdateRequest.builder().spendLimit(Money.usd(250000))
            .spendDuration(SpendDuration.QUARTERLY).reason("Q3 offsite").build())
        .build());
    assertWrite(take(), "PUT", "/v2/cards/ncard_1", """
        {"spend_controls":{"spend_limit":{"amount":250000,"currency":"USD"},
          "spend_duration":"QUARTERLY","reason":"Q3 offsite"}}""");
  }

  @Test
  void lockUnlockTerminate() {
    enqueue(Fixtures.CARD_VENDOR.replace("\"ACTIVE\"", "\"LOCKED\""));
    Card locked = client.cards().lock("ncard_1", LockCardRequest.builder()
        .reason(ChangeCardReason.CARD_LOST).description("Lost at the warehouse").build());
    assertWrite(take(), "POST", "/v2/cards/ncard_1/lock",
        "{\"reason\":\"CARD_LOST\",\"description\":\"Lost at the warehouse\"}");
    assertThat(locked.status()).contains(CardStatus.LOCKED);

    enqueue(Fixtures.CARD_VENDOR);
    client.cards().unlock("ncard_1");
    assertWrite(take(), "POST", "/v2/cards/ncard_1/unlock", null);

    enqueue(Fixtures.CARD_VENDOR.replace("\"ACTIVE\"", "\"TERMINATED\""));
    Card t = client.cards().terminate("ncard_1", TerminateCardRequest.of(ChangeCardReason.FRAUD));
    assertWrite(take(), "POST", "/v2/cards/ncard_1/terminate", "{\"reason\":\"FRAUD\"}");
    assertThat(t.status()).contains(CardStatus.TERMINATED);
  }

  @Test
  void getNumberUsesCardNumberBaseUriAndRedacts() throws Exception {
    try (MockWebServer panServer = new MockWebServer()) {
      panServer.start();
      panServer.enqueue(new MockResponse.Builder().code(200).body(Fixtures.CARD_NUMBER).build());
      BrexClient c = clientBuilder().cardNumberBaseUri(panServer.url("/").uri()).build();
      CardNumber n = c.cards().getNumber("ncard_1");
      RecordedRequest r = panServer.takeRequest();
      assertRead(r, "/v2/cards/ncard_1/pan");
      assertThat(n.number()).isEqualTo("4111111111111111");
      assertThat(n.cvv()).isEqualTo("987");
      assertThat(n.holderName()).contains("Karen Filippelli");
      assertThat(n.expirationDate().year()).isEqualTo(2029);
      assertThat(n.toString()).doesNotContain("4111111111111111").doesNotContain("987");
      assertThat(server.getRequestCount()).isZero();
    }
  }

  @Test
  void sendSecureEmail() {
    server.enqueue(new MockResponse.Builder().code(200).build());
    client.cards().sendSecureEmail("ncard_1", SecureEmailRequest.builder()
        .recipientEmail("vendor@example.com").senderName("Dunder Mifflin IT")
        .message("Card for the printer lease").expiryDays(7).build(),
        RequestOptions.builder().autoIdempotencyKey(false).build());
    assertWrite(take(), "POST", "/v2/cards/ncard_1/secure_email", """
        {"recipient_email":"vendor@example.com","sender_name":"Dunder Mifflin IT",
         "message":"Card for the printer lease","expiry_days":7}""");
  }
}
