package org.brexsync.brex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.brexsync.brex.model.ChangeCardReason;
import org.brexsync.brex.model.LockCardRequest;
import org.brexsync.brex.model.Money;
import org.brexsync.brex.model.SetUserLimitRequest;
import org.brexsync.brex.model.TerminateCardRequest;
import org.brexsync.brex.model.UpdateUserRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every id that goes into a path is checked and encoded; a bad one never reaches the server. */
class PathSegmentTest extends MockServerTestBase {
  static final String[] BAD = {"", " ", ".", "..", "a/b", "../cards", "a?b=1", "a#frag", "a\nb", "a\u0000b"};

  static Stream<Arguments> calls() {
    Stream.Builder<Arguments> out = Stream.builder();
    for (String id : BAD) {
      add(out, "users.get", id, (c, x) -> c.users().get(x));
      add(out, "users.update", id, (c, x) -> c.users().update(x, UpdateUserRequest.builder().build()));
      add(out, "users.deactivate", id, (c, x) -> c.users().deactivate(x));
      add(out, "users.setLimit", id, (c, x) -> c.users().setLimit(x, SetUserLimitRequest.of(Money.usd(1))));
      add(out, "cards.get", id, (c, x) -> c.cards().get(x));
      add(out, "cards.lock", id, (c, x) -> c.cards().lock(x, LockCardRequest.of(ChangeCardReason.CARD_LOST)));
      add(out, "cards.terminate", id,
          (c, x) -> c.cards().terminate(x, TerminateCardRequest.of(ChangeCardReason.CARD_LOST)));
      add(out, "cards.getNumber", id, (c, x) -> c.cards().getNumber(x));
      add(out, "departments.get", id, (c, x) -> c.departments().get(x));
      add(out, "legalEntities.get", id, (c, x) -> c.legalEntities().get(x));
      add(out, "webhooks.delete", id, (c, x) -> c.webhooks().delete(x));
    }
    return out.build();
  }

  static void add(Stream.Builder<Arguments> out, String call, String id, BiConsumer<BrexClient, String> f) {
    out.add(Arguments.of(call, id.replace("\n", "\\n").replace("\u0000", "\\0"), id, f));
  }

  @ParameterizedTest(name = "{0}(\"{1}\")")
  @MethodSource("calls")
  void aBadIdIsAValidationExceptionBeforeAnyRequest(String call, String shown, String id,
      BiConsumer<BrexClient, String> f) {
    assertThatThrownBy(() -> f.accept(client, id))
        .isInstanceOfSatisfying(BrexValidationException.class, e ->
            assertThat(e.violations()).extracting(Violation::field).containsExactly("id"));
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aNullIdIsAValidationExceptionToo() {
    assertThatThrownBy(() -> client.users().get(null)).isInstanceOf(BrexValidationException.class)
        .hasMessageContaining("id: must not be empty");
  }

  @Test
  void oddButHarmlessCharactersArePercentEncoded() {
    enqueue(Fixtures.USER_KAREN);
    client.users().get("a b+c%d&e=f;g");
    assertThat(take().getTarget()).isEqualTo("/v2/users/a%20b%2Bc%25d%26e%3Df%3Bg");
  }
}
