package org.brexsync.examples.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.brexsync.testkit.Sandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the example application on a random loopback port and reads its endpoints over HTTP. */
class BrexsyncExampleApplicationTest {
  private static ConfigurableApplicationContext app;
  private static URI base;
  private static Sandbox sandbox;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @BeforeAll
  static void start() {
    app = BrexsyncExampleApplication.start("--server.port=0", "--brexsync.example.sandbox-users=60",
        // shown here to prove the tokens are masked even where values are shown
        "--management.endpoints.web.exposure.include=health,prometheus,configprops,env",
        "--management.endpoint.configprops.show-values=always", "--management.endpoint.env.show-values=always");
    base = URI.create("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port"));
    sandbox = app.getBean(SandboxInitializer.NAME, Sandbox.class);
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void healthShowsTheSyncOfTheSandboxAndBothSystemsReachable() throws Exception {
    HttpResponse<String> r = get("/actuator/health");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode brexsync = new ObjectMapper().readTree(r.body()).path("components").path("brexsync");
    assertThat(brexsync.path("status").asText()).isEqualTo("UP");
    JsonNode details = brexsync.path("details");
    assertThat(details.path("lastRun").path("integration").asText()).isEqualTo("brex-people");
    assertThat(details.path("lastRun").path("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(details.path("lastRun").path("create").asLong() + details.path("lastRun").path("update").asLong()).isPositive();
    assertThat(details.path("lastSuccess").path("age").asText()).startsWith("PT");
    assertThat(details.path("nextRunAt").asText()).isNotEmpty();
    assertThat(details.path("brex").path("reachable").asBoolean()).isTrue();
    assertThat(details.path("oomnitza").path("reachable").asBoolean()).isTrue();
    assertThat(r.body()).doesNotContain(sandbox.brexToken(), sandbox.oomnitzaToken());
  }

  @Test
  void prometheusServesTheRunAndEveryHttpCall() throws Exception {
    HttpResponse<String> r = get("/actuator/prometheus");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body())
        .containsPattern("brexsync_sync_run_seconds_count\\{[^}]*integration=\"brex-people\"[^}]*status=\"SUCCEEDED\"[^}]*} 1")
        .containsPattern("brexsync_sync_records_total\\{[^}]*result=\"CREATE\"[^}]*} [1-9]")
        .containsPattern("brexsync_http_client_requests_seconds_count\\{[^}]*operation=\"GET /v2/users\"[^}]*system=\"brex\"[^}]*} [1-9]")
        .containsPattern("brexsync_http_client_requests_seconds_count\\{[^}]*system=\"oomnitza\"[^}]*} [1-9]")
        .contains("brexsync_sync_last_success_seconds{integration=\"brex-people\"");
  }

  @Test
  void tokensAreMaskedEvenWhereActuatorShowsValues() throws Exception {
    String configprops = get("/actuator/configprops").body();
    String env = get("/actuator/env").body();
    assertThat(configprops).contains("\"token\":\"******\"").contains(sandbox.brexUri().toString());
    assertThat(env).contains("brexsync.brex.token").contains(sandbox.brexUri().toString());
    assertThat(configprops + env).doesNotContain(sandbox.brexToken(), sandbox.oomnitzaToken());
  }
}
