package org.brexsync.brex.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.brexsync.brex.BrexResponseException;
import org.junit.jupiter.api.Test;

class WebhookVerifierTest {
  static final String SECRET_OLD = Base64.getEncoder()
      .encodeToString("old-secret-key-material-0123456".getBytes(StandardCharsets.UTF_8));
  static final String SECRET_NEW = Base64.getEncoder()
      .encodeToString("new-secret-key-material-6543210".getBytes(StandardCharsets.UTF_8));
  static final long NOW = 1_790_000_000L;
  static final String ID = "msg_2Lbc1XyZ";
  static final String BODY = """
      {"event_type":"USER_UPDATED","user_id":"cuuser_1","company_id":"cucompany_1",
       "updated_attributes":["STATUS","MANAGER_ID"]}""";

  static WebhookVerifier verifier(String... secrets) {
    return WebhookVerifier.builder().secretStrings(List.of(secrets))
        .clock(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC)).build();
  }

  static String sig(String secret, long ts, String body) {
    return WebhookVerifier.sign(secret, ID, ts, body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void acceptsValidSignature() {
    verifier(SECRET_OLD).verify(ID, String.valueOf(NOW), sig(SECRET_OLD, NOW, BODY), BODY);
  }

  @Test
  void matchesIndependentlyComputedHmac() throws Exception {
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(new javax.crypto.spec.SecretKeySpec(Base64.getDecoder().decode(SECRET_OLD), "HmacSHA256"));
    String expected = Base64.getEncoder().encodeToString(
        mac.doFinal((ID + "." + NOW + "." + BODY).getBytes(StandardCharsets.UTF_8)));
    assertThat(sig(SECRET_OLD, NOW, BODY)).isEqualTo("v1," + expected);
  }

  @Test
  void acceptsWhsecPrefixedSecret() {
    verifier("whsec_" + SECRET_OLD).verify(ID, String.valueOf(NOW), sig(SECRET_OLD, NOW, BODY), BODY);
  }

  @Test
  void rejectsTamperedBody() {
    String sig = sig(SECRET_OLD, NOW, BODY);
    assertThatThrownBy(() -> verifier(SECRET_OLD).verify(ID, String.valueOf(NOW), sig,
        BODY.replace("STATUS", "LOCATION_ID")))
        .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("does not match");
  }

  @Test
  void rejectsTamperedIdOrTimestampBinding() {
    String sig = sig(SECRET_OLD, NOW, BODY);
    assertThatThrownBy(() -> verifier(SECRET_OLD).verify("msg_other", String.valueOf(NOW), sig, BODY))
        .isInstanceOf(WebhookVerificationException.class);
    assertThatThrownBy(() -> verifier(SECRET_OLD).verify(ID, String.valueOf(NOW - 1), sig, BODY))
        .isInstanceOf(WebhookVerificationException.class);
  }

  @Test
  void rejectsStaleAndFutureTimestamps() {
    long stale = NOW - 301;
    assertThatThrownBy(() -> verifier(SECRET_OLD)
        .verify(ID, String.valueOf(stale), sig(SECRET_OLD, stale, BODY), BODY))
        .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("tolerance");
    long future = NOW + 301;
    assertThatThrownBy(() -> verifier(SECRET_OLD)
        .verify(ID, String.valueOf(future), sig(SECRET_OLD, future, BODY), BODY))
        .isInstanceOf(WebhookVerificationException.class);
    long edge = NOW - 300;
    verifier(SECRET_OLD).verify(ID, String.valueOf(edge), sig(SECRET_OLD, edge, BODY), BODY);
  }

  @Test
  void rotationTwoSignaturesInHeaderAndTwoSecrets() {
    String header = sig(SECRET_NEW, NOW, BODY) + " " + sig(SECRET_OLD, NOW, BODY);
    verifier(SECRET_OLD).verify(ID, String.valueOf(NOW), header, BODY);
    verifier(SECRET_NEW).verify(ID, String.valueOf(NOW), header, BODY);
    // Receiver already holds both secrets, Brex still signs with the old one only.
    verifier(SECRET_NEW, SECRET_OLD).verify(ID, String.valueOf(NOW), sig(SECRET_OLD, NOW, BODY), BODY);
    String unknown = Base64.getEncoder().encodeToString("a-third-secret".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> verifier(unknown).verify(ID, String.valueOf(NOW), header, BODY))
        .isInstanceOf(WebhookVerificationException.class);
  }

  @Test
  void ignoresOtherVersionsAndRequiresHeaders() {
    String v2only = "v2," + sig(SECRET_OLD, NOW, BODY).substring(3);
    assertThatThrownBy(() -> verifier(SECRET_OLD).verify(ID, String.valueOf(NOW), v2only, BODY))
        .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("No v1");
    assertThatThrownBy(() -> verifier(SECRET_OLD).verify(ID, null, sig(SECRET_OLD, NOW, BODY), BODY))
        .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("Missing");
    assertThatThrownBy(() -> verifier(SECRET_OLD).verify(ID, "yesterday", sig(SECRET_OLD, NOW, BODY), BODY))
        .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("Malformed");
  }

  @Test
  void verifiesFromCaseInsensitiveHeaderMap() {
    Map<String, List<String>> headers = Map.of(
        "webhook-id", List.of(ID),
        "WEBHOOK-TIMESTAMP", List.of(String.valueOf(NOW)),
        "Webhook-Signature", List.of(sig(SECRET_OLD, NOW, BODY)));
    assertThat(verifier(SECRET_OLD).isValid(headers, BODY.getBytes(StandardCharsets.UTF_8))).isTrue();
    assertThat(verifier(SECRET_OLD).isValid(headers, "{}".getBytes(StandardCharsets.UTF_8))).isFalse();
  }

  @Test
  void secretsNeverInToStringOrErrors() {
    WebhookVerifier v = verifier(SECRET_OLD);
    assertThat(v.toString()).doesNotContain(SECRET_OLD);
    assertThatThrownBy(() -> WebhookVerifier.builder().secret("not base64 !!").build())
        .isInstanceOf(IllegalArgumentException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("not base64 !!"));
  }

  @Test
  void parsesUserUpdatedEvent() {
    UserUpdatedEvent e = WebhookEvents.parseUserUpdated(BODY);
    assertThat(e.eventType()).isEqualTo(WebhookEventType.USER_UPDATED);
    assertThat(e.userId()).isEqualTo("cuuser_1");
    assertThat(e.companyId()).isEqualTo("cucompany_1");
    assertThat(e.updatedAttributes()).containsExactly(UserAttribute.STATUS, UserAttribute.MANAGER_ID);
  }

  @Test
  void unknownAttributesAndEventTypesAreTolerated() {
    UserUpdatedEvent e = WebhookEvents.parseUserUpdated(BODY.replace("MANAGER_ID", "TITLE_ID"));
    assertThat(e.updatedAttributes()).containsExactly(UserAttribute.STATUS, UserAttribute.UNKNOWN);
    assertThat(WebhookEvents.eventType("{\"event_type\":\"CARD_CREATED\"}".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(WebhookEventType.UNKNOWN);
  }

  @Test
  void wrongOrMalformedPayloadsGiveBrexResponseException() {
    assertThatThrownBy(() -> WebhookEvents.parseUserUpdated("{\"event_type\":\"TRANSFER_FAILED\"}"))
        .isInstanceOf(BrexResponseException.class).hasMessageContaining("TRANSFER_FAILED");
    assertThatThrownBy(() -> WebhookEvents.parseUserUpdated("{not json"))
        .isInstanceOf(BrexResponseException.class);
    assertThatThrownBy(() -> WebhookEvents.parseUserUpdated("{\"event_type\":\"USER_UPDATED\"}"))
        .isInstanceOf(BrexResponseException.class);
  }
}
