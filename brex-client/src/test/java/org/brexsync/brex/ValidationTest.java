package org.brexsync.brex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.brexsync.brex.model.Address;
import org.brexsync.brex.model.CardOwner;
import org.brexsync.brex.model.CardType;
import org.brexsync.brex.model.CreateCardRequest;
import org.brexsync.brex.model.ImmutableAddress;
import org.brexsync.brex.model.ImmutableCreateCardRequest;
import org.brexsync.brex.model.ImmutableInviteUserRequest;
import org.brexsync.brex.model.ImmutableSecureEmailRequest;
import org.brexsync.brex.model.InviteUserRequest;
import org.brexsync.brex.model.LimitType;
import org.brexsync.brex.model.ListUsersRequest;
import org.brexsync.brex.model.Money;
import org.brexsync.brex.model.OwnerType;
import org.brexsync.brex.model.SecureEmailRequest;
import org.brexsync.brex.model.SetUserLimitRequest;
import org.brexsync.brex.model.SpendControlRequest;
import org.brexsync.brex.model.SpendDuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** One passing and one failing case per documented rule. */
class ValidationTest {

  static final Address US = Address.builder().line1("1725 Slough Avenue").line2("Suite 200")
      .city("Scranton").state("PA").country("US").postalCode("18505").build();

  static ImmutableCreateCardRequest vendor() {
    return ImmutableCreateCardRequest.builder().owner(CardOwner.user("cuuser_1"))
        .cardName("Vendor card").cardType(CardType.VIRTUAL).limitType(LimitType.CARD)
        .spendControls(SpendControlRequest.builder().spendLimit(Money.usd(1000))
            .spendDuration(SpendDuration.MONTHLY).build())
        .build();
  }

  static ImmutableCreateCardRequest physical() {
    return ImmutableCreateCardRequest.builder().owner(CardOwner.user("cuuser_1"))
        .cardName("Corporate").cardType(CardType.PHYSICAL).limitType(LimitType.USER)
        .mailingAddress(US).build();
  }

  static ImmutableInviteUserRequest invite() {
    return ImmutableInviteUserRequest.builder().firstName("Karen").lastName("Filippelli")
        .email("karen@dundermifflin.com").build();
  }

