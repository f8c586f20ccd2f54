package org.brexsync.brex;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.brexsync.brex.model.ChangeCardReason;
import org.brexsync.brex.model.LockCardRequest;
import org.brexsync.brex.model.Money;
import org.brexsync.brex.model.SetUserLimitRequest;
import org.brexsync.brex.model.TerminateCardRequest;
import org.brexsync.brex.model.UpdateUserRequest;
import org.brexsync.http.RequestListener;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every call with an id in its path names itself to listeners by its templated path ({@code GET
 * /v2/users/{id}}), never by the path with the id: the operation is fit for a metric tag.
 */
class OperationNameTest extends MockServerTestBase {
  static final String ID = "cuuser_alice@example.com";

  static Stream<Arguments> calls() {
    return Stream.of(
        call("GET /v2/users/{id}", (c, x) -> c.users().get(x)),
        call("PUT /v2/users/{id}", (c, x) -> c.users().update(x, UpdateUserRequest.builder().build())),
        call("PUT /v2/users/{id}", (c, x) -> c.users().deactivate(x)),
        call("GET /v2/users/{id}/limit", (c, x) -> c.users().getLimit(x)),
        call("POST /v2/users/{id}/limit", (c, x) -> c.users().setLimit(x, SetUserLimitRequest.of(Money.usd(1)))),
        call("GET /v2/cards/{id}", (c, x) -> c.cards().get(x)),
        call("POST /v2/cards/{id}/lock", (c, x) -> c.cards().lock(x, LockCardRequest.of(ChangeCardReason.CARD_LOST))),
        call("POST /v2/cards/{id}/unlock", (c, x) -> c.cards().unlock(x)),
        call("POST /v2/cards/{id}/terminate",
            (c, x) -> c.cards().terminate(x, TerminateCardRequest.of(ChangeCardReason.CARD_LOST))),
        call("GET /v2/departments/{id}", (c, x) -> c.departments().get(x)),
        call("GET /v2/locations/{id}", (c, x) -> c.locations().get(x)),
        call("GET /v2/titles/{id}", (c, x) -> c.titles().get(x)),
        call("GET /v2/legal_entities/{id}", (c, x) -> c.legalEntities().get(x)),
        call("GET /v1/webhooks/{id}", (c, x) -> c.webhooks().get(x)),
        call("DELETE /v1/webhooks/{id}", (c, x) -> c.webhooks().delete(x)),
        call("GET /v2/users", (c, x) -> c.users().list().iterator().hasNext()),
        call("GET /v2/users/me", (c, x) -> c.users().me()));
  }

  static Arguments call(String operation, BiConsumer<BrexClient, String> f) {
    return Arguments.of(operation, f);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("calls")
  void theOperationIsTheTemplateAndThePathStillHoldsTheId(String operation, BiConsumer<BrexClient, String> f) {
    List<RequestListener.Attempt> seen = new CopyOnWriteArrayList<>();
    List<String> started = new CopyOnWriteArrayList<>();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse.Builder().code(404).body("{\"message\":\"not found\"}").build();
      }
    });
    client = clientBuilder().requestListener(new RequestListener() {
      @Override
      public void onAttempt(Attempt a) {
        seen.add(a);
      }

      @Override
      public InFlight onAttemptStart(AttemptStart s) {
        started.add(s.service() + " " + s.operation());
        return InFlight.NONE;
      }
    }).build();
    try {
      f.accept(client, ID);
    } catch (BrexException expected) {
      // 404: what matters is what the listener was told
    }
    assertThat(seen).singleElement().satisfies(a -> {
      assertThat(a.operation()).isEqualTo(operation).doesNotContain("alice");
      assertThat(a.service()).isEqualTo("Brex");
    });
    assertThat(started).containsExactly("Brex " + operation);
    if (operation.contains("{id}")) {
      assertThat(seen.get(0).path()).contains("alice");
    }
  }
}
