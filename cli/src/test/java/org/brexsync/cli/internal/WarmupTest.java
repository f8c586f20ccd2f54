package org.brexsync.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The start-up warm-up: the TLS context, only for commands that make requests and only when an endpoint may be https. */
class WarmupTest {
  private static final Map<String, String> REAL = Map.of("BREX_API_TOKEN", "t", "OOMNITZA_URL", "https://acme.oomnitza.com",
      "OOMNITZA_API_TOKEN", "o");

  @Test
  void commandsThatTalkToBrexOrOomnitzaOverHttpsWarmTls() {
    assertThat(Warmup.start(new String[] {"sync", "--role", "25"}, REAL)).isTrue();
    assertThat(Warmup.start(new String[] {"workflow", "offboard", "--filter", "x"}, REAL)).isTrue();
    assertThat(Warmup.warmsTls(new String[] {"sync", "--config", "integration.json"}, Map.of()))
        .as("a document may name https endpoints of its own").isTrue();
  }

  @Test
  void nothingIsWarmedWhenEveryEndpointIsPlainHttp() {
    String[] sync = {"sync", "--role", "25"};
    assertThat(Warmup.warmsTls(sync, Map.of())).as("the sandbox").isFalse();
    assertThat(Warmup.warmsTls(new String[] {"sync", "--brex-url", "http://127.0.0.1:1", "--oomnitza-url=http://127.0.0.1:2"}, REAL))
        .as("both on the command line").isFalse();
    assertThat(Warmup.warmsTls(sync, Map.of("BREX_API_TOKEN", "t", "BREX_BASE_URL", "http://localhost:1", "OOMNITZA_URL",
        "HTTP://localhost:2", "OOMNITZA_API_TOKEN", "o"))).as("both in the environment").isFalse();
    assertThat(Warmup.warmsTls(new String[] {"sync", "--brex-url", "http://127.0.0.1:1", "--oomnitza-url", "http://127.0.0.1:2",
        "--config", "integration.json"}, REAL)).as("the command line wins over the document").isFalse();
    assertThat(Warmup.warmsTls(new String[] {"sync", "--brex-url", "http://127.0.0.1:1"}, REAL))
        .as("Oomnitza is still https").isTrue();
  }

  @Test
  void helpVersionAndLocalCommandsDoNot() {
    assertThat(Warmup.start(new String[] {}, REAL)).isFalse();
    assertThat(Warmup.start(new String[] {"--version"}, REAL)).isFalse();
    assertThat(Warmup.start(new String[] {"sync", "--help"}, REAL)).isFalse();
    assertThat(Warmup.start(new String[] {"sandbox"}, REAL)).isFalse();
  }

  @Test
  void theBrexMapperWarmUpNeverThrows() {
    Warmup.brexJson();
    Warmup.brexJson();
  }
}
