package org.brexsync.connector.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file tracker remembers first-seen SHIPPED times across runs and forgets activated cards. */
class ShipmentTrackerTest {
  static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
  static final Instant T1 = Instant.parse("2026-11-20T00:00:00Z");

  @Test
  void fileTrackerSurvivesARestart(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("state/shipments.properties");
    ShipmentTracker a = ShipmentTracker.file(f);
    assertThat(a.shippedSince("card_1", T0)).isEqualTo(T0);
    assertThat(a.shippedSince("card_2", T0)).isEqualTo(T0);
    a.flush();

    ShipmentTracker b = ShipmentTracker.file(f);
    assertThat(b.shippedSince("card_1", T1)).isEqualTo(T0);
    b.notShipped("card_2");
    b.flush();
    assertThat(Files.readString(f)).contains("card_1=2026-11-01T00:00:00Z").doesNotContain("card_2");
    assertThat(ShipmentTracker.file(f).shippedSince("card_2", T1)).isEqualTo(T1);
  }
}
