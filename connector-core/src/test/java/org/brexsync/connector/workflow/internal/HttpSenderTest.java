package org.brexsync.connector.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The workflow sender never lets a credential out: not in an exception, a log line or an answer. */
class HttpSenderTest {
  static final String TOKEN = "opaque-credential-7f3a9b2c";

  HttpServer server;
  final AtomicInteger requests = new AtomicInteger();
  URI base;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", ex -> {
      requests.incrementAndGet();
      // a hostile or confused server that echoes what it was sent
      byte[] body = ("{\"message\":\"you sent " + ex.getRequestHeaders().getFirst("Authorization") + "\"}")
          .getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(401, body.length);
      try (OutputStream os = ex.getResponseBody()) {
        os.write(body);
      }
    });
    server.start();
    base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  HttpSender sender() {
    return new HttpSender(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), d -> { }, 1,
        Duration.ofMillis(1), Duration.ofSeconds(5));
  }

  @ParameterizedTest
  @ValueSource(strings = {"\n", "\r\nX-Injected: 1", "\u0000"})
  void aCredentialThatCannotBeAHeaderIsATypedErrorNamingTheHeaderNotTheValue(String tail) {
    assertThatThrownBy(() -> sender().send("GET", base.resolve("/v2/users/me"),
        Map.of("Authorization", "Bearer " + TOKEN + tail), Optional.empty()))
        .isInstanceOf(HttpSender.SendException.class)
        .hasMessageContaining("GET /v2/users/me was not sent").hasMessageContaining("Authorization")
        .hasMessageNotContaining(TOKEN).hasMessageNotContaining("X-Injected")
        .satisfies(e -> assertThat(e.getCause()).isNull());
    assertThat(requests).hasValue(0);
  }

  @Test
  void anotherHeaderThatCannotBeBuiltIsATypedErrorToo() {
    assertThatThrownBy(() -> sender().send("GET", base.resolve("/x"),
        Map.of("X-Note", "line1\nline2", "Authorization", "Bearer " + TOKEN), Optional.empty()))
        .isInstanceOf(HttpSender.SendException.class).hasMessageContaining("X-Note")
        .hasMessageNotContaining(TOKEN).hasMessageNotContaining("line2");
  }

  @Test
  void theRequestsOwnCredentialIsScrubbedFromTheAnswer() {
    HttpSender.Answer a = sender().send("GET", base.resolve("/v2/users/me"),
        Map.of("Authorization", "Bearer " + TOKEN), Optional.empty());
    assertThat(a.status()).isEqualTo(401);
    assertThat(a.body().orElseThrow().toString()).contains("you sent").doesNotContain(TOKEN);
  }
}
