package org.brexsync.oomnitza;

import org.brexsync.testkit.CountingHttpClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import mockwebserver3.RecordedRequest;
import org.brexsync.oomnitza.bulk.ConnectorRef;
import org.brexsync.oomnitza.saas.SaasAssignment;
import org.brexsync.oomnitza.saas.SaasUserQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every call takes the same per-call options: a timeout and headers, on every page of a list. */
class PerCallOptionsTest extends WireTestSupport {
  static final RequestOptions OPTIONS = RequestOptions.builder().timeout(Duration.ofSeconds(7))
      .putExtraHeaders("X-Request-Source", "hr-sync").build();

  static Arguments call(String name, String body, Consumer<OomnitzaClient> call) {
    return Arguments.of(name, body, call);
  }

  static Stream<Arguments> calls() {
    return Stream.of(
        call("verifyCredentials", "{}", c -> c.verifyCredentials(OPTIONS)),
        call("users.list", "[]", c -> c.users().list(ListQuery.all(), OPTIONS).toList()),
        call("users.get", "{\"username\":\"jdoe\"}", c -> c.users().get("jdoe", OPTIONS)),
        call("bulk.isCancelled", "{\"canceled\":false}", c -> c.bulk().isCancelled("p-1", OPTIONS)),
        call("bulk.finalizeRun", "{}", c -> c.bulk().finalizeRun("p-1", OPTIONS)),
        call("bulk.runLog", "{\"status\":\"done\"}", c -> c.bulk().runLog("p-1", OPTIONS)),
        call("bulk.runLogs", "[]", c -> c.bulk().runLogs(ConnectorRef.id(268), ListQuery.all(), OPTIONS).toList()),
        call("saas.list", "[]", c -> c.saasUsers().list(SaasUserQuery.builder().build(), OPTIONS).toList()),
        call("saas.listForSaas", "[]",
            c -> c.saasUsers().listForSaas("s1", SaasUserQuery.builder().build(), OPTIONS).toList()),
        call("saas.assign", "[]", c -> c.saasUsers().assign("s1", List.of(SaasAssignment.assign("u1")), OPTIONS)),
        call("saas.storeExternalId", "{}", c -> c.saasUsers().storeExternalId("s1", "u1", "cuuser_1", OPTIONS)),
        call("saas.activate", "[]", c -> c.saasUsers().activate(List.of("s1"), OPTIONS)),
        call("saas.deactivate", "[]", c -> c.saasUsers().deactivate(List.of("s1"), OPTIONS)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("calls")
  void everyCallSendsThePerCallHeadersAndTimeout(String name, String body, Consumer<OomnitzaClient> call)
      throws Exception {
    CountingHttpClient http = CountingHttpClient.of(java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build());
    enqueueJson(body);
    call.accept(clientBuilder().httpClient(http).build());
    RecordedRequest r = take();
    assertThat(r.getHeaders().get("X-Request-Source")).isEqualTo("hr-sync");
    assertThat(r.getHeaders().get("Authorization2")).isEqualTo(TOKEN);
    assertThat(timeouts(http)).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void headersTheClientSetsCannotBeSetPerCall() {
    for (String name : new String[] {"Authorization2", "X-CSRF-Token", "Host", "Content-Length", "User-Agent"}) {
      assertThatThrownBy(() -> RequestOptions.builder().putExtraHeaders(name, "x").build())
          .as(name).isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> RequestOptions.builder().putExtraHeaders("X-Ok", "a\r\nX-Injected: 1").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("X-Injected");
  }

  @Test
  void optionsToStringHidesHeaderValues() {
    assertThat(RequestOptions.builder().putExtraHeaders("X-Proxy-Auth", "s3cr3t").build().toString())
        .doesNotContain("s3cr3t");
  }

  /** The timeout each request sent through {@code http} was given. */
  static java.util.List<Duration> timeouts(CountingHttpClient http) {
    return http.recentRequests().stream().map(r -> r.timeout().orElseThrow()).toList();
  }
}
