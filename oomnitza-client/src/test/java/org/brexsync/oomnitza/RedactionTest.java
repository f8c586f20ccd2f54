package org.brexsync.oomnitza;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

/** One redaction for every excerpt of a body, header or URL in exceptions and log lines. */
class RedactionTest extends WireTestSupport {
  private static final Path LOG = Path.of("target/oomnitza-client-test.log");

  @Test
  void anyBearerTokenSecretFieldOrCardNumberInAnErrorBodyIsRedacted() {
    String foreign = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJl";
    enqueueJson(400, "{\"error\":\"proxy says Authorization: Bearer " + foreign + " api_key=k-998877"
        + " card 4111 1111 1111 1111 cvv 123\"}");
    assertThatThrownBy(() -> client().users().create(OomnitzaUser.builder().username("x").build()))
        .isInstanceOfSatisfying(OomnitzaApiException.class, e -> {
          assertThat(e.getMessage()).contains("proxy says").doesNotContain(foreign)
              .doesNotContain("k-998877").doesNotContain("4111 1111").doesNotContain("cvv 123");
          assertThat(e.errorMessage().orElse("")).doesNotContain(foreign);
          assertThat(e.bodyExcerpt().orElse("")).doesNotContain(foreign).doesNotContain("k-998877");
        });
  }

  @Test
  void theConfiguredTokenEchoedInABodyIsRedacted() {
    enqueueJson(500, "<html>login page: Authorization2=" + TOKEN + "</html>");
    OomnitzaClient once = clientBuilder().retryPolicy(RetryPolicy.none()).build();
    assertThatThrownBy(() -> once.users().get("jdoe"))
        .isInstanceOfSatisfying(OomnitzaApiException.class, e -> {
          assertThat(e.getMessage()).doesNotContain(TOKEN);
          assertThat(e.bodyExcerpt().orElse("")).contains("login page").doesNotContain(TOKEN);
        });
  }

  @Test
  void aHostileTraceIdHeaderIsRedactedInExceptionsAndLogs() throws Exception {
    String hostile = "Bearer tok-TRACEHDR-5be1c0de";
    server.enqueue(new MockResponse.Builder().code(404).addHeader("X-Request-Id", hostile).body("{}").build());
    assertThatThrownBy(() -> client().users().delete("jdoe"))
        .isInstanceOfSatisfying(OomnitzaApiException.class, e -> {
          assertThat(e.getMessage()).doesNotContain("tok-TRACEHDR");
          assertThat(e.traceId().orElse("")).doesNotContain("tok-TRACEHDR");
        });
    String log = Files.exists(LOG) ? Files.readString(LOG, StandardCharsets.UTF_8) : "";
    assertThat(log).contains("DELETE /api/v3/users/jdoe -> 404").doesNotContain("tok-TRACEHDR");
  }

  @Test
  void aPasswordEchoedFormEncodedIsRedacted() {
    String password = "p@ss word+77";
    enqueueJson(401, "{\"error\":\"bad login=svc&password=p%40ss+word%2B77\"}");
    OomnitzaClient c = clientBuilder().credentials("svc", password).build();
    assertThatThrownBy(c::verifyCredentials)
        .isInstanceOfSatisfying(OomnitzaApiException.class, e ->
            assertThat(e.getMessage()).doesNotContain("p%40ss").doesNotContain(password));
  }
}
