package org.brexsync.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import org.junit.jupiter.api.Test;

/** The owned-vs-injected HttpClient rule every client's close() follows. */
class HttpResourcesTest {
  @Test
  void anInjectedHttpClientIsUsedButNeverReleased() {
    HttpResources r = HttpResources.borrow(HttpClient.newHttpClient());
    assertThat(r.owned()).isFalse();
    r.close();
    assertThat(r.isClosed()).isTrue();
    assertThat(r.ownedExecutor()).isEmpty();
  }

  @Test
  void anOwnedHttpClientsExecutorIsReleasedOnCloseAndClosingTwiceIsHarmless() {
    HttpResources r = HttpResources.own(HttpClient.newBuilder(), "core-test-");
    assertThat(r.owned()).isTrue();
    r.close();
    r.close();
    assertThat(r.ownedExecutor().orElseThrow().isShutdown()).isTrue();
  }

  @Test
  void closeRefusesNewSendsAtOnceButTheLastSendInFlightReleases() {
    HttpResources r = HttpResources.own(HttpClient.newBuilder(), "core-test-");
    assertThat(r.enter()).isTrue();
    r.close();
    assertThat(r.enter()).isFalse();
    assertThat(r.ownedExecutor().orElseThrow().isShutdown()).isFalse();
    r.exit();
    assertThat(r.ownedExecutor().orElseThrow().isShutdown()).isTrue();
  }
}
