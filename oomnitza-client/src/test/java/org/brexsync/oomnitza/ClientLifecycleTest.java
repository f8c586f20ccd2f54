package org.brexsync.oomnitza;

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

/** OomnitzaClient is AutoCloseable: it releases what it owns and refuses calls once closed. */
class ClientLifecycleTest extends WireTestSupport {

  @Test
  void closeIsIdempotentAndAClosedClientRefusesEveryCall() {
    OomnitzaClient c = client();
    assertThat(c).isInstanceOf(AutoCloseable.class);
    c.close();
    c.close();
    assertThat(c.isClosed()).isTrue();
    assertThatThrownBy(c::verifyCredentials).isInstanceOf(OomnitzaClientClosedException.class)
        .hasMessageContaining("closed").hasMessageContaining("was not sent");
    assertThatThrownBy(() -> c.users().list().toList()).isInstanceOf(OomnitzaClientClosedException.class);
    assertThatThrownBy(() -> c.users().delete("jdoe")).isInstanceOf(OomnitzaClientClosedException.class);
    assertThat(server.getRequestCount()).isZero();
    assertThat(c.toString()).contains("closed");
  }

  @Test
  void closingReleasesTheHttpClientTheClientBuilt() {
    OomnitzaClient c = client();
    enqueueJson("{}");
    c.verifyCredentials();
    ExecutorService owned = c.httpResources().ownedExecutor().orElseThrow();
    assertThat(owned.isShutdown()).isFalse();
    c.close();
    assertThat(owned.isShutdown()).isTrue();
  }

  @Test
  void closingLeavesAnInjectedHttpClientToItsOwner() throws Exception {
    ExecutorService theirs = Executors.newSingleThreadExecutor();
    try {
      HttpClient http = HttpClient.newBuilder().executor(theirs).version(HttpClient.Version.HTTP_1_1).build();
      OomnitzaClient c = clientBuilder().httpClient(http).build();
      assertThat(c.httpResources().ownedExecutor()).isEmpty();
      enqueueJson("{}");
      c.verifyCredentials();
      c.close();
      assertThatThrownBy(c::verifyCredentials).isInstanceOf(OomnitzaClientClosedException.class);
      assertThat(theirs.isShutdown()).isFalse();
      enqueueJson("{}");
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(server.url("/x").uri()).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as("the caller's HttpClient still works").isEqualTo(200);
    } finally {
      theirs.shutdownNow();
    }
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
        return new MockResponse.Builder().code(200).body("{\"username\":\"jdoe\"}").build();
      }
    });
    OomnitzaClient c = client();
    ExecutorService caller = Executors.newSingleThreadExecutor();
    try {
      Future<String> inFlight = caller.submit(() -> c.users().get("jdoe").orElseThrow().username().orElseThrow());
      assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();
      c.close();
      ExecutorService owned = c.httpResources().ownedExecutor().orElseThrow();
      assertThat(owned.isShutdown()).as("not released under a call in flight").isFalse();
      assertThatThrownBy(c::verifyCredentials).isInstanceOf(OomnitzaClientClosedException.class);
      answer.countDown();
      assertThat(inFlight.get(10, TimeUnit.SECONDS)).isEqualTo("jdoe");
      assertThat(owned.isShutdown()).as("released by the last call to finish").isTrue();
    } finally {
      answer.countDown();
      caller.shutdownNow();
    }
  }

  @Test
  void aCallWaitingToRetryWhenTheClientIsClosedStopsBeforeTheNextAttempt() {
    OomnitzaClient[] holder = new OomnitzaClient[1];
    holder[0] = clientBuilder().sleeper(d -> holder[0].close()).build();
    enqueueJson(503, "{}");
    enqueueJson("{}");
    assertThatThrownBy(() -> holder[0].verifyCredentials()).isInstanceOf(OomnitzaClientClosedException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }
}
