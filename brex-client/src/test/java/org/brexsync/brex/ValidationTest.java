package org.brexsync.brex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.brexsync.brex.model.Address;
import org.brexsync.brex.model.CardOwner;
import org.brexsync.brex.model.CardType;
import org.brexsync.brex.model.ChangeCardReason;
import org.brexsync.brex.model.CreateCardRequest;
import org.brexsync.brex.model.CreateDepartmentRequest;
import org.brexsync.brex.model.CreateLocationRequest;
import org.brexsync.brex.model.CreateTitleRequest;
import org.brexsync.brex.model.InviteUserRequest;
import org.brexsync.brex.model.LimitType;
import org.brexsync.brex.model.ListUsersRequest;
import org.brexsync.brex.model.LockCardRequest;
import org.brexsync.brex.model.Money;
import org.brexsync.brex.model.OwnerType;
import org.brexsync.brex.model.SecureEmailRequest;
import org.brexsync.brex.model.SetUserLimitRequest;
import org.brexsync.brex.model.SpendControlRequest;
import org.brexsync.brex.model.SpendDuration;
import org.brexsync.brex.model.TerminateCardRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** One passing and one failing case per documented rule. */
class ValidationTest {

  static final Address US = Address.builder().line1("1725 Slough Avenue").line2("Suite 200")
      .city("Scranton").state("PA").country("US").postalCode("18505").build();

  static CreateCardRequest vendor() {
    return CreateCardRequest.builder().owner(CardOwner.user("cuuser_1"))
        .cardName("Vendor card").cardType(CardType.VIRTUAL).limitType(LimitType.CARD)
        .spendControls(SpendControlRequest.builder().spendLimit(Money.usd(1000))
            .spendDuration(SpendDuration.MONTHLY).build())
        .build();
  }

  static CreateCardRequest physical() {
    return CreateCardRequest.builder().owner(CardOwner.user("cuuser_1"))
        .cardName("Corporate").cardType(CardType.PHYSICAL).limitType(LimitType.USER)
        .mailingAddress(US).build();
  }

