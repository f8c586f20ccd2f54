package org.brexsync.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The start-up warm-up runs only for commands that will make requests. */
class WarmupTest {
  @Test
  void commandsThatTalkToBrexOrOomnitzaWarmUp() {
    assertThat(Warmup.start(new String[] {"sync", "--dry-run"})).isEqualTo(2);
    assertThat(Warmup.start(new String[] {"workflow", "offboard", "--filter", "x"})).isEqualTo(2);
  }

  @Test
  void helpVersionAndLocalCommandsDoNot() {
    assertThat(Warmup.start(new String[] {})).isZero();
    assertThat(Warmup.start(new String[] {"--version"})).isZero();
    assertThat(Warmup.start(new String[] {"sync", "--help"})).isZero();
    assertThat(Warmup.start(new String[] {"sandbox"})).isZero();
  }
}
