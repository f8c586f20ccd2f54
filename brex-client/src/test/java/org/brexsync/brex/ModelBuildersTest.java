package org.brexsync.brex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Optional;
import org.brexsync.brex.model.Card;
import org.brexsync.brex.model.User;
import org.brexsync.brex.model.UserStatus;
import org.brexsync.brex.webhook.WebhookSecret;
import org.junit.jupiter.api.Test;

/**
 * The builders and copies users name: {@code X.builder()} returns {@code X.Builder}, whose
 * {@code build()} returns {@code X} and reports every unset required attribute by its JSON name in
 * one {@link BrexValidationException}, for response models as for requests; {@code x.withY(..)}
 * and {@code X.builder().from(x)} copy.
 */
class ModelBuildersTest {
  private static final User PAM = User.builder().id("cuuser_1").firstName("Pam").lastName("Beesly")
      .email("pam@example.com").build();

  @Test
  void aResponseModelBuilderNamesEveryUnsetRequiredAttributeByItsJsonName() {
    BrexValidationException e = catchThrowableOfType(BrexValidationException.class,
        () -> User.builder().id("cuuser_1").build());

    assertThat(e.violations()).extracting(Violation::toString)
        .containsExactly("first_name: is required", "last_name: is required", "email: is required");
    assertThat(e.status()).isZero();
  }

  @Test
  void everyBrexBuilderReportsMissingAttributesTheSameWay() {
    assertThat(catchThrowableOfType(BrexValidationException.class, () -> Card.builder().build()).violations())
        .extracting(Violation::field).contains("id", "card_name");
    assertThat(catchThrowableOfType(BrexValidationException.class, () -> WebhookSecret.builder().build())
        .violations()).isNotEmpty();
  }

  @Test
  void copiesAreValuesOfThePublicType() {
    User.Builder builder = User.builder().from(PAM);
    User halpert = PAM.withLastName("Halpert").withStatus(UserStatus.ACTIVE);

    assertThat(builder.build()).isEqualTo(PAM);
    assertThat(halpert.lastName()).isEqualTo("Halpert");
    assertThat(halpert.status()).contains(UserStatus.ACTIVE);
    assertThat(halpert.withStatus(Optional.empty())).isEqualTo(PAM.withLastName("Halpert"));
    assertThat(PAM.lastName()).isEqualTo("Beesly");
  }
}
