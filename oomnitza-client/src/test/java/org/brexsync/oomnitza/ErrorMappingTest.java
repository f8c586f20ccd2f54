package org.brexsync.oomnitza;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import mockwebserver3.MockResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ErrorMappingTest extends WireTestSupport {

  @ParameterizedTest
  @CsvSource({
      "400, org.brexsync.oomnitza.OomnitzaValidationException",
      "401, org.brexsync.oomnitza.OomnitzaAuthenticationException",
      "403, org.brexsync.oomnitza.OomnitzaAuthenticationException",
      "404, org.brexsync.oomnitza.OomnitzaNotFoundException",
      "409, org.brexsync.oomnitza.OomnitzaApiException",
      "422, org.brexsync.oomnitza.OomnitzaValidationException",
      "429, org.brexsync.oomnitza.OomnitzaRateLimitException",
      "500, org.brexsync.oomnitza.OomnitzaServerException",
      "503, org.brexsync.oomnitza.OomnitzaServerException",
  })
  void statusesMapToTypedExceptions(int status, Class<?> type) {
    server.enqueue(new MockResponse.Builder().code(status).body("{\"error\":\"why\"}").build());
    OomnitzaClient c = clientBuilder().retryPolicy(RetryPolicy.none()).build();
    assertThatThrownBy(() -> c.users().update("jdoe", OomnitzaRecord.builder().set("position", "x").build()))
        .isExactlyInstanceOf(type)
        .isInstanceOfSatisfying(OomnitzaApiException.class, e -> {
          assertThat(e.status()).isEqualTo(status);
          assertThat(e.method()).isEqualTo("PATCH");
          assertThat(e.path()).isEqualTo("/api/v3/users/jdoe");
          assertThat(e.errorMessage()).contains("why");
          assertThat(e.getMessage()).contains("PATCH /api/v3/users/jdoe").contains("HTTP " + status).contains("why");
        });
  }

  @Test
  void validationErrorsCarryTheServersReasonFromCommonShapes() {
    enqueueJson(400, "{\"errors\":{\"email\":[\"must be unique\"],\"role\":[\"unknown\"]}}");
    assertThatThrownBy(() -> client().users().create(OomnitzaUser.builder().email("a@b").build()))
        .isInstanceOfSatisfying(OomnitzaValidationException.class,
            e -> assertThat(e.errorMessage()).contains("email: must be unique; role: unknown"));

    enqueueJson(422, "[\"Dropdown value not allowed\"]");
    assertThatThrownBy(() -> client().users().create(OomnitzaUser.builder().email("a@b").build()))
        .isInstanceOfSatisfying(OomnitzaValidationException.class,
            e -> assertThat(e.errorMessage()).contains("Dropdown value not allowed"));

    server.enqueue(new MockResponse.Builder().code(400).body("<html>Bad filter</html>").build());
    assertThatThrownBy(() -> client().users().list().toList())
        .isInstanceOfSatisfying(OomnitzaValidationException.class, e -> {
          assertThat(e.errorMessage()).isEmpty();
          assertThat(e.bodyExcerpt()).contains("<html>Bad filter</html>");
        });
  }

  @Test
  void traceIdsAreCarriedWhenPresent() {
    server.enqueue(new MockResponse.Builder().code(404).addHeader("X-Request-Id", "req-77").build());
    assertThatThrownBy(() -> client().users().delete("x"))
        .isInstanceOfSatisfying(OomnitzaApiException.class, e -> {
          assertThat(e.traceId()).contains("req-77");
          assertThat(e.getMessage()).contains("req-77");
        });
  }

  @Test
  void queryStringsStayOutOfMessages() {
    server.enqueue(new MockResponse.Builder().code(400).build());
    assertThatThrownBy(() -> client().users().findByEmail("private@x.com"))
        .isInstanceOfSatisfying(OomnitzaApiException.class, e -> {
          assertThat(e.path()).isEqualTo("/api/v3/users");
          assertThat(e.getMessage()).doesNotContain("private");
        });
  }

  @Test
  void longBodiesAreCutToAnExcerpt() {
    server.enqueue(new MockResponse.Builder().code(500).body("x".repeat(5000)).build());
    assertThatThrownBy(() -> clientBuilder().retryPolicy(RetryPolicy.none()).build().verifyCredentials())
        .isInstanceOfSatisfying(OomnitzaApiException.class,
            e -> assertThat(e.bodyExcerpt().orElseThrow().length()).isLessThan(400));
  }

  @Test
  void recordsPrintFieldNamesButNoValues() {
    OomnitzaUser u = OomnitzaUser.builder().email("secret@x.com").set("brex_user_id", "cu_9").build();
    assertThat(u.toString()).contains("email", "brex_user_id").doesNotContain("secret@x.com", "cu_9");
  }
}
