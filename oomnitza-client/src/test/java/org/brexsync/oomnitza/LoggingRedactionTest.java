package org.brexsync.oomnitza;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

/** What the client logs (DEBUG per attempt, WARN per retry) and never logs (secrets, bodies, queries). */
class LoggingRedactionTest extends WireTestSupport {
  private static final Path LOG = Path.of("target/oomnitza-client-test.log");
  private static final String PASSWORD = "pw-LOGCHECK-77";
  private static final String FRESH_TOKEN = "tok-LOGCHECK-fresh";
  private static final String EMAIL = "private.person@acme.com";

  @Test
  void debugAndWarnLinesCarryMethodPathStatusButNoSecretsBodiesOrQueries() throws Exception {
    enqueueJson("{\"token\":\"" + FRESH_TOKEN + "\"}");
    enqueueJson(503, "{\"error\":\"busy " + FRESH_TOKEN + "\"}");
    server.enqueue(new MockResponse.Builder().addHeader("X-Request-Id", "req-log-1")
        .body("[{\"email\":\"" + EMAIL + "\"}]").build());
    enqueueJson(400, "{\"error\":\"bad password " + PASSWORD + "\"}");

    OomnitzaClient c = clientBuilder().credentials("log-user", PASSWORD).build();
    assertThat(c.users().findByEmail(EMAIL)).isPresent();
    assertThatThrownBy(() -> c.users().create(OomnitzaUser.builder().email(EMAIL).build()))
        .isInstanceOf(OomnitzaValidationException.class)
        .hasMessageNotContaining(PASSWORD);

    String log = Files.exists(LOG) ? Files.readString(LOG, StandardCharsets.UTF_8) : "";
    assertThat(log).contains("DEBUG org.brexsync.oomnitza - Oomnitza POST /api/request_token -> 200");
    assertThat(log).contains("WARN org.brexsync.oomnitza - Retrying Oomnitza GET /api/v3/users after HTTP 503 (attempt 1/4");
    assertThat(log).contains("Oomnitza GET /api/v3/users -> 200 (attempt 2").contains("trace id req-log-1");
    assertThat(log).doesNotContain(PASSWORD, FRESH_TOKEN, TOKEN, EMAIL, "private.person", "busy");
  }
}