  static InviteUserRequest invite() {
    return InviteUserRequest.builder().firstName("Karen").lastName("Filippelli")
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
            () -> physical().withMailingAddress(US.withCountry("CA")),
            "mailing_address.country"),
        card("country code is US, not USA", ValidationTest::physical,
            () -> physical().withMailingAddress(US.withCountry("USA")),
            "mailing_address.country"),
        card("line1 present for shipping", ValidationTest::physical,
            () -> physical().withMailingAddress(US.withLine1(Optional.empty())),
            "mailing_address.line1"),
        card("line1 is not a PO box", ValidationTest::physical,
            () -> physical().withMailingAddress(US.withLine1("P.O. Box 123")),
            "mailing_address.line1"),
        card("line2 is not a PO box", ValidationTest::physical,
            () -> physical().withMailingAddress(US.withLine2("post office box 9")),
            "mailing_address.line2"),
        card("line1 under 60", () -> physical().withMailingAddress(
                US.withLine1("1".repeat(59))),
            () -> physical().withMailingAddress(US.withLine1("1".repeat(60))),
            "mailing_address.line1"),
        card("line2 under 60", () -> physical().withMailingAddress(
                US.withLine2("a".repeat(59))),
            () -> physical().withMailingAddress(US.withLine2("a".repeat(60))),
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
    Function<InviteUserRequest, InviteUserRequest> id = x -> x;
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
    SecureEmailRequest ok = SecureEmailRequest.builder()
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

  /** One required attribute of a request builder: its JSON name and how a caller sets it. */
  record Required<B>(String json, Consumer<B> set) {}

  static <B> Arguments builder(Class<?> type, Supplier<B> newBuilder, Function<B, ?> build,
      List<Required<B>> required) {
    return Arguments.of(type.getSimpleName(), type, newBuilder, build, required);
  }

  static <B> Required<B> req(String json, Consumer<B> set) {
    return new Required<>(json, set);
  }

  /** Every request builder whose required attributes BrexValidation relies on, in field order. */
  static Stream<Arguments> requestBuilders() {
    return Stream.of(
        builder(CreateCardRequest.class, CreateCardRequest::builder,
            CreateCardRequest.Builder::build,
            List.<Required<CreateCardRequest.Builder>>of(
                req("owner", b -> b.owner(CardOwner.user("cuuser_1"))),
                req("card_name", b -> b.cardName("Vendor card")),
                req("card_type", b -> b.cardType(CardType.VIRTUAL)),
                req("limit_type", b -> b.limitType(LimitType.USER)))),
        builder(InviteUserRequest.class, InviteUserRequest::builder,
            InviteUserRequest.Builder::build,
            List.<Required<InviteUserRequest.Builder>>of(
                req("first_name", b -> b.firstName("Karen")),
                req("last_name", b -> b.lastName("Filippelli")),
                req("email", b -> b.email("karen@dundermifflin.com")))),
        builder(SecureEmailRequest.class, SecureEmailRequest::builder,
            SecureEmailRequest.Builder::build,
            List.<Required<SecureEmailRequest.Builder>>of(
                req("recipient_email", b -> b.recipientEmail("v@example.com")),
                req("sender_name", b -> b.senderName("IT")))),
        builder(LockCardRequest.class, LockCardRequest::builder, LockCardRequest.Builder::build,
            List.<Required<LockCardRequest.Builder>>of(
                req("reason", b -> b.reason(ChangeCardReason.CARD_LOST)))),
        builder(TerminateCardRequest.class, TerminateCardRequest::builder,
            TerminateCardRequest.Builder::build,
            List.<Required<TerminateCardRequest.Builder>>of(
                req("reason", b -> b.reason(ChangeCardReason.CARD_LOST)))),
        builder(CreateDepartmentRequest.class, CreateDepartmentRequest::builder,
            CreateDepartmentRequest.Builder::build,
            List.<Required<CreateDepartmentRequest.Builder>>of(req("name", b -> b.name("IT")))),
        builder(CreateLocationRequest.class, CreateLocationRequest::builder,
            CreateLocationRequest.Builder::build,
            List.<Required<CreateLocationRequest.Builder>>of(req("name", b -> b.name("Scranton")))),
        builder(CreateTitleRequest.class, CreateTitleRequest::builder,
            CreateTitleRequest.Builder::build,
            List.<Required<CreateTitleRequest.Builder>>of(req("name", b -> b.name("Manager")))),
        builder(CardOwner.class, CardOwner::builder, CardOwner.Builder::build,
            List.<Required<CardOwner.Builder>>of(
                req("type", b -> b.type(OwnerType.USER)),
                req("user_id", b -> b.userId("cuuser_1")))),
        builder(SpendControlRequest.class, SpendControlRequest::builder,
            SpendControlRequest.Builder::build,
            List.<Required<SpendControlRequest.Builder>>of(
                req("spend_limit", b -> b.spendLimit(Money.usd(1000))),
                req("spend_duration", b -> b.spendDuration(SpendDuration.MONTHLY)))),
        builder(Money.class, Money::builder, Money.Builder::build,
            List.<Required<Money.Builder>>of(req("amount", b -> b.amount(700)))));
  }

  static <B> B fill(Supplier<B> newBuilder, List<Required<B>> required, Set<String> omit) {
    B b = newBuilder.get();
    required.stream().filter(r -> !omit.contains(r.json())).forEach(r -> r.set().accept(b));
    return b;
  }

  static List<Violation> missing(String... fields) {
    return Stream.of(fields).map(f -> new Violation(f, "is required")).toList();
  }

  @ParameterizedTest(name = "{0} without each required attribute")
  @MethodSource("requestBuilders")
  <B> void buildingWithoutARequiredAttributeNamesIt(String name, Class<?> type,
      Supplier<B> newBuilder, Function<B, ?> build, List<Required<B>> required) {
    assertThat(build.apply(fill(newBuilder, required, Set.of()))).as("complete").isInstanceOf(type);
    for (Required<B> r : required) {
      B b = fill(newBuilder, required, Set.of(r.json()));
      assertThatThrownBy(() -> build.apply(b)).as(r.json())
          .isInstanceOfSatisfying(BrexValidationException.class, e -> {
            assertThat(e.violations()).containsExactlyElementsOf(missing(r.json()));
            assertThat(e.getMessage()).isEqualTo(
                "Invalid " + name + " (1 problem): " + r.json() + ": is required");
          });
      r.set().accept(b);
      assertThat(build.apply(b)).as("same builder after setting " + r.json()).isInstanceOf(type);
    }
  }

  @ParameterizedTest(name = "{0} without two required attributes")
  @MethodSource("requestBuilders")
  <B> void buildingWithoutTwoRequiredAttributesNamesBoth(String name, Class<?> type,
      Supplier<B> newBuilder, Function<B, ?> build, List<Required<B>> required) {
    for (int i = 0; i < required.size(); i++) {
      for (int j = i + 1; j < required.size(); j++) {
        String a = required.get(i).json();
        String c = required.get(j).json();
        B b = fill(newBuilder, required, Set.of(a, c));
        assertThatThrownBy(() -> build.apply(b)).as(a + " and " + c)
            .isInstanceOfSatisfying(BrexValidationException.class,
                e -> assertThat(e.violations()).containsExactlyElementsOf(missing(a, c)));
      }
    }
  }

  @ParameterizedTest(name = "{0}: empty builder reports what JSON parsing reports")
  @MethodSource("requestBuilders")
  <B> void emptyBuilderReportsEveryRequiredAttributeLikeParse(String name, Class<?> type,
      Supplier<B> newBuilder, Function<B, ?> build, List<Required<B>> required) {
    // BrexValidation.parse derives "required" from the model's accessors; the builder must agree,
    // so a required attribute added later without a builder check fails here.
    List<Violation> fromJson = new java.util.ArrayList<>();
    try {
      BrexValidation.parse(BrexJson.shared().createObjectNode(), type);
    } catch (BrexValidationException e) {
      fromJson.addAll(e.violations());
    }
    assertThat(fromJson).isNotEmpty();
    assertThatThrownBy(() -> build.apply(newBuilder.get()))
        .isInstanceOfSatisfying(BrexValidationException.class, e -> {
          assertThat(e.violations()).containsExactlyInAnyOrderElementsOf(fromJson);
          assertThat(e.violations()).containsExactlyElementsOf(
              missing(required.stream().map(Required::json).toArray(String[]::new)));
        });
  }

  @Test
  void builderCopiesAndJsonDeserializationStillWork() {
    assertThat(CreateCardRequest.builder().from(vendor()).build()).isEqualTo(vendor());
    assertThat(BrexJson.shared().convertValue(BrexJson.toJsonTree(invite()),
        InviteUserRequest.class)).isEqualTo(invite());
    assertThat(LockCardRequest.of(ChangeCardReason.CARD_LOST).reason())
        .isEqualTo(ChangeCardReason.CARD_LOST);
  }

  @Test
  void missingAttributesAreReportedBeforeRulesOfThePresentOnes() {
    // The builder cannot run BrexValidation on a partial request: it reports the missing ones;
    // BrexValidation.validate(built) reports the rest once everything is set.
    CreateCardRequest.Builder b = CreateCardRequest.builder().owner(CardOwner.user("cuuser_1"))
        .cardName("Café");
    assertThatThrownBy(b::build).isInstanceOfSatisfying(BrexValidationException.class,
        e -> assertThat(e.violations())
            .containsExactlyElementsOf(missing("card_type", "limit_type")));
    CreateCardRequest built = b.cardType(CardType.VIRTUAL).limitType(LimitType.USER).build();
    assertThat(BrexValidation.validate(built)).extracting(Violation::field)
        .containsExactly("card_name");
  }

  @Test
  void validationMessagesListEveryViolation() {
    BrexValidationException e = new BrexValidationException("x",
        List.of(new Violation("a", "m1"), new Violation("b", "m2")));
    assertThat(e.getMessage()).contains("a: m1").contains("b: m2");
  }

  @ParameterizedTest
  @ValueSource(strings = {"XYZ", "ABC", "USX"})
  void aCurrencyMustBeAnIso4217Code(String code) {
    assertThat(BrexValidation.validate(vendor().withSpendControls(SpendControlRequest.builder()
        .spendLimit(Money.of(1000, code)).spendDuration(SpendDuration.MONTHLY).build())))
        .extracting(Violation::field).containsExactly("spend_controls.spend_limit.currency");
    assertThat(BrexValidation.validate(SetUserLimitRequest.of(Money.of(1000, code))))
        .extracting(Violation::field).containsExactly("monthly_limit.currency");
  }

  @ParameterizedTest
  @ValueSource(strings = {"USD", "EUR", "JPY", "CAD"})
  void realCurrencyCodesPass(String code) {
    assertThat(BrexValidation.validate(SetUserLimitRequest.of(Money.of(1000, code)))).isEmpty();
  }

  @Test
  void theClientRefusesAnUnknownCurrencyBeforeSending() {
    BrexClient client = BrexClient.builder().token("bxt_x").baseUri(java.net.URI.create("http://127.0.0.1:9"))
        .build();
    assertThatThrownBy(() -> client.users().setLimit("cuuser_1", SetUserLimitRequest.of(Money.of(5, "XYZ"))))
        .isInstanceOfSatisfying(BrexValidationException.class, e ->
            assertThat(e.violations()).extracting(Violation::field).containsExactly("monthly_limit.currency"));
  }

  @Test
  void aVirtualCardsMailingAddressMustAlsoBeInTheUsAndNoPoBox() {
    Address abroad = US.withCountry("CA").withLine1("PO Box 12");
    assertThat(BrexValidation.validate(vendor().withMailingAddress(abroad)))
        .extracting(Violation::field)
        .containsExactlyInAnyOrder("mailing_address.country", "mailing_address.line1");
    Address noCountry = Address.builder().line1("1725 Slough Avenue").build();
    assertThat(BrexValidation.validate(vendor().withMailingAddress(noCountry)))
        .extracting(Violation::field).containsExactly("mailing_address.country");
    assertThat(BrexValidation.validate(vendor().withMailingAddress(US))).isEmpty();
    // a virtual card needs no street: only a shipped card does
    assertThat(BrexValidation.validate(vendor().withMailingAddress(
        Address.builder().country("US").build()))).isEmpty();
  }
}