  static Map<String, String> entries(int n, int keyLen, int valueLen) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < n; i++) {
      String k = (i + "k" + "x".repeat(keyLen)).substring(0, Math.max(keyLen, 1));
      m.put(n == 1 ? "x".repeat(keyLen) : String.format("%0" + Math.max(keyLen, 3) + "d", i),
          "v".repeat(valueLen));
    }
    return m;
  }

  static Arguments card(String rule, Supplier<CreateCardRequest> ok,
      Supplier<CreateCardRequest> bad, String field) {
    return Arguments.of(rule, ok, bad, field);
  }

  static Stream<Arguments> createCardRules() {
    return Stream.of(
        card("owner has a user id", ValidationTest::vendor,
            () -> vendor().withOwner(CardOwner.builder().type(OwnerType.USER).userId(" ").build()),
            "owner.user_id"),
        card("owner type is USER", ValidationTest::vendor,
            () -> vendor().withOwner(CardOwner.builder().type(OwnerType.UNKNOWN).userId("u").build()),
            "owner.type"),
        card("card_name not empty", ValidationTest::vendor, () -> vendor().withCardName(""),
            "card_name"),
        card("card_name ASCII", () -> vendor().withCardName("Cafe"),
            () -> vendor().withCardName("Café"), "card_name"),
        card("card_type known", ValidationTest::vendor,
            () -> vendor().withCardType(CardType.UNKNOWN), "card_type"),
        card("limit_type known", ValidationTest::vendor,
            () -> vendor().withLimitType(LimitType.UNKNOWN), "limit_type"),
        card("CARD limit needs VIRTUAL", ValidationTest::vendor,
            () -> vendor().withCardType(CardType.PHYSICAL).withMailingAddress(US), "card_type"),
        card("CARD limit needs spend_controls", ValidationTest::vendor,
            () -> vendor().withSpendControls(Optional.empty()), "spend_controls"),
        card("USER limit forbids spend_controls", ValidationTest::physical,
            () -> physical().withSpendControls(vendor().spendControls()), "spend_controls"),
        card("PHYSICAL needs mailing_address", ValidationTest::physical,
            () -> physical().withMailingAddress(Optional.empty()), "mailing_address"),
        card("mailing_address in the US", ValidationTest::physical,
            () -> physical().withMailingAddress(ImmutableAddress.copyOf(US).withCountry("CA")),
            "mailing_address.country"),
        card("country code is US, not USA", ValidationTest::physical,
            () -> physical().withMailingAddress(ImmutableAddress.copyOf(US).withCountry("USA")),
            "mailing_address.country"),
        card("line1 present for shipping", ValidationTest::physical,
            () -> physical().withMailingAddress(ImmutableAddress.copyOf(US).withLine1(Optional.empty())),
            "mailing_address.line1"),
        card("line1 is not a PO box", ValidationTest::physical,
            () -> physical().withMailingAddress(ImmutableAddress.copyOf(US).withLine1("P.O. Box 123")),
            "mailing_address.line1"),
        card("line2 is not a PO box", ValidationTest::physical,
            () -> physical().withMailingAddress(ImmutableAddress.copyOf(US).withLine2("post office box 9")),
            "mailing_address.line2"),
        card("line1 under 60", () -> physical().withMailingAddress(
                ImmutableAddress.copyOf(US).withLine1("1".repeat(59))),
            () -> physical().withMailingAddress(ImmutableAddress.copyOf(US).withLine1("1".repeat(60))),
            "mailing_address.line1"),
        card("line2 under 60", () -> physical().withMailingAddress(
                ImmutableAddress.copyOf(US).withLine2("a".repeat(59))),
            () -> physical().withMailingAddress(ImmutableAddress.copyOf(US).withLine2("a".repeat(60))),
            "mailing_address.line2"),
        card("metadata at most 50 keys", () -> vendor().withMetadata(entries(50, 3, 1)),
            () -> vendor().withMetadata(entries(51, 3, 1)), "metadata"),
        card("metadata key at most 40", () -> vendor().withMetadata(entries(1, 40, 1)),
            () -> vendor().withMetadata(entries(1, 41, 1)), "metadata." + "x".repeat(41)),
        card("metadata value at most 500", () -> vendor().withMetadata(entries(1, 3, 500)),
            () -> vendor().withMetadata(entries(1, 3, 501)), "metadata.xxx"),
        card("amount not negative", ValidationTest::vendor,
            () -> vendor().withSpendControls(SpendControlRequest.builder()
                .spendLimit(Money.usd(-1)).spendDuration(SpendDuration.MONTHLY).build()),
            "spend_controls.spend_limit.amount"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("createCardRules")
  void createCardRule(String rule, Supplier<CreateCardRequest> ok,
      Supplier<CreateCardRequest> bad, String field) {
    assertThat(BrexValidation.validate(ok.get())).as("passing case").isEmpty();
    assertThat(BrexValidation.validate(bad.get())).as("failing case")
        .extracting(Violation::field).contains(field);
  }

  @ParameterizedTest
  @ValueSource(strings = {"PO Box 12", "P.O. Box 12", "p o box 12", "POBOX 12", "Post Office Box 5",
      "post  office   box 5", "POB 44", "P.O.B. 44", "Unit 3, PO-Box 7", "pob#12"})
  void poBoxSpellingsAreCaught(String line) {
    assertThat(BrexValidation.isPoBox(line)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1725 Slough Avenue", "12 Poplar Street", "Hippo Boxing Club",
      "100 Boxwood Rd", "Post Road 5", "Apt 4B"})
  void ordinaryAddressesAreNotPoBoxes(String line) {
    assertThat(BrexValidation.isPoBox(line)).isFalse();
  }

  @Test
  void reportsAllViolationsAtOnce() {
    CreateCardRequest bad = vendor().withCardName("").withCardType(CardType.PHYSICAL)
        .withSpendControls(Optional.empty());
    assertThatThrownBy(() -> BrexValidation.check(bad))
        .isInstanceOfSatisfying(BrexValidationException.class, e -> {
          assertThat(e.violations()).extracting(Violation::field)
              .contains("card_name", "card_type", "spend_controls", "mailing_address");
          assertThat(e.getMessage()).contains("problems").contains("card_name");
        });
  }

  static Stream<Arguments> inviteRules() {
    Function<ImmutableInviteUserRequest, InviteUserRequest> id = x -> x;
    return Stream.of(
        Arguments.of("first_name not empty", invite(), invite().withFirstName(" "), "first_name"),
        Arguments.of("first_name ASCII", invite().withFirstName("Zoe"),
            invite().withFirstName("Zoë"), "first_name"),
        Arguments.of("last_name not empty", invite(), invite().withLastName(""), "last_name"),
        Arguments.of("last_name ASCII", invite(), invite().withLastName("Müller"), "last_name"),
        Arguments.of("valid email", invite().withEmail("a.b+c@x.co"),
            invite().withEmail("karen at dundermifflin"), "email"),
        Arguments.of("email has domain dot", invite(), invite().withEmail("karen@localhost"), "email"),
        Arguments.of("metadata at most 100", invite().withMetadata(entries(100, 3, 1)),
            id.apply(invite().withMetadata(entries(101, 3, 1))), "metadata"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inviteRules")
  void inviteRule(String rule, InviteUserRequest ok, InviteUserRequest bad, String field) {
    assertThat(BrexValidation.validate(ok)).isEmpty();
    assertThat(BrexValidation.validate(bad)).extracting(Violation::field).contains(field);
  }

  static Stream<Arguments> secureEmailRules() {
    ImmutableSecureEmailRequest ok = ImmutableSecureEmailRequest.builder()
        .recipientEmail("v@example.com").senderName("IT").expiryDays(30).build();
    return Stream.of(
        Arguments.of(ok, ok.withExpiryDays(31), "expiry_days"),
        Arguments.of(ok, ok.withExpiryDays(0), "expiry_days"),
        Arguments.of(ok, ok.withRecipientEmail("nope"), "recipient_email"),
        Arguments.of(ok, ok.withSenderName(""), "sender_name"));
  }

  @ParameterizedTest
  @MethodSource("secureEmailRules")
  void secureEmailRule(SecureEmailRequest ok, SecureEmailRequest bad, String field) {
    assertThat(BrexValidation.validate(ok)).isEmpty();
    assertThat(BrexValidation.validate(bad)).extracting(Violation::field).containsExactly(field);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 1001})
  void pageSizeOutOfRangeIsRejectedBeforeSending(int limit) {
    assertThat(BrexValidation.validatePageSize(Optional.of(limit))).hasSize(1);
    BrexClient c = BrexClient.builder().token("t").baseUri(java.net.URI.create("http://127.0.0.1:9"))
        .build();
    assertThatThrownBy(() -> c.users().list(ListUsersRequest.builder().limit(limit).build()))
        .isInstanceOf(BrexValidationException.class).hasMessageContaining("limit");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 100, 1000})
  void pageSizeInRangeIsAccepted(int limit) {
    assertThat(BrexValidation.validatePageSize(Optional.of(limit))).isEmpty();
  }

  @Test
  void userLimitMustNotBeNegativeButMayBeCleared() {
    assertThat(BrexValidation.validate(SetUserLimitRequest.of(Money.usd(0)))).isEmpty();
    assertThat(BrexValidation.validate(SetUserLimitRequest.clear())).isEmpty();
    assertThat(BrexValidation.validate(SetUserLimitRequest.of(Money.usd(-5))))
        .extracting(Violation::field).containsExactly("monthly_limit.amount");
  }

  @Test
  void lockAfterDateIsAlwaysAnIsoDate() {
    SpendControlRequest sc = SpendControlRequest.builder().spendLimit(Money.usd(1))
        .spendDuration(SpendDuration.ONE_TIME).lockAfterDate(java.time.LocalDate.of(2026, 2, 3))
        .build();
    assertThat(BrexJson.toJsonTree(sc).get("lock_after_date").asText()).isEqualTo("2026-02-03");
  }

  @Test
  void validationMessagesListEveryViolation() {
    BrexValidationException e = new BrexValidationException("x",
        List.of(new Violation("a", "m1"), new Violation("b", "m2")));
    assertThat(e.getMessage()).contains("a: m1").contains("b: m2");
  }
}
