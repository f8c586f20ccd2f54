package org.brexsync.brex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** BrexClient is AutoCloseable: it releases what it owns and refuses calls once closed. */
class ClientLifecycleTest extends MockServerTestBase {

  @Test
  void closeIsIdempotentAndAClosedClientRefusesEveryCall() {
    assertThat(client).isInstanceOf(AutoCloseable.class);
    client.close();
    client.close();
    assertThat(client.isClosed()).isTrue();
    assertThatThrownBy(() -> client.users().me())
        .isInstanceOf(BrexClientClosedException.class)
        .hasMessageContaining("closed").hasMessageContaining("GET /v2/users/me was not sent");
    assertThatThrownBy(() -> client.users().list().iterator().hasNext())
        .isInstanceOf(BrexClientClosedException.class);
    assertThatThrownBy(() -> client.cards().unlock("ncard_1"))
        .isInstanceOf(BrexClientClosedException.class);
    assertThat(server.getRequestCount()).isZero();
    assertThat(client.toString()).contains("closed");
  }

  @Test
  void tryWithResourcesClosesTheClient() {
    BrexClient used;
    try (BrexClient c = clientBuilder().build()) {
      enqueue(Fixtures.USER_JIM);
      assertThat(c.users().me().id()).isEqualTo("cuuser_jim");
      used = c;
    }
    assertThat(used.isClosed()).isTrue();
  }

  @Test
  void closingReleasesTheHttpClientTheClientBuilt() {
    enqueue(Fixtures.USER_JIM);
    client.users().me();
    ExecutorService owned = client.httpResources().ownedExecutor().orElseThrow();
    assertThat(owned.isShutdown()).isFalse();
    client.close();
    assertThat(owned.isShutdown()).isTrue();
  }

  @Test
  void closingLeavesAnInjectedHttpClientToItsOwner() throws Exception {
    ExecutorService theirs = Executors.newSingleThreadExecutor();
    try {
      HttpClient http = HttpClient.newBuilder().executor(theirs).version(HttpClient.Version.HTTP_1_1).build();
      BrexClient c = clientBuilder().httpClient(http).build();
      assertThat(c.httpResources().ownedExecutor()).isEmpty();
      enqueue(Fixtures.USER_JIM);
      c.users().me();
      c.close();
      assertThatThrownBy(() -> c.users().me()).isInstanceOf(BrexClientClosedException.class);
      assertThat(theirs.isShutdown()).isFalse();
      enqueue(Fixtures.USER_JIM);
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(server.url("/v2/users/me").uri()).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as("the caller's HttpClient still works").isEqualTo(200);
    } finally {
      theirs.shutdownNow();
    }
  }

  @Test
  void aCallWaitingToRetryWhenTheClientIsClosedStopsBeforeTheNextAttempt() {
    BrexClient[] holder = new BrexClient[1];
    holder[0] = clientBuilder().sleeper(d -> holder[0].close()).build();
    enqueue(503, "{}");
    enqueue(Fixtures.USER_JIM);
    assertThatThrownBy(() -> holder[0].users().me()).isInstanceOf(BrexClientClosedException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aCallInFlightWhenTheClientIsClosedFinishesAndThenReleasesTheHttpClient() throws Exception {
    CountDownLatch arrived = new CountDownLatch(1);
    CountDownLatch answer = new CountDownLatch(1);
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        arrived.countDown();
        answer.await();
        return new MockResponse.Builder().code(200).body(Fixtures.USER_JIM).build();
      }
    });
    ExecutorService caller = Executors.newSingleThreadExecutor();
    try {
      Future<String> inFlight = caller.submit(() -> client.users().me().id());
      assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();
      client.close();
      ExecutorService owned = client.httpResources().ownedExecutor().orElseThrow();
      assertThat(owned.isShutdown()).as("not released under a call in flight").isFalse();
      assertThatThrownBy(() -> client.users().me()).isInstanceOf(BrexClientClosedException.class);
      answer.countDown();
      assertThat(inFlight.get(10, TimeUnit.SECONDS)).isEqualTo("cuuser_jim");
      assertThat(owned.isShutdown()).as("released by the last call to finish").isTrue();
    } finally {
      answer.countDown();
      caller.shutdownNow();
    }
  }
}
