package org.brexsync.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.brexsync.http.ClientBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deferred default TLS context: plain HTTP never makes the real one; TLS makes it once, at the
 * first connection, and gets its trust, protocols and cipher suites.
 */
class DeferredTlsTest {
  private static final char[] PASSWORD = "changeit".toCharArray();
  private static KeyStore keys;

  private final MockWebServer server = new MockWebServer();

  /** A certificate for localhost that no CA signed, made with the JDK's keytool. */
  @BeforeAll
  static void certificate(@TempDir Path dir) throws Exception {
    Path store = dir.resolve("localhost.p12");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
        "-alias", "localhost", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
        "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
        "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("keytool ended").isTrue();
    assertThat(p.exitValue()).as("keytool: %s", out).isZero();
    keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      keys.load(in, PASSWORD);
    }
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void plainHttpRequestsNeverMakeTheRealContext() throws Exception {
    AtomicInteger made = new AtomicInteger();
    HttpClient http = client(counting(made, DeferredTlsTest::trusting));
    server.enqueue(new MockResponse.Builder().body("ok").build());
    server.enqueue(new MockResponse.Builder().body("ok").build());
    server.start();

    assertThat(get(http, server.url("/a").uri()).body()).isEqualTo("ok");
    assertThat(get(http, server.url("/b").uri()).body()).isEqualTo("ok");
    assertThat(made).hasValue(0);
  }

  @Test
  void tlsMakesTheRealContextOnceAtTheFirstConnectionAndUsesIt() throws Exception {
    AtomicInteger made = new AtomicInteger();
    HttpClient http = client(counting(made, DeferredTlsTest::trusting));
    assertThat(made).as("building the HTTP client").hasValue(0);
    serveTls();
    server.enqueue(new MockResponse.Builder().body("one").build());
    server.enqueue(new MockResponse.Builder().body("two").build());

    assertThat(get(http, https("/one")).body()).isEqualTo("one");
    assertThat(get(http, https("/two")).body()).isEqualTo("two");
    assertThat(made).hasValue(1);
  }

  @Test
  void theDeferredDefaultHasTheJdksTrustSoAnUnknownCertificateIsRefused() throws Exception {
    HttpClient http = client(DeferredTls.context());
    serveTls();
    server.enqueue(new MockResponse.Builder().body("never").build());

    assertThatThrownBy(() -> get(http, https("/secret"))).isInstanceOf(SSLHandshakeException.class);
  }

  @Test
  void theParametersAreTheDefaultContextsAndSettingsMadeOnThemWin() throws Exception {
    SSLParameters real = SSLContext.getDefault().getDefaultSSLParameters();
    SSLParameters deferred = DeferredTls.context().getDefaultSSLParameters();
    assertThat(deferred.getProtocols()).containsExactly(real.getProtocols());
    assertThat(deferred.getCipherSuites()).containsExactly(real.getCipherSuites());
    assertThat(deferred.getNeedClientAuth()).isEqualTo(real.getNeedClientAuth());
    assertThat(deferred.getMaximumPacketSize()).isEqualTo(real.getMaximumPacketSize());

    SSLParameters set = DeferredTls.context().getDefaultSSLParameters();
    set.setProtocols(new String[] {"TLSv1.2"});
    assertThat(set.getProtocols()).containsExactly("TLSv1.2");
    assertThat(set.getCipherSuites()).containsExactly(real.getCipherSuites());
  }

  @Test
  void aClientBuiltWithoutAContextOfItsOwnGetsTheDeferredDefault() {
    HttpResources r = new TestBuilder().resources(null);
    try {
      assertThat(r.client().sslContext()).isSameAs(DeferredTls.context());
    } finally {
      r.close();
    }
    SSLContext own = trusting();
    HttpResources mine = new TestBuilder().resources(own);
    try {
      assertThat(mine.client().sslContext()).isSameAs(own);
    } finally {
      mine.close();
    }
  }

  private void serveTls() throws Exception {
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, PASSWORD);
    SSLContext serverSide = SSLContext.getInstance("TLS");
    serverSide.init(kmf.getKeyManagers(), null, null);
    server.useHttps(serverSide.getSocketFactory());
    server.start(java.net.InetAddress.getLoopbackAddress(), 0);
  }

  private URI https(String path) {
    return URI.create("https://localhost:" + server.getPort() + path);
  }

  /** A TLS context that trusts the test certificate (and nothing else). */
  private static SSLContext trusting() {
    try {
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(keys);
      SSLContext c = SSLContext.getInstance("TLS");
      c.init(null, tmf.getTrustManagers(), null);
      return c;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static SSLContext counting(AtomicInteger made, Supplier<SSLContext> real) {
    return DeferredTls.deferred(() -> {
      made.incrementAndGet();
      return real.get();
    });
  }

  private static HttpClient client(SSLContext tls) {
    return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).sslContext(tls).build();
  }

  private static HttpResponse<String> get(HttpClient http, URI uri) throws Exception {
    return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static final class TestBuilder extends ClientBuilder<TestBuilder> {
    TestBuilder() {
      super(Duration.ofSeconds(5), "deferred-tls-test");
    }

    HttpResources resources(SSLContext tls) {
      return httpResources("deferred-tls-test-", tls);
    }
  }
}
