package org.brexsync.brex;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A MockWebServer per test and a client whose back-off waits are recorded, not slept. */
abstract class MockServerTestBase {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String USER_AGENT = "brexsync-test/1.0";

  MockWebServer server;
  BrexClient client;
  final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startServer() throws IOException {
    server = new MockWebServer();
    server.start();
    client = clientBuilder().build();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  BrexClient.Builder clientBuilder() {
    return BrexClient.builder()
        .token(Fixtures.TOKEN)
        .baseUri(server.url("/").uri())
        .userAgent(USER_AGENT)
        .sleeper(sleeps::add)
        .requestTimeout(Duration.ofSeconds(5))
        .retryPolicy(RetryPolicy.builder().jitter(() -> 1.0).build());
  }

  void enqueue(int code, String body) {
    server.enqueue(new MockResponse.Builder().code(code)
        .addHeader("Content-Type", "application/json")
        .addHeader("X-Brex-Trace-Id", "trace-" + code)
        .body(body).build());
  }

  void enqueue(String body) {
    enqueue(200, body);
  }

  RecordedRequest take() {
    try {
      RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
      assertThat(r).as("request reached the server").isNotNull();
      return r;
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  static JsonNode json(String s) {
    try {
      return JSON.readTree(s);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  static String body(RecordedRequest r) {
    return r.getBody() == null ? "" : r.getBody().utf8();
  }

  /** Asserts the common headers of every request. */
  static void assertCommonHeaders(RecordedRequest r) {
    assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer " + Fixtures.TOKEN);
    assertThat(r.getHeaders().get("User-Agent")).isEqualTo(USER_AGENT);
    assertThat(r.getHeaders().get("Accept")).isEqualTo("application/json");
  }

  /** A GET: no body, no Content-Type, no Idempotency-Key. */
  static void assertRead(RecordedRequest r, String target) {
    assertThat(r.getMethod()).isEqualTo("GET");
    assertThat(r.getTarget()).isEqualTo(target);
    assertCommonHeaders(r);
    assertThat(r.getHeaders().get("Idempotency-Key")).isNull();
    assertThat(r.getBodySize()).isZero();
  }

  /** A write with an exact JSON body and a generated or given Idempotency-Key. */
  static String assertWrite(RecordedRequest r, String method, String target, String expectedJson) {
    assertThat(r.getMethod()).isEqualTo(method);
    assertThat(r.getTarget()).isEqualTo(target);
    assertCommonHeaders(r);
    String key = r.getHeaders().get("Idempotency-Key");
    assertThat(key).as("Idempotency-Key").isNotBlank();
    if (expectedJson == null) {
      assertThat(r.getBodySize()).isZero();
      assertThat(r.getHeaders().get("Content-Type")).isNull();
    } else {
      assertThat(r.getHeaders().get("Content-Type")).isEqualTo("application/json");
      assertThat(json(body(r))).isEqualTo(json(expectedJson));
    }
    return key;
  }
}
