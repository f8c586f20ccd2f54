package org.brexsync.oomnitza;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.brexsync.http.RequestListener;
import org.brexsync.oomnitza.bulk.ConnectorRef;
import org.brexsync.oomnitza.saas.SaasAssignment;
import org.brexsync.oomnitza.saas.SaasUserQuery;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every call names itself to listeners by its templated path ({@code GET /api/v3/users/{ident}}),
 * never by the path with an ident, a portion or a SaaS id: the operation is fit for a metric tag.
 */
class OperationNameTest extends WireTestSupport {
  static final String ID = "alice@example.com";

  static Stream<Arguments> calls() {
    return Stream.of(
        call("GET /api/v3/users/{ident}", (c, x) -> c.users().get(x)),
        call("PATCH /api/v3/users/{ident}",
            (c, x) -> c.users().update(x, OomnitzaRecord.builder().set("position", "P").build())),
        call("DELETE /api/v3/users/{ident}", (c, x) -> c.users().delete(x)),
        call("GET /api/v3/users", (c, x) -> c.users().findByEmail(x)),
        call("POST /api/v3/users", (c, x) -> c.users().create(OomnitzaUser.builder().email(x).build())),
        call("GET /api/v3/users/meta", (c, x) -> c.users().fieldCatalog()),
        call("GET /api/v3/saas/{saasId}/users",
            (c, x) -> c.saasUsers().listForSaas(x, SaasUserQuery.builder().build()).toList()),
        call("POST /api/v3/saas/{saasId}/users", (c, x) -> c.saasUsers().assign(x, List.of(SaasAssignment.assign("u1")))),
        call("POST /api/v3/saas/{saasId}/users/{userId}", (c, x) -> c.saasUsers().storeExternalId(x, x, "e")),
        call("GET /api/v3/bulk/{portion}", (c, x) -> c.bulk().isCancelled(x)),
        call("POST /api/v3/bulk/{portion}/finalize", (c, x) -> c.bulk().finalizeRun(x)),
        call("GET /api/v3/connector_run_logs/connectors/{portion}", (c, x) -> c.bulk().runLog(x)),
        call("GET /api/v3/connector_run_logs/{connector}",
            (c, x) -> c.bulk().runLogs(ConnectorRef.name(x), ListQuery.all()).toList()),
        call("GET /api/v2/mappings", (c, x) -> c.verifyCredentials()));
  }

  static Arguments call(String operation, BiConsumer<OomnitzaClient, String> f) {
    return Arguments.of(operation, f);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("calls")
  void theOperationIsTheTemplateNeverThePathWithAnId(String operation, BiConsumer<OomnitzaClient, String> f) {
    List<RequestListener.Attempt> seen = new CopyOnWriteArrayList<>();
    List<String> started = new CopyOnWriteArrayList<>();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse.Builder().code(404).body("{\"error\":\"not found\"}").build();
      }
    });
    OomnitzaClient c = clientBuilder().requestListener(new RequestListener() {
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
      f.accept(c, ID);
    } catch (OomnitzaException expected) {
      // 404: what matters is what the listener was told
    }
    assertThat(seen).singleElement().satisfies(a -> {
      assertThat(a.operation()).isEqualTo(operation).doesNotContain("alice");
      assertThat(a.service()).isEqualTo("Oomnitza");
    });
    assertThat(started).containsExactly("Oomnitza " + operation);
  }
}
