package org.brexsync.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {
  static BrexSimulator brex;
  static Http http;

  @BeforeAll
  static void start() {
    brex = BrexSimulator.start();
    http = Http.brex(brex);
  }

  @AfterAll
  static void stop() {
    brex.close();
  }

  @BeforeEach
  void reset() {
    brex.reset();
  }

  private static ObjectNode card() {
    return Http.obj("{'owner':{'type':'USER','user_id':'" + brex.adminUserId() + "'},'card_name':'c',"
        + "'card_type':'VIRTUAL','limit_type':'USER'}");
  }

  @Test
  void failNextAnswersTheStatusWithABrexBodyThenRecovers() {
    brex.faults().failNext(2, 503);
    Http.Resp a = http.get("/v2/users/me");
    assertThat(a.status()).isEqualTo(503);
    assertThat(a.json().get("type").asText()).isEqualTo("SERVICE_UNAVAILABLE");
    assertThat(a.header("X-Brex-Trace-Id")).isNotBlank();
    assertThat(http.get("/v2/users/me").status()).isEqualTo(503);
    assertThat(http.get("/v2/users/me").status()).isEqualTo(200);
    assertThat(brex.faults().injectedCount()).isEqualTo(2);
  }

  @Test
  void burst429AnswersTooManyRequests() {
    brex.faults().burst429(1);
    Http.Resp r = http.get("/v2/users/me");
    assertThat(r.status()).isEqualTo(429);
    assertThat(r.header("Retry-After")).isEqualTo("1");
  }

  @Test
  void scopedFaultsOnlyHitTheirEndpoint() {
    brex.faults().on("POST", "/v2/cards").failNext(1, 500);
    assertThat(http.get("/v2/users/me").status()).isEqualTo(200);
    assertThat(http.post("/v2/cards", card(), "Idempotency-Key", "a").status()).isEqualTo(500);
    assertThat(http.post("/v2/cards", card(), "Idempotency-Key", "a").status()).isEqualTo(200);
  }

  @Test
  void resetBeforeProcessingIsAnIOExceptionAndChangesNothing() {
    brex.faults().on("POST", "/v2/cards").resetNext(1);
    assertThatThrownBy(() -> http.post("/v2/cards", card(), "Idempotency-Key", "r1"))
        .isInstanceOf(UncheckedIOException.class).hasCauseInstanceOf(IOException.class);
    assertThat(brex.cardsOf(brex.adminUserId())).isEmpty();
  }

  @Test
  void resetAfterProcessingAppliesTheChangeAndTheRetryWithTheSameKeyDoesNotDuplicate() {
    brex.faults().on("POST", "/v2/cards").resetAfterNext(1);
    assertThatThrownBy(() -> http.post("/v2/cards", card(), "Idempotency-Key", "r2"))
        .isInstanceOf(UncheckedIOException.class);
    assertThat(brex.cardsOf(brex.adminUserId())).hasSize(1);
    Http.Resp retry = http.post("/v2/cards", card(), "Idempotency-Key", "r2");
    assertThat(retry.status()).isEqualTo(200);
    assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(brex.cardsOf(brex.adminUserId())).hasSize(1);
    RecordedCall dropped = brex.requests().get(0);
    assertThat(dropped.status()).isZero();
    assertThat(dropped.fault()).contains("RESET_AFTER");
  }

  @Test
  void truncatedBodyIsAnIOException() {
    brex.faults().truncateNext(1);
    assertThatThrownBy(() -> http.get("/v2/users/me")).isInstanceOf(UncheckedIOException.class);
    assertThat(http.get("/v2/users/me").status()).isEqualTo(200);
  }

  @Test
  void malformedBodyIsCompleteButNotJson() {
    brex.faults().malformedNext(1);
    Http.Resp r = http.get("/v2/users/me");
    assertThat(r.status()).isEqualTo(200);
    assertThatThrownBy(r::json).isInstanceOf(UncheckedIOException.class);
  }

  @Test
  void slowBodyStillArrivesComplete() {
    brex.faults().slowBodyNext(1, java.time.Duration.ofMillis(50));
    Http.Resp r = http.get("/v2/users/me");
    assertThat(r.json().get("id").asText()).isEqualTo(brex.adminUserId());
  }

  @Test
  void errorRatesAreDeterministicForASeed() {
    List<Integer> first = statuses(7);
    List<Integer> second = statuses(7);
    assertThat(first).isEqualTo(second);
    assertThat(first).contains(200).containsAnyOf(500, 502, 503);
  }

  private static List<Integer> statuses(long seed) {
    brex.faults().clear().seed(seed).errorRate(0.3, 500, 502, 503);
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      out.add(http.get("/v2/users/me").status());
    }
    brex.faults().clear();
    return out;
  }

  @Test
  void latencyHoldsTheAnswerBackAndOnlyOnItsEndpoint() throws Exception {
    // No stopwatch: a latency far longer than the client's timeout must turn a loopback call that
    // takes milliseconds into a timeout, and a request to another endpoint must not wait at all.
    brex.faults().on("GET", "/v2/users/me").latency(Duration.ofMinutes(10));
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest me = HttpRequest.newBuilder(brex.baseUri().resolve("/v2/users/me"))
        .header("Authorization", "Bearer " + brex.token()).timeout(Duration.ofSeconds(1)).build();
    assertThatThrownBy(() -> client.send(me, HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(HttpTimeoutException.class);
    assertThat(http.get("/v2/company").status()).isEqualTo(200);
    assertThat(brex.faults().injectedCount()).as("latency is not counted as a fault").isZero();
  }

  @Test
  void resetsWorkOnFreshConnectionsToo() {
    brex.faults().resetNext(1);
    // A new Http is a new HttpClient: the reset hits the first request of a fresh connection.
    assertThatThrownBy(() -> new Http(brex.baseUri(), "Authorization", "Bearer " + brex.token())
        .post("/v2/users", Http.obj("{'first_name':'a','last_name':'b','email':'reset@acme.example'}")))
        .isInstanceOf(UncheckedIOException.class);
    RecordedCall dropped = brex.requests().get(0);
    assertThat(dropped.status()).isZero();
    assertThat(dropped.fault()).contains("RESET_BEFORE");
    assertThat(http.get("/v2/users?email=reset@acme.example").json().get("items")).isEmpty();
  }
}
