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
import org.brexsync.connector.fakes.OverlapProbe;
import org.brexsync.testkit.OomnitzaSimulator;
import org.junit.jupiter.api.Test;

/** Portions of one bulk run go out concurrently, each with its own answer, and the run ends once. */
class ConcurrentBulkUploadTest {

  @Test
  void twoPortionsOfOneRunAreInFlightAtOnceAndEachGetsItsOwnVerdicts() throws Exception {
    try (OomnitzaSimulator sim = OomnitzaSimulator.start()) {
      OverlapProbe http = new OverlapProbe(HttpClient.newHttpClient(), "POST", "/api/v3/bulk");
      OomnitzaClient client = OomnitzaClient.builder().baseUri(sim.baseUri()).apiToken(sim.apiToken()).httpClient(http).build();
      OomnitzaUserSink sink = OomnitzaUserSink.of(client, FieldCatalog.standardUsers());
      String run = java.util.UUID.randomUUID().toString();

      CompletableFuture<BulkResult> a = CompletableFuture.supplyAsync(() -> sink.bulkUpload(upload(run, "a", 3)));
      CompletableFuture<BulkResult> b = CompletableFuture.supplyAsync(() -> sink.bulkUpload(upload(run, "b", 2)));
      BulkResult ra = a.get(30, TimeUnit.SECONDS);
      BulkResult rb = b.get(30, TimeUnit.SECONDS);
      sink.finalizeBulk(run);

      assertThat(http.overlapped()).as("the second portion was sent while the first was in flight").isTrue();
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
}
