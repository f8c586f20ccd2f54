package org.brexsync.brex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.brexsync.testkit.CountingHttpClient;
import org.junit.jupiter.api.Test;

class ClientBehaviourTest extends MockServerTestBase {

  @Test
  void oneClientIsSafeToShareAcrossThreads() throws Exception {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        String id = r.getUrl().pathSegments().get(2);
        return new MockResponse.Builder().code(200).body(Fixtures.USER_JIM.replace("cuuser_jim", id))
            .build();
      }
    });
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        String id = "cuuser_" + i;
        results.add(pool.submit(() -> client.users().get(id).id().equals(id)));
      }
      for (Future<Boolean> f : results) {
        assertThat(f.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(server.getRequestCount()).isEqualTo(200);
  }

  @Test
  void tokenProviderIsAskedForEveryAttemptSoTokensRotate() {
    AtomicInteger n = new AtomicInteger();
    client = clientBuilder().tokenProvider(() -> "bxt_rotated_" + n.incrementAndGet()).build();
    enqueue(503, "{}");
    enqueue(Fixtures.USER_JIM);
    enqueue(Fixtures.USER_JIM);
    client.users().get("u");
    client.users().get("u");
    assertThat(take().getHeaders().get("Authorization")).isEqualTo("Bearer bxt_rotated_1");
    assertThat(take().getHeaders().get("Authorization")).isEqualTo("Bearer bxt_rotated_2");
    assertThat(take().getHeaders().get("Authorization")).isEqualTo("Bearer bxt_rotated_3");
  }

  @Test
  void injectedHttpClientIsUsed() {
    CountingHttpClient injected = CountingHttpClient.of(HttpClient.newBuilder().build());
    client = clientBuilder().httpClient(injected).build();
    enqueue(Fixtures.USER_JIM);
    assertThat(client.users().get("u").id()).isEqualTo("cuuser_jim");
    // Every attempt goes through the injected client, not one the SDK builds for itself.
    assertThat(injected.sent()).isEqualTo(server.getRequestCount()).isEqualTo(1);
    assertThat(injected.lastRequest().orElseThrow().uri().getPath()).isEqualTo("/v2/users/u");
  }

  @Test
  void builderDefaultsAndChecks() {
    BrexClient prod = BrexClient.builder().token("bxt_x").build();
    assertThat(prod.baseUri()).isEqualTo(URI.create("https://platform.brexapis.com"));
    assertThat(prod.cardNumberBaseUri()).isEqualTo(prod.baseUri());
    assertThat(BrexClient.STAGING).isEqualTo(URI.create("https://platform.staging.brexapps.com"));
    assertThat(prod.rateLimiter().permits()).isEqualTo(1000);
    assertThatThrownBy(() -> BrexClient.builder().build()).isInstanceOf(BrexConfigurationException.class);
    assertThatThrownBy(() -> BrexClient.builder().token(" ")).isInstanceOf(BrexConfigurationException.class);
    assertThatThrownBy(() -> BrexClient.builder().token("t").baseUri(URI.create("ftp://x")).build())
        .isInstanceOf(BrexConfigurationException.class);
    assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void logsOneDebugLinePerAttemptAndWarnOnRetryWithoutBodies() {
    String logs = captureStderr(() -> {
      enqueue(503, "{\"type\":\"X\",\"message\":\"secret-ish body text\"}");
      enqueue(Fixtures.USER_KAREN);
      client.users().get("cuuser_1");
    });
    assertThat(logs).contains("DEBUG").contains("Brex GET /v2/users/cuuser_1 -> 503 (attempt 1")
        .contains("trace id trace-503")
        .contains("Brex GET /v2/users/cuuser_1 -> 200 (attempt 2").contains("trace id trace-200")
        .contains("WARN").contains("Retrying Brex GET /v2/users/cuuser_1 after HTTP 503");
    assertThat(logs).doesNotContain("kfilippelli").doesNotContain("secret-ish body text")
        .doesNotContain(Fixtures.TOKEN);
  }

  @Test
  void requestListenerSeesEveryAttempt() {
    List<RequestListener.Attempt> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    client = clientBuilder().requestListener(seen::add).build();
    enqueue(503, "{}");
    enqueue(Fixtures.USER_JIM);
    client.users().get("cuuser_jim");
    assertThat(seen).hasSize(2);
    assertThat(seen.get(0).status()).contains(503);
    assertThat(seen.get(0).willRetry()).isTrue();
    assertThat(seen.get(0).traceId()).contains("trace-503");
    assertThat(seen.get(1).status()).contains(200);
    assertThat(seen.get(1).attempt()).isEqualTo(2);
    assertThat(seen.get(1).path()).isEqualTo("/v2/users/cuuser_jim");
    assertThat(seen.get(1).willRetry()).isFalse();
  }

  @Test
  void failingListenerDoesNotBreakCalls() {
    client = clientBuilder().requestListener(a -> {
      throw new IllegalStateException("listener bug");
    }).build();
    enqueue(Fixtures.USER_JIM);
    assertThat(client.users().get("u").id()).isEqualTo("cuuser_jim");
  }

  static String captureStderr(Runnable r) {
    PrintStream old = System.err;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      r.run();
    } finally {
      System.setErr(old);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }
}
