package org.brexsync.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The start-up warm-up runs only for commands that will make requests, and TLS only when it may be used. */
class WarmupTest {
  private static final Map<String, String> REAL = Map.of("BREX_API_TOKEN", "t", "OOMNITZA_URL", "https://acme.oomnitza.com",
      "OOMNITZA_API_TOKEN", "o");

  @Test
  void commandsThatTalkToBrexOrOomnitzaWarmUp() {
    assertThat(Warmup.start(new String[] {"sync", "--dry-run"}, Map.of())).isNotEmpty();
    assertThat(Warmup.start(new String[] {"workflow", "offboard", "--filter", "x"}, REAL)).isNotEmpty();
  }

  @Test
  void theIntegrationMapperIsWarmedOnlyWhenADocumentWillBeRead() {
    // the built-in integration is built in code: its mapper is not needed before the first request
    assertThat(Warmup.tasks(new String[] {"sync", "--role", "25", "--dry-run"}, REAL))
        .containsExactlyInAnyOrder(Warmup.Task.HTTP, Warmup.Task.TLS, Warmup.Task.BREX_JSON);
    assertThat(Warmup.tasks(new String[] {"sync", "--config", "integration.json"}, REAL)).contains(Warmup.Task.INTEGRATION_JSON);
    assertThat(Warmup.tasks(new String[] {"sync", "--config=integration.json"}, REAL)).contains(Warmup.Task.INTEGRATION_JSON);
  }

  @Test
  void theTlsContextIsWarmedOnlyWhenAnEndpointMayBeHttps() {
    String[] sync = {"sync", "--role", "25"};
    assertThat(Warmup.tasks(sync, Map.of())).as("the sandbox").doesNotContain(Warmup.Task.TLS);
    assertThat(Warmup.tasks(sync, REAL)).as("Brex production").contains(Warmup.Task.TLS);
    assertThat(Warmup.tasks(new String[] {"sync", "--brex-url", "http://127.0.0.1:1", "--oomnitza-url=http://127.0.0.1:2"}, REAL))
        .as("both on the command line, plain http").doesNotContain(Warmup.Task.TLS);
    assertThat(Warmup.tasks(sync, Map.of("BREX_API_TOKEN", "t", "BREX_BASE_URL", "http://localhost:1", "OOMNITZA_URL",
        "HTTP://localhost:2", "OOMNITZA_API_TOKEN", "o"))).as("both in the environment, plain http").doesNotContain(Warmup.Task.TLS);
    assertThat(Warmup.tasks(new String[] {"sync", "--brex-url", "http://127.0.0.1:1"}, REAL))
        .as("Oomnitza on https").contains(Warmup.Task.TLS);
    assertThat(Warmup.tasks(new String[] {"sync", "--config", "integration.json"}, Map.of()))
        .as("a document may name endpoints of its own").contains(Warmup.Task.TLS);
    assertThat(Warmup.tasks(new String[] {"sync", "--brex-url", "http://127.0.0.1:1", "--oomnitza-url", "http://127.0.0.1:2",
        "--config", "integration.json"}, REAL)).as("the command line wins over the document").doesNotContain(Warmup.Task.TLS);
  }

  @Test
  void helpVersionAndLocalCommandsDoNot() {
    assertThat(Warmup.start(new String[] {}, REAL)).isEmpty();
    assertThat(Warmup.start(new String[] {"--version"}, REAL)).isEmpty();
    assertThat(Warmup.start(new String[] {"sync", "--help"}, REAL)).isEmpty();
    assertThat(Warmup.start(new String[] {"sandbox"}, REAL)).isEmpty();
  }
}
