package org.brexsync.connector.oomnitza;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.brexsync.connector.port.BulkResult;
import org.brexsync.connector.port.BulkUpload;
import org.brexsync.oomnitza.FieldCatalog;
import org.brexsync.oomnitza.OomnitzaClient;
import org.brexsync.testkit.OomnitzaSimulator;
import org.junit.jupiter.api.Test;

/** Portions of one bulk run go out concurrently, each with its own answer, and the run ends once. */
class ConcurrentBulkUploadTest {

  @Test
  void twoPortionsOfOneRunAreInFlightAtOnceAndEachGetsItsOwnVerdicts() throws Exception {
    try (OomnitzaSimulator sim = OomnitzaSimulator.start()) {
      BothInFlight http = new BothInFlight(HttpClient.newHttpClient());
      OomnitzaClient client = OomnitzaClient.builder().baseUri(sim.baseUri()).apiToken(sim.apiToken()).httpClient(http).build();
      OomnitzaUserSink sink = OomnitzaUserSink.of(client, FieldCatalog.standardUsers());
      String run = java.util.UUID.randomUUID().toString();

      CompletableFuture<BulkResult> a = CompletableFuture.supplyAsync(() -> sink.bulkUpload(upload(run, "a", 3)));
      CompletableFuture<BulkResult> b = CompletableFuture.supplyAsync(() -> sink.bulkUpload(upload(run, "b", 2)));
      BulkResult ra = a.get(30, TimeUnit.SECONDS);
      BulkResult rb = b.get(30, TimeUnit.SECONDS);
      sink.finalizeBulk(run);

      assertThat(http.overlapped).as("the second portion was sent while the first was in flight").isTrue();
      assertThat(ra.size()).isEqualTo(3);
      assertThat(rb.size()).isEqualTo(2);
      for (int i = 0; i < 3; i++) {
        assertThat(ra.verdict(i)).isEqualTo(BulkResult.Verdict.ACCEPTED);
      }
      for (int i = 0; i < 2; i++) {
        assertThat(rb.verdict(i)).isEqualTo(BulkResult.Verdict.ACCEPTED);
      }
      assertThat(sim.userCount()).isEqualTo(5);
      assertThat(sim.run(run).get().path("status").asText()).isEqualTo("Completed");
    }
  }

  private static BulkUpload upload(String run, String prefix, int n) {
    List<ObjectNode> records = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      records.add(JsonNodeFactory.instance.objectNode().put("username", prefix + i).put("email", prefix + i + "@x.test")
          .put("first_name", "F").put("last_name", "L"));
    }
    return new BulkUpload(run, "concurrency", List.of("email"), records, false, false);
  }

  /** Holds each bulk POST until a second one is sent (or 10 s pass), and notes whether they overlapped. */
  static final class BothInFlight extends HttpClient {
    private final HttpClient delegate;
    private final CountDownLatch two = new CountDownLatch(2);
    private final java.util.concurrent.atomic.AtomicInteger metTheOther = new java.util.concurrent.atomic.AtomicInteger();
    volatile boolean overlapped;

    BothInFlight(HttpClient delegate) {
      this.delegate = delegate;
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException, InterruptedException {
      if (request.method().equals("POST") && request.uri().getPath().equals("/api/v3/bulk")) {
        two.countDown();
        // Both posts see each other only if the first is still waiting when the second comes.
        if (two.await(10, TimeUnit.SECONDS) && metTheOther.incrementAndGet() == 2) {
          overlapped = true;
        }
      }
      return delegate.send(request, handler);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
      return delegate.sendAsync(request, handler);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
        HttpResponse.PushPromiseHandler<T> push) {
      return delegate.sendAsync(request, handler, push);
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
      return delegate.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
      return delegate.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
      return delegate.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
      return delegate.proxy();
    }

    @Override
    public SSLContext sslContext() {
      return delegate.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
      return delegate.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
      return delegate.authenticator();
    }

    @Override
    public Version version() {
      return delegate.version();
    }

    @Override
    public Optional<Executor> executor() {
      return delegate.executor();
    }

    @Override
    public WebSocket.Builder newWebSocketBuilder() {
      return delegate.newWebSocketBuilder();
    }
  }
}
