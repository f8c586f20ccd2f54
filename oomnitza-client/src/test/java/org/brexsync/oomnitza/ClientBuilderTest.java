package org.brexsync.oomnitza;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import javax.net.ssl.SSLContext;
import org.brexsync.testkit.CountingHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientBuilderTest extends WireTestSupport {

  @ParameterizedTest
  @ValueSource(strings = {"http://acme.oomnitza.com", "ftp://acme.oomnitza.com", "https://acme.oomnitza.com?x=1",
      "https://user:pw@acme.oomnitza.com", "http://10.0.0.1:8080", "acme.oomnitza.com"})
  void refusesInsecureOrOddBaseUris(String uri) {
    assertThatThrownBy(() -> OomnitzaClient.builder().baseUri(uri).apiToken("t").build())
        .isInstanceOf(OomnitzaConfigurationException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://acme.oomnitza.com", "https://acme.oomnitza.com/", "http://localhost:8080",
      "http://127.0.0.1:9", "http://[::1]:9"})
  void acceptsHttpsAndLoopbackHttp(String uri) {
    OomnitzaClient c = OomnitzaClient.builder().baseUri(uri).apiToken("t").build();
    assertThat(c.baseUri().toString()).doesNotEndWith("/");
  }

  @Test
  void requiresBaseUriAndCredentials() {
    assertThatThrownBy(() -> OomnitzaClient.builder().apiToken("t").build())
        .isInstanceOf(OomnitzaConfigurationException.class);
    assertThatThrownBy(() -> OomnitzaClient.builder().baseUri("https://a.oomnitza.com").build())
        .isInstanceOf(OomnitzaConfigurationException.class);
    assertThatThrownBy(() -> OomnitzaClient.builder().apiToken(" ")).isInstanceOf(OomnitzaConfigurationException.class);
  }

  @Test
  void anHttpClientAndAnSslContextTogetherAreAmbiguous() throws Exception {
    assertThatThrownBy(() -> OomnitzaClient.builder().baseUri("https://a.oomnitza.com").apiToken("t")
        .httpClient(HttpClient.newHttpClient()).sslContext(SSLContext.getDefault()).build())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aBasePathPrefixIsKept() throws Exception {
    enqueueJson("[]");
    clientBuilder().baseUri(server.url("/proxy/oomnitza/").uri()).build().users().list().toList();
    assertThat(take().getTarget()).startsWith("/proxy/oomnitza/api/v3/users?");
  }

  @Test
  void anInjectedHttpClientIsUsed() throws Exception {
    enqueueJson("{}");
    CountingHttpClient injected = CountingHttpClient.of(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
    clientBuilder().httpClient(injected)
        .connectorSource("brexsync-test").userAgent("ua/1").build().verifyCredentials();
    var r = take();
    assertThat(r.getHeaders().get("X-Connector-Source")).isEqualTo("brexsync-test");
    assertThat(r.getHeaders().get("User-Agent")).isEqualTo("ua/1");
    // The request went through the injected client, not one the SDK built for itself.
    assertThat(injected.sent()).isEqualTo(server.getRequestCount()).isEqualTo(1);
    assertThat(injected.lastRequest().orElseThrow().uri().getPath()).isEqualTo("/api/v2/mappings");
  }

  @Test
  void perCallOptionsRefuseAuthenticationHeaders() {
    assertThatThrownBy(() -> RequestOptions.builder().putExtraHeaders("Authorization2", "x").build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void extraHeadersAndTimeoutOverridesAreSent() throws Exception {
    enqueueJson("{}");
    client().users().get("a", RequestOptions.builder().putExtraHeaders("X-Debug", "1")
        .timeout(java.time.Duration.ofSeconds(3)).build());
    assertThat(take().getHeaders().get("X-Debug")).isEqualTo("1");
  }

  @Test
  void externalAndFieldIdsAreValidated() {
    assertThatThrownBy(() -> ExternalId.of("{{email}}")).isInstanceOf(IllegalArgumentException.class);
    assertThat(FieldId.of("email")).isEqualTo(FieldId.EMAIL);
    assertThatThrownBy(() -> FieldId.of("E-MAIL")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void recordsAreImmutableAndDistinguishNullFromAbsent() {
    OomnitzaRecord r = OomnitzaRecord.builder().setNull("position").set("tags",
        new com.fasterxml.jackson.databind.ObjectMapper().createArrayNode().add("a")).build();
    assertThat(r.isNull("position")).isTrue();
    assertThat(r.has("email")).isFalse();
    ((com.fasterxml.jackson.databind.node.ArrayNode) r.get("tags").orElseThrow()).add("b");
    assertThat(r.get("tags").orElseThrow().size()).isEqualTo(1);
    assertThatThrownBy(() -> r.fields().put("x", null)).isInstanceOf(UnsupportedOperationException.class);
    OomnitzaUser u = OomnitzaUser.of(java.util.Map.of("role", new com.fasterxml.jackson.databind.node.TextNode("25"),
        "suspended", new com.fasterxml.jackson.databind.node.TextNode("true"),
        "change_date", new com.fasterxml.jackson.databind.node.TextNode("2026-01-02T03:04:05Z")));
    assertThat(u.role()).contains(25);
    assertThat(u.suspended()).contains(true);
    assertThat(u.changeDate()).hasValueSatisfying(i -> assertThat(i.toString()).isEqualTo("2026-01-02T03:04:05Z"));
  }

  @Test
  void plainHttpToARemoteHostSaysWhyAndHowATestRigOptsIn() {
    assertThatThrownBy(() -> OomnitzaClient.builder().baseUri("http://oomnitza-sim.internal:8080").apiToken("t").build())
        .isInstanceOf(OomnitzaConfigurationException.class)
        .hasMessageContaining("unencrypted").hasMessageContaining("allowPlainHttp(true)");
    OomnitzaClient rig = OomnitzaClient.builder().baseUri("http://oomnitza-sim.internal:8080").apiToken("t")
        .allowPlainHttp(true).build();
    assertThat(rig.baseUri().toString()).isEqualTo("http://oomnitza-sim.internal:8080");
  }

  @Test
  void userInfoInTheBaseUriIsRefusedWithoutEchoingIt() {
    assertThatThrownBy(() -> OomnitzaClient.builder().baseUri("https://svc:hunter2@acme.oomnitza.com")
        .apiToken("t").build())
        .isInstanceOf(OomnitzaConfigurationException.class).hasMessageNotContaining("hunter2");
  }
}
