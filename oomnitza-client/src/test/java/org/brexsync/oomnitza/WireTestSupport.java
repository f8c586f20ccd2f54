package org.brexsync.oomnitza;

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

/** A MockWebServer on loopback plus a client whose retries sleep instantly and are recorded. */
abstract class WireTestSupport {
  static final String TOKEN = "tok-SECRET-4f2a9c";

  MockWebServer server;
  final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startServer() throws IOException {
    server = new MockWebServer();
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  OomnitzaClient.Builder clientBuilder() {
    return OomnitzaClient.builder()
        .baseUri(server.url("/").uri())
        .apiToken(TOKEN)
        .sleeper(sleeps::add)
        .jitterSource(() -> 0.0)
        .requestTimeout(Duration.ofSeconds(10));
  }

  OomnitzaClient client() {
    return clientBuilder().build();
  }

  void enqueueJson(int code, String body) {
    server.enqueue(new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build());
  }

  void enqueueJson(String body) {
    enqueueJson(200, body);
  }

  RecordedRequest take() throws InterruptedException {
    RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
    if (r == null) {
      throw new AssertionError("no request arrived");
    }
    return r;
  }

  static String body(RecordedRequest r) {
    return r.getBody() == null ? "" : r.getBody().utf8();
  }
}
