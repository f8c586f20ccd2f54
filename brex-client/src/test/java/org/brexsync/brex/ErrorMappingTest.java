package org.brexsync.brex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorMappingTest extends MockServerTestBase {

  @Test
  void unauthorizedSaysHowToCreateANewToken() {
    enqueue(401, "{\"type\":\"UNAUTHORIZED\",\"message\":\"PERMISSION_DENIED: Invalid or Revoked Token\"}");
    assertThatThrownBy(() -> client.users().me())
        .isInstanceOfSatisfying(BrexAuthenticationException.class, e -> {
          assertThat(e.status()).isEqualTo(401);
          assertThat(e.type()).contains("UNAUTHORIZED");
          assertThat(e.brexMessage()).contains("PERMISSION_DENIED: Invalid or Revoked Token");
          assertThat(e.traceId()).contains("trace-401");
          assertThat(e.method()).isEqualTo("GET");
          assertThat(e.path()).isEqualTo("/v2/users/me");
          assertThat(e.getMessage()).contains("Developer").contains("account admin or card admin")
              .contains("trace-401").doesNotContain(Fixtures.TOKEN);
        });
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void expiredTokenSaysTokensExpireWhenUnused() {
    enqueue(403, "{\"type\":\"FORBIDDEN\",\"message\":\"Expired token\"}");
    assertThatThrownBy(() -> client.users().me())
        .isInstanceOfSatisfying(BrexTokenExpiredException.class, e -> {
          assertThat(e.status()).isEqualTo(403);
          assertThat(e.getMessage()).contains("expire after a period without any API call");
        });
  }

  @Test
  void otherForbiddenIsAPermissionProblem() {
    enqueue(403, "{\"type\":\"FORBIDDEN\",\"message\":\"Missing scope cards\"}");
    assertThatThrownBy(() -> client.cards().get("ncard_1"))
        .isInstanceOfSatisfying(BrexPermissionException.class, e ->
            assertThat(e.getMessage()).contains("scope").contains("role"));
  }

  @Test
  void notFoundCarriesBrexCode() {
    enqueue(404, "{\"type\":\"NOT_FOUND\",\"message\":\"Not Found\",\"code\":\"USER_NOT_FOUND\"}");
    assertThatThrownBy(() -> client.users().get("cuuser_nope"))
        .isInstanceOfSatisfying(BrexNotFoundException.class, e -> {
          assertThat(e.code()).contains("USER_NOT_FOUND");
          assertThat(e.path()).isEqualTo("/v2/users/cuuser_nope");
          assertThat(e.getMessage()).contains("HTTP 404 NOT_FOUND (USER_NOT_FOUND): Not Found");
        });
  }

  @ParameterizedTest
  @CsvSource({
      "400, org.brexsync.brex.BrexBadRequestException",
      "409, org.brexsync.brex.BrexBadRequestException",
      "422, org.brexsync.brex.BrexBadRequestException",
      "500, org.brexsync.brex.BrexServerException",
      "502, org.brexsync.brex.BrexServerException",
      "503, org.brexsync.brex.BrexServerException",
      "504, org.brexsync.brex.BrexServerException",
      "429, org.brexsync.brex.BrexRateLimitException",
      "401, org.brexsync.brex.BrexAuthenticationException",
      "404, org.brexsync.brex.BrexNotFoundException"})
  void statusMapsToType(int status, String type) throws Exception {
    client = clientBuilder().retryPolicy(RetryPolicy.none()).build();
    enqueue(status, "{\"type\":\"X\",\"message\":\"m\"}");
    assertThatThrownBy(() -> client.users().get("u"))
        .isInstanceOf(Class.forName(type))
        .isInstanceOfSatisfying(BrexApiException.class, e -> assertThat(e.status()).isEqualTo(status));
  }

  @Test
  void serverErrorsAreReportedAfterRetries() {
    for (int i = 0; i < 4; i++) {
      enqueue(500, "{\"type\":\"INTERNAL\",\"message\":\"boom\"}");
    }
    assertThatThrownBy(() -> client.users().get("u"))
        .isInstanceOf(BrexServerException.class).hasMessageContaining("4 attempts");
  }

  @Test
  void nonJsonErrorBodyIsQuotedShortly() {
    client = clientBuilder().retryPolicy(RetryPolicy.none()).build();
    server.enqueue(new MockResponse.Builder().code(502).body("<html>" + "x".repeat(1000)).build());
    assertThatThrownBy(() -> client.users().get("u"))
        .isInstanceOfSatisfying(BrexServerException.class, e ->
            assertThat(e.getMessage()).contains("<html>").hasSizeLessThan(500));
  }

  @Test
  void malformedSuccessBodyGivesResponseExceptionNotJackson() {
    client = clientBuilder().retryPolicy(RetryPolicy.none()).build(); // one answer, no retry
    enqueue(200, "{\"id\": \"u1\", \"first_name\": ");
    assertThatThrownBy(() -> client.users().get("u1"))
        .isInstanceOfSatisfying(BrexResponseException.class, e -> {
          assertThat(e.status()).isEqualTo(200);
          assertThat(e.bodyExcerpt()).startsWith("{\"id\": \"u1\"");
          assertThat(e.getMessage()).contains("GET /v2/users/u1").contains("HTTP 200");
        });
  }

  @Test
  void missingRequiredFieldGivesResponseException() {
    client = clientBuilder().retryPolicy(RetryPolicy.none()).build(); // one answer, no retry
    enqueue(200, "{\"id\":\"u1\"}");
    assertThatThrownBy(() -> client.users().get("u1"))
        .isInstanceOf(BrexResponseException.class)
        .hasMessageContaining("email");
  }

  @Test
  void unexpectedShapeGivesResponseException() {
    client = clientBuilder().retryPolicy(RetryPolicy.none()).build(); // one answer, no retry
    enqueue(200, "[1,2,3]");
    assertThatThrownBy(() -> client.users().list().stream().toList())
        .isInstanceOf(BrexResponseException.class)
        .hasMessageContaining("items");
  }

  @Test
  void pagesAreReadInOnePassWithTheTreeReadersRules() {
    client = clientBuilder().retryPolicy(RetryPolicy.none()).build(); // one answer each, no retry
    // unknown keys (nested or not) are skipped, a repeated items key counts once (the last), and a
    // numeric cursor reads as its text, as JsonNode.asText() gave it
    enqueue(200, "{\"extra\":{\"a\":[1,{\"b\":2}]},\"items\":[" + PaginationTest.user("u0") + "],\"items\":["
        + PaginationTest.user("u1") + "," + PaginationTest.user("u2") + "],\"next_cursor\":42}");
    enqueue(200, "{\"next_cursor\":null,\"items\":[]}");
    assertThat(client.users().list().stream().map(u -> u.id()).toList()).containsExactly("u1", "u2");
    assertThat(take().getTarget()).doesNotContain("cursor");
    assertThat(take().getTarget()).contains("cursor=42");

    for (String garbled : new String[] {
        "{\"items\":[" + PaginationTest.user("u1") + ",",   // cut inside the array
        "{\"items\":{\"id\":\"u1\"}}",                         // items not an array
        "{\"next_cursor\":null}",                                // no items
        "{\"items\":[{\"id\":\"u1\"}]}"}) {                   // an item without its required fields
      enqueue(200, garbled);
      assertThatThrownBy(() -> client.users().list().stream().toList()).as(garbled).isInstanceOf(BrexResponseException.class);
    }
  }

  @Test
  void emptySuccessBodyGivesResponseException() {
    client = clientBuilder().retryPolicy(RetryPolicy.none()).build(); // one answer, no retry
    enqueue(200, "");
    assertThatThrownBy(() -> client.cards().get("c"))
        .isInstanceOf(BrexResponseException.class);
  }

  @Test
  void everyExceptionIsABrexException() {
    assertThat(BrexException.class).isAssignableFrom(BrexApiException.class);
    assertThat(BrexException.class).isAssignableFrom(BrexNetworkException.class);
    assertThat(BrexException.class).isAssignableFrom(BrexResponseException.class);
    assertThat(BrexException.class).isAssignableFrom(BrexValidationException.class);
    assertThat(BrexException.class).isAssignableFrom(BrexInterruptedException.class);
    assertThat(RuntimeException.class).isAssignableFrom(BrexException.class);
  }
}
