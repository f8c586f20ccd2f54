package org.brexsync.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The start-up warm-up runs only for commands that will make requests. */
class WarmupTest {
  @Test
  void commandsThatTalkToBrexOrOomnitzaWarmUp() {
    assertThat(Warmup.start(new String[] {"sync", "--dry-run"})).isNotEmpty();
    assertThat(Warmup.start(new String[] {"workflow", "offboard", "--filter", "x"})).isNotEmpty();
  }

  @Test
  void theIntegrationMapperIsWarmedOnlyWhenADocumentWillBeRead() {
    // the built-in integration is built in code: its mapper is not needed before the first request
    assertThat(Warmup.tasks(new String[] {"sync", "--role", "25", "--dry-run"}))
        .containsExactlyInAnyOrder(Warmup.Task.TLS, Warmup.Task.BREX_JSON);
    assertThat(Warmup.tasks(new String[] {"sync", "--config", "integration.json"})).contains(Warmup.Task.INTEGRATION_JSON);
    assertThat(Warmup.tasks(new String[] {"sync", "--config=integration.json"})).contains(Warmup.Task.INTEGRATION_JSON);
  }

  @Test
  void helpVersionAndLocalCommandsDoNot() {
    assertThat(Warmup.start(new String[] {})).isEmpty();
    assertThat(Warmup.start(new String[] {"--version"})).isEmpty();
    assertThat(Warmup.start(new String[] {"sync", "--help"})).isEmpty();
    assertThat(Warmup.start(new String[] {"sandbox"})).isEmpty();
  }
}
