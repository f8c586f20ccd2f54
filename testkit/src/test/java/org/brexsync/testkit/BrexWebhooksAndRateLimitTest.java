package org.brexsync.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class BrexWebhooksAndRateLimitTest {

  /** A loopback receiver that hands each webhook (headers + body) to the test through a queue. */
  static final class Receiver implements AutoCloseable {
    final HttpServer server;
    final BlockingQueue<Map.Entry<Map<String, List<String>>, String>> received = new LinkedBlockingQueue<>();

    Receiver() throws Exception {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext("/hook", ex -> {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(Map.entry(Map.copyOf(ex.getRequestHeaders()), body));
        ex.sendResponseHeaders(204, -1);
        ex.close();
      });
      server.start();
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }

  static String header(Map<String, List<String>> h, String name) {
    return h.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
        .map(e -> e.getValue().get(0)).orElse(null);
  }

  static String hmac(String secret, String content) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret), "HmacSHA256"));
    return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void userStatusChangePostsSignedUserUpdatedToSubscribers() throws Exception {
    try (BrexSimulator brex = BrexSimulator.start(); Receiver rcv = new Receiver()) {
      Http http = Http.brex(brex);
      assertThat(http.post("/v1/webhooks", Http.obj("{'url':'" + rcv.url() + "','event_types':['USER_UPDATED']}")).status())
          .as("idempotency key is required").isEqualTo(400);
      Http.Resp sub = http.post("/v1/webhooks", Http.obj("{'url':'" + rcv.url() + "','event_types':['USER_UPDATED']}"),
          "Idempotency-Key", "sub-1");
      assertThat(sub.status()).isEqualTo(200);
      assertThat(sub.json().get("status").asText()).isEqualTo("ACTIVE");
      JsonNode secrets = http.get("/v1/webhooks/secrets").json();
      assertThat(secrets.isArray()).isTrue();
      String secret = secrets.get(0).get("secret").asText();

      String uid = brex.createUser("Kevin", "Malone", "kevin@acme.example").get("id").asText();
      http.put("/v2/users/" + uid, Http.obj("{'status':'DISABLED'}"));

      Map.Entry<Map<String, List<String>>, String> hook = rcv.received.poll(10, TimeUnit.SECONDS);
      assertThat(hook).isNotNull();
      JsonNode event = Http.MAPPER.readTree(hook.getValue());
      assertThat(event.get("event_type").asText()).isEqualTo("USER_UPDATED");
      assertThat(event.get("user_id").asText()).isEqualTo(uid);
      assertThat(event.get("updated_attributes").get(0).asText()).isEqualTo("STATUS");
      assertThat(event.get("company_id").asText()).isNotEmpty();
      String id = header(hook.getKey(), "Webhook-Id");
      String ts = header(hook.getKey(), "Webhook-Timestamp");
      String sig = header(hook.getKey(), "Webhook-Signature");
      assertThat(sig).isEqualTo("v1," + hmac(secret, id + "." + ts + "." + hook.getValue()));
    }
  }

  @Test
  void rotatedSecretSignsWithBothAndInactiveSubscriptionsGetNothing() throws Exception {
    try (BrexSimulator brex = BrexSimulator.start(); Receiver rcv = new Receiver()) {
      Http http = Http.brex(brex);
      String subId = http.post("/v1/webhooks", Http.obj("{'url':'" + rcv.url() + "','event_types':['USER_UPDATED']}"),
          "Idempotency-Key", "s").json().get("id").asText();
      String old = brex.webhookSecrets().get(0);
      String fresh = brex.rotateWebhookSecret();
      JsonNode secrets = http.get("/v1/webhooks/secrets").json();
      assertThat(secrets).hasSize(2);
      assertThat(secrets.get(1).get("status").asText()).isEqualTo("PENDING_REVOKE");
      String uid = brex.createUser("A", "B", "ab@acme.example").get("id").asText();
      brex.setUserStatus(uid, "DISABLED");
      var hook = rcv.received.poll(10, TimeUnit.SECONDS);
      String id = header(hook.getKey(), "Webhook-Id");
      String ts = header(hook.getKey(), "Webhook-Timestamp");
      String content = id + "." + ts + "." + hook.getValue();
      assertThat(header(hook.getKey(), "Webhook-Signature"))
          .isEqualTo("v1," + hmac(fresh, content) + " v1," + hmac(old, content));

      http.put("/v1/webhooks/" + subId, Http.obj("{'url':'" + rcv.url() + "','event_types':['USER_UPDATED'],'status':'INACTIVE'}"));
      brex.setUserStatus(uid, "ACTIVE");
      // Wait until the sender has attempted everything queued so far; only then can "nothing
      // arrived" mean "nothing was sent" rather than "not sent yet".
      assertThat(brex.awaitWebhooksIdle(Duration.ofSeconds(10))).as("webhook queue drained").isTrue();
      assertThat(rcv.received).isEmpty();
      assertThat(brex.webhookDeliveries()).hasSize(1);
      assertThat(http.get("/v1/webhooks/" + subId).json().get("status").asText()).isEqualTo("INACTIVE");
      assertThat(http.delete("/v1/webhooks/" + subId).status()).isEqualTo(200);
      assertThat(http.get("/v1/webhooks/" + subId).status()).isEqualTo(404);
    }
  }

  @Test
  void deliveriesToNonLoopbackUrlsAreRecordedButNotSent() throws Exception {
    try (BrexSimulator brex = BrexSimulator.start()) {
      Http http = Http.brex(brex);
      http.post("/v1/webhooks", Http.obj("{'url':'https://hooks.example.com/brex','event_types':['USER_UPDATED']}"),
          "Idempotency-Key", "ext");
      String uid = brex.createUser("A", "B", "ext@acme.example").get("id").asText();
      http.put("/v2/users/" + uid, Http.obj("{'status':'DISABLED','department_id':null}"));
      List<WebhookDelivery> ds = brex.awaitWebhookDeliveries(1, Duration.ofSeconds(10));
      assertThat(ds).hasSize(1);
      assertThat(ds.get(0).status()).isEmpty();
      assertThat(ds.get(0).error()).get().asString().contains("loopback");
      assertThat(ds.get(0).body()).contains("\"STATUS\"").contains(uid);
      assertThat(ds.get(0).signature()).startsWith("v1,");
      assertThat(ds.get(0).toString()).doesNotContain(ds.get(0).signature());
    }
  }

  @Test
  void rateLimitPerTokenAnswers429UntilTheWindowPasses() {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    try (BrexSimulator brex = BrexSimulator.builder().clock(clock).rateLimit(3, Duration.ofSeconds(60)).start()) {
      Http http = Http.brex(brex);
      for (int i = 0; i < 3; i++) {
        assertThat(http.get("/v2/users/me").status()).isEqualTo(200);
      }
      Http.Resp limited = http.get("/v2/users/me");
      assertThat(limited.status()).isEqualTo(429);
      assertThat(limited.header("Retry-After")).isEqualTo("60");
      assertThat(limited.header("X-Brex-Trace-Id")).isNotBlank();
      brex.addToken("bxt_second");
      assertThat(http.withAuth("Bearer bxt_second").get("/v2/users/me").status()).as("limit is per token").isEqualTo(200);
      clock.advance(Duration.ofSeconds(45));
      Http.Resp later = http.get("/v2/users/me");
      assertThat(later.status()).isEqualTo(429);
      assertThat(later.header("Retry-After")).isEqualTo("15");
      clock.advance(Duration.ofSeconds(15));
      assertThat(http.get("/v2/users/me").status()).isEqualTo(200);
    }
  }

  @Test
  void tokensExpireAfterInactivityOnTheInjectedClock() {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    try (BrexSimulator brex = BrexSimulator.builder().clock(clock).tokenExpiryAfterInactivity(Duration.ofDays(30)).start()) {
      Http http = Http.brex(brex);
      assertThat(http.get("/v2/users/me").status()).isEqualTo(200);
      clock.advance(Duration.ofDays(29));
      assertThat(http.get("/v2/users/me").status()).as("use keeps it alive").isEqualTo(200);
      clock.advance(Duration.ofDays(31));
      Http.Resp expired = http.get("/v2/users/me");
      assertThat(expired.status()).isEqualTo(403);
      assertThat(expired.json().get("message").asText()).isEqualTo("Expired token");
    }
  }

  @Test
  void retryAfterCanBeTurnedOff() {
    try (BrexSimulator brex = BrexSimulator.builder().rateLimit(1, Duration.ofHours(1)).sendRetryAfter(false).start()) {
      Http http = Http.brex(brex);
      http.get("/v2/users/me");
      Http.Resp limited = http.get("/v2/users/me");
      assertThat(limited.status()).isEqualTo(429);
      assertThat(limited.header("Retry-After")).isNull();
      assertThat(limited.json().get("type").asText()).isEqualTo("TOO_MANY_REQUESTS");
    }
  }
}
