package org.brexsync.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.brexsync.brex.BrexClient;
import org.brexsync.connector.Integration;
import org.brexsync.connector.mapping.Mapping;
import org.brexsync.connector.state.InMemorySyncStateStore;
import org.brexsync.connector.sync.SyncEngine;
import org.brexsync.oomnitza.OomnitzaClient;
import org.brexsync.testkit.Sandbox;
import org.junit.jupiter.api.Test;

/** The README's quick start runs as shown, and the README shows exactly what runs here. */
class ReadmeSnippetTest {
  static final String BEGIN = "// README:begin";
  static final String END = "// README:end";

  @Test
  void theQuickStartSyncsTheSandboxAndScrapesItsMeters() {
    // README:begin
    PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    BrexsyncObservations obs = BrexsyncObservations.of(prometheus);

    try (Sandbox sandbox = Sandbox.start(50);
        BrexClient brex = BrexClient.builder().baseUri(sandbox.brexUri()).token(sandbox.brexToken())
            .requestListener(obs.requestListener()).build();
        OomnitzaClient oomnitza = OomnitzaClient.builder().baseUri(sandbox.oomnitzaUri())
            .apiToken(sandbox.oomnitzaToken()).requestListener(obs.requestListener()).build()) {
      SyncEngine engine = SyncEngine.builder()
          .integration(Integration.builder().name("people").mapping(Mapping.standard(25)).build())
          .brexClient(brex).oomnitzaClient(oomnitza)
          .stateStore(InMemorySyncStateStore.create())
          .listener(obs.syncListener())
          .build();
      engine.run();
      System.out.println(prometheus.scrape());   // what GET /metrics answers
    }
    // README:end
    String scrape = prometheus.scrape();
    assertThat(scrape)
        .contains("brexsync_sync_run_seconds_count{dry_run=\"false\",error=\"none\",integration=\"people\","
            + "status=\"SUCCEEDED\"} 1")
        .contains("brexsync_sync_records_total{dry_run=\"false\",integration=\"people\",result=\"CREATE\"}")
        .contains("brexsync_sync_last_success_seconds{integration=\"people\"}")
        .contains("brexsync_http_client_requests_seconds_count{error=\"none\",exception=\"none\",method=\"GET\","
            + "operation=\"GET /v2/users\",outcome=\"SUCCESS\",status=\"200\",system=\"brex\"}");
  }

  @Test
  void theReadmeShowsExactlyTheCodeThatRuns() throws IOException {
    Path self = Path.of("src/test/java/org/brexsync/micrometer/ReadmeSnippetTest.java");
    List<String> source = Files.readAllLines(self, StandardCharsets.UTF_8);
    int from = indexOf(source, BEGIN, 1) + 1;
    int to = indexOf(source, END, 1);
    String indent = source.get(from).substring(0, source.get(from).indexOf(source.get(from).strip()));
    String code = source.subList(from, to).stream()
        .map(l -> l.startsWith(indent) ? l.substring(indent.length()) : l.strip())
        .collect(Collectors.joining("\n"));
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    assertThat(readme).contains("```java\n" + code + "\n```");
  }

  /** The line of the {@code skip}-th line that is {@code marker} alone. */
  static int indexOf(List<String> lines, String marker, int skip) {
    int seen = 0;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().equals(marker) && seen++ == skip - 1) {
        return i;
      }
    }
    throw new AssertionError(marker + " not found");
  }
}
