package org.brexsync.brex;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.brexsync.brex.model.*;
import org.brexsync.brex.webhook.*;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every model's JSON property names are exactly the properties of its spec schema (no invented,
 * misspelt or missing names), and every enum has exactly the spec's constants plus UNKNOWN.
 */
class ModelSpecTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Arguments> models() {
    Map<Class<?>, String> team = Map.ofEntries(
        Map.entry(User.class, "UserResponse"), Map.entry(UserLimit.class, "UserLimitResponse"),
        Map.entry(Card.class, "Card"), Map.entry(CardNumber.class, "CardNumberResponse"),
        Map.entry(SpendControl.class, "SpendControl"), Map.entry(Money.class, "Money"),
        Map.entry(Address.class, "Address"), Map.entry(CardExpiration.class, "CardExpiration"),
        Map.entry(CardOwner.class, "UserOwner"), Map.entry(Department.class, "DepartmentResponse"),
        Map.entry(Location.class, "LocationResponse"), Map.entry(Title.class, "TitleResponse"),
        Map.entry(Company.class, "CompanyResponse"),
        Map.entry(CreateCardRequest.class, "CreateCardRequest"),
        Map.entry(SpendControlRequest.class, "SpendControlRequest"),
        Map.entry(SpendControlUpdateRequest.class, "SpendControlUpdateRequest"),
        Map.entry(UpdateCardRequest.class, "UpdateCardRequest"),
        Map.entry(CardAttributePreferences.class, "CardAttributePreferences"),
        Map.entry(LockCardRequest.class, "LockCardRequest"),
        Map.entry(TerminateCardRequest.class, "TerminateCardRequest"),
        Map.entry(SecureEmailRequest.class, "SecureEmailForCardDetailsRequest"),
        Map.entry(InviteUserRequest.class, "CreateUserRequest"),
        Map.entry(UpdateUserRequest.class, "UpdateUserRequest"),
        Map.entry(SetUserLimitRequest.class, "SetUserLimitRequest"),
        Map.entry(CreateDepartmentRequest.class, "CreateDepartmentRequest"),
        Map.entry(CreateLocationRequest.class, "CreateLocationRequest"),
        Map.entry(CreateTitleRequest.class, "CreateTitleRequest"),
        Map.entry(UserStatus.class, "UserStatus"), Map.entry(UpdateUserStatus.class, "UpdateUserStatus"),
        Map.entry(CardStatus.class, "CardStatus"), Map.entry(CardType.class, "CardType"),
        Map.entry(LimitType.class, "LimitType"), Map.entry(OwnerType.class, "OwnerType"),
        Map.entry(ChangeCardReason.class, "ChangeCardReason"),
        Map.entry(SpendDuration.class, "SpendDuration"),
        Map.entry(ThreeDomainSecureEnabledPreference.class, "ThreeDomainSecureEnabledPreference"),
        Map.entry(AccountType.class, "AccountType"),
        Map.entry(LegalEntity.class, "LegalEntity"),
        Map.entry(LegalEntityStatus.class, "LegalEntityStatus"));
    Map<Class<?>, String> hooks = Map.ofEntries(
        Map.entry(WebhookSubscription.class, "WebhookSubscription"),
        Map.entry(CreateWebhookSubscriptionRequest.class, "CreateWebhookSubscriptionRequest"),
        Map.entry(UpdateWebhookSubscriptionRequest.class, "UpdateWebhookSubscriptionRequest"),
        Map.entry(WebhookSecret.class, "WebhookSecret"),
        Map.entry(UserUpdatedEvent.class, "UserUpdatedEvent"),
        Map.entry(WebhookEventType.class, "WebhookEventType"),
        Map.entry(WebhookSubscriptionStatus.class, "WebhookSubscriptionStatus"),
        Map.entry(UpdateWebhookSubscriptionStatus.class, "UpdateWebhookSubscriptionStatus"),
        Map.entry(WebhookSecretStatus.class, "WebhookSecretStatus"),
        Map.entry(UserAttribute.class, "UserAttributes"));
    List<Arguments> out = new ArrayList<>();
    team.forEach((c, s) -> out.add(Arguments.of(c.getSimpleName(), c, Specs.TEAM, s)));
    hooks.forEach((c, s) -> out.add(Arguments.of(c.getSimpleName(), c, Specs.WEBHOOKS, s)));
    return out.stream();
  }

  @ParameterizedTest(name = "{0} = {3}")
  @MethodSource("models")
  void modelMatchesSpecSchema(String name, Class<?> type, String file, String schemaName)
      throws Exception {
    JsonNode spec = Specs.brex(file);
    JsonNode schema = spec.path("components").path("schemas").path(schemaName);
    assertThat(schema.isMissingNode()).as("schema %s exists", schemaName).isFalse();
    if (type.isEnum()) {
      Set<String> ours = new TreeSet<>();
      Arrays.stream(type.getEnumConstants()).map(e -> ((Enum<?>) e).name())
          .filter(n -> !n.equals("UNKNOWN")).forEach(ours::add);
      Set<String> theirs = new TreeSet<>();
      schema.path("enum").forEach(n -> theirs.add(n.asText()));
      assertThat(ours).isEqualTo(theirs);
      return;
    }
    Set<String> ours = new TreeSet<>();
    for (Method m : type.getDeclaredMethods()) {
      JsonProperty p = m.getAnnotation(JsonProperty.class);
      if (p != null) {
        ours.add(p.value());
      }
    }
    Set<String> theirs = new TreeSet<>();
    collect(spec, schema, theirs, new HashSet<>());
    assertThat(ours).isEqualTo(theirs);
  }

  private static void collect(JsonNode spec, JsonNode s, Set<String> names, Set<String> seen) {
    if (s.has("$ref")) {
      String ref = s.get("$ref").asText();
      if (seen.add(ref)) {
        collect(spec, spec.at(ref.substring(1)), names, seen);
      }
      return;
    }
    s.path("properties").fieldNames().forEachRemaining(names::add);
    for (String k : List.of("allOf", "oneOf")) {
      s.path(k).forEach(sub -> collect(spec, sub, names, seen));
    }
  }
}
