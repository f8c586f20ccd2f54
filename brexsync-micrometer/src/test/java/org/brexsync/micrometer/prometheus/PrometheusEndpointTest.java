package org.brexsync.micrometer.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.brexsync.brex.BrexClient;
import org.brexsync.micrometer.BrexsyncObservations;
import org.brexsync.testkit.BrexSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /metrics} mounted on a JDK HttpServer serves brexsync's meters in Prometheus formats. */
class PrometheusEndpointTest {
  final PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  BrexSimulator brex;
  HttpServer server;
  URI metrics;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws IOException {
    brex = BrexSimulator.start();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/metrics", PrometheusEndpoint.of(prometheus));
    server.start();
    metrics = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/metrics");
  }

  @AfterEach
  void stop() {
    server.stop(0);
    brex.close();
  }

  HttpResponse<String> get(String method, String accept) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(metrics).method(method, HttpRequest.BodyPublishers.noBody());
    if (accept != null) {
      b.header("Accept", accept);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  void oneBrexCall() {
    BrexsyncObservations obs = BrexsyncObservations.of(prometheus);
    try (BrexClient c = BrexClient.builder().token(brex.token()).baseUri(brex.baseUri())
        .requestListener(obs.requestListener()).build()) {
      c.users().me();
    }
  }

  @Test
  void aScrapeIsThePrometheusTextFormatWithTheTimerOfEveryOperation() throws Exception {
    oneBrexCall();
    HttpResponse<String> r = get("GET", null);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).contains(PrometheusEndpoint.TEXT_004);
    assertThat(r.body())
        .contains("# TYPE brexsync_http_client_requests_seconds summary")
        .contains("brexsync_http_client_requests_seconds_count{error=\"none\",exception=\"none\",method=\"GET\","
            + "operation=\"GET /v2/users/me\",outcome=\"SUCCESS\",status=\"200\",system=\"brex\"} 1");
  }

  @Test
  void aScraperAskingForOpenMetricsGetsIt() throws Exception {
    oneBrexCall();
    HttpResponse<String> r = get("GET",
        "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5,*/*;q=0.1");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).contains(PrometheusEndpoint.OPENMETRICS_100);
    assertThat(r.body()).contains("brexsync_http_client_requests_seconds_count{").endsWith("# EOF\n");
  }

  @Test
  void headAnswersWithoutABodyAndOtherMethodsAreRefused() throws Exception {
    HttpResponse<String> head = get("HEAD", null);
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    HttpResponse<String> post = get("POST", null);
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.headers().firstValue("Allow")).contains("GET, HEAD");
  }

  @Test
  void theContentTypeFollowsTheAcceptHeader() {
    assertThat(PrometheusEndpoint.contentType(null)).isEqualTo(PrometheusEndpoint.TEXT_004);
    assertThat(PrometheusEndpoint.contentType("text/plain")).isEqualTo(PrometheusEndpoint.TEXT_004);
    assertThat(PrometheusEndpoint.contentType("Application/OpenMetrics-Text; version=1.0.0"))
        .isEqualTo(PrometheusEndpoint.OPENMETRICS_100);
    assertThat(PrometheusEndpoint.of(prometheus).scrape(null).contentType()).isEqualTo(PrometheusEndpoint.TEXT_004);
  }
}
