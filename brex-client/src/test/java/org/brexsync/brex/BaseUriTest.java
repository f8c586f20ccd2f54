package org.brexsync.brex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The token never travels in plain http to a remote host, unless a test rig opts in. */
class BaseUriTest {

  static BrexClient.Builder builder() {
    return BrexClient.builder().token("bxt_test");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://platform.brexapis.com", "http://10.0.0.7:8080", "http://brex-sim.internal"})
  void plainHttpToAHostThatIsNotLoopbackIsRefused(String uri) {
    assertThatThrownBy(() -> builder().baseUri(URI.create(uri)).build())
        .isInstanceOf(BrexConfigurationException.class)
        .hasMessageContaining("plain http").hasMessageContaining("unencrypted")
        .hasMessageContaining("allowPlainHttp(true)");
  }

  @Test
  void theCardNumberBaseUriIsCheckedToo() {
    assertThatThrownBy(() -> builder().cardNumberBaseUri(URI.create("http://pan.example.com")).build())
        .isInstanceOf(BrexConfigurationException.class).hasMessageContaining("cardNumberBaseUri");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://localhost:8080", "http://127.0.0.1:9", "http://[::1]:9",
      "https://platform.brexapis.com", "https://proxy.example.com/brex/"})
  void httpsAndLoopbackHttpAreAccepted(String uri) {
    assertThat(builder().baseUri(URI.create(uri)).build().baseUri().toString()).doesNotEndWith("/");
  }

  @Test
  void aTestRigOptsInExplicitly() {
    BrexClient c = builder().baseUri(URI.create("http://brex-sim.internal:8080"))
        .allowPlainHttp(true).build();
    assertThat(c.baseUri()).isEqualTo(URI.create("http://brex-sim.internal:8080"));
  }

  @Test
  void userInfoInTheBaseUriIsRefusedWithoutEchoingIt() {
    assertThatThrownBy(() -> builder().baseUri(URI.create("https://svc:hunter2@proxy.example.com")).build())
        .isInstanceOf(BrexConfigurationException.class).hasMessageContaining("user info")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void otherSchemesAreRefused() {
    assertThatThrownBy(() -> builder().baseUri(URI.create("ftp://x")).build())
        .isInstanceOf(BrexConfigurationException.class).hasMessageContaining("https");
  }
}
