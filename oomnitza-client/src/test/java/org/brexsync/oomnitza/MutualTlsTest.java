package org.brexsync.oomnitza;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client certificate given through {@code sslContext} is presented to a server that requires one. */
class MutualTlsTest {
  private static final char[] PASSWORD = "changeit".toCharArray();

  private MockWebServer server;

  private static KeyStore load(String name) throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = MutualTlsTest.class.getResourceAsStream("/tls/" + name)) {
      ks.load(in, PASSWORD);
    }
    return ks;
  }

  private static SSLContext context(String keys, String trust) throws Exception {
    KeyManagerFactory kmf = null;
    if (keys != null) {
      kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(load(keys), PASSWORD);
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(load(trust));
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
    return ctx;
  }

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.useHttps(context("server.p12", "server-trust.p12").getSocketFactory());
    server.requireClientAuth();
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private OomnitzaClient.Builder builder() {
    return OomnitzaClient.builder()
        .baseUri("https://localhost:" + server.getPort())
        .apiToken("t-mtls")
        .retryPolicy(RetryPolicy.none());
  }

  @Test
  void theClientCertificateIsPresented() throws Exception {
    server.enqueue(new MockResponse.Builder().body("{}").build());
    builder().sslContext(context("client.p12", "client-trust.p12")).build().verifyCredentials();
    RecordedRequest r = server.takeRequest();
    assertThat(r.getHandshake()).isNotNull();
    assertThat(r.getHandshake().peerPrincipal().getName()).isEqualTo("CN=brexsync-test-client");
    assertThat(r.getHeaders().get("Authorization2")).isEqualTo("t-mtls");
  }

  @Test
  void withoutTheCertificateTheServerRefusesAndItIsANetworkError() throws Exception {
    server.enqueue(new MockResponse.Builder().body("{}").build());
    OomnitzaClient c = builder().sslContext(context(null, "client-trust.p12")).build();
    assertThatThrownBy(c::verifyCredentials).isInstanceOf(OomnitzaNetworkException.class);
  }
}
