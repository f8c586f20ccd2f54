package org.brexsync.oomnitza;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.brexsync.oomnitza.bulk.ConnectorRef;
import org.brexsync.oomnitza.saas.SaasAssignment;
import org.brexsync.oomnitza.saas.SaasUserQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every id that goes into a path is checked and encoded; a bad one never reaches the server. */
class PathSegmentTest extends WireTestSupport {
  static final String[] BAD = {"", " ", ".", "..", "a/b", "../users", "a?b=1", "a#frag", "a\nb", "a\u0000b"};

  static Stream<Arguments> calls() {
    Stream.Builder<Arguments> out = Stream.builder();
    for (String id : BAD) {
      add(out, "users.get", "ident", id, (c, x) -> c.users().get(x));
      add(out, "users.update", "ident", id,
          (c, x) -> c.users().update(x, OomnitzaRecord.builder().set("position", "P").build()));
      add(out, "users.delete", "ident", id, (c, x) -> c.users().delete(x));
      add(out, "saas.listForSaas", "saasId", id,
          (c, x) -> c.saasUsers().listForSaas(x, SaasUserQuery.builder().build()).toList());
      add(out, "saas.assign", "saasId", id,
          (c, x) -> c.saasUsers().assign(x, List.of(SaasAssignment.assign("u1"))));
      add(out, "saas.storeExternalId", "userId", id, (c, x) -> c.saasUsers().storeExternalId("s1", x, "e"));
      add(out, "bulk.isCancelled", "portion", id, (c, x) -> c.bulk().isCancelled(x));
      add(out, "bulk.finalizeRun", "portion", id, (c, x) -> c.bulk().finalizeRun(x));
      add(out, "bulk.runLog", "portionId", id, (c, x) -> c.bulk().runLog(x));
      if (!id.isBlank()) { // ConnectorRef.name refuses blank names itself
        add(out, "bulk.runLogs", "connector", id,
            (c, x) -> c.bulk().runLogs(ConnectorRef.name(x), ListQuery.all()).toList());
      }
    }
    return out.build();
  }

  static void add(Stream.Builder<Arguments> out, String call, String parameter, String id,
      BiConsumer<OomnitzaClient, String> f) {
    out.add(Arguments.of(call, id.replace("\n", "\\n").replace("\u0000", "\\0"), parameter, id, f));
  }

  @ParameterizedTest(name = "{0}(\"{1}\")")
  @MethodSource("calls")
  void aBadIdIsAnArgumentExceptionBeforeAnyRequest(String call, String shown, String parameter, String id,
      BiConsumer<OomnitzaClient, String> f) {
    OomnitzaClient c = client();
    assertThatThrownBy(() -> f.accept(c, id))
        .isInstanceOfSatisfying(OomnitzaArgumentException.class, e -> {
          assertThat(e.parameter()).isEqualTo(parameter);
          assertThat(e.getMessage()).contains("nothing was sent");
        });
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aNullIdIsAnArgumentExceptionToo() {
    assertThatThrownBy(() -> client().users().delete(null)).isInstanceOf(OomnitzaArgumentException.class)
        .hasMessageContaining("ident: must not be empty");
  }

  @Test
  void oddButHarmlessCharactersArePercentEncoded() throws Exception {
    enqueueJson("{}");
    client().users().delete("a b+c%d&e=f;g");
    assertThat(take().getTarget()).isEqualTo("/api/v3/users/a%20b%2Bc%25d%26e%3Df%3Bg");
  }
}
