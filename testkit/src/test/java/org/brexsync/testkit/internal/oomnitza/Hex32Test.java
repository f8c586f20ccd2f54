package org.brexsync.testkit.internal.oomnitza;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The simulator's ids are what {@code String.format("%032X", v)} gave, for any long. */
class Hex32Test {
  @Test
  void matchesTheFormatterForEveryKindOfLong() {
    long[] values = {0, 1, 15, 16, 255, 0x9E3779B97F4A7C15L & Long.MAX_VALUE, Long.MAX_VALUE, -1, Long.MIN_VALUE,
        0x2545F4914F6CDD1DL * 7 & Long.MAX_VALUE ^ "key".hashCode(), 12345L ^ Integer.MIN_VALUE};
    for (long v : values) {
      assertThat(UserStore.hex32(v)).as("%d", v).isEqualTo(String.format(Locale.ROOT, "%032X", v)).hasSize(32);
    }
  }
}
