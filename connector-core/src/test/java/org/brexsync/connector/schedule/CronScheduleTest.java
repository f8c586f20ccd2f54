package org.brexsync.connector.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.brexsync.connector.IntegrationJson;
import org.junit.jupiter.api.Test;

/** Cron schedules: crontab's five fields (or six with seconds), zones, names, steps, and clear errors. */
class CronScheduleTest {
  static final ZoneId UTC = ZoneId.of("UTC");

  static Instant next(String cron, ZoneId zone, String after) {
    return Schedule.cron(cron, zone).nextAfter(Instant.parse(after));
  }

  @Test
  void fiveFieldsAsCrontabHasThem() {
    assertThat(next("30 2 * * *", UTC, "2026-11-27T10:00:00Z")).isEqualTo("2026-11-28T02:30:00Z");
    assertThat(next("*/15 * * * *", UTC, "2026-11-27T10:07:12Z")).isEqualTo("2026-11-27T10:15:00Z");
    assertThat(next("0 9-17/4 * * MON-FRI", UTC, "2026-11-27T17:00:00Z")).as("Friday 17:00 -> Monday 09:00")
        .isEqualTo("2026-11-30T09:00:00Z");
    assertThat(next("0 0 1 JAN,jul *", UTC, "2026-02-01T00:00:00Z")).isEqualTo("2026-07-01T00:00:00Z");
    assertThat(next("0 0 * * 7", UTC, "2026-11-27T00:00:00Z")).as("7 is Sunday").isEqualTo("2026-11-29T00:00:00Z");
  }

  @Test
  void strictlyAfterNowAndSixFieldsCountSeconds() {
    assertThat(next("0 * * * *", UTC, "2026-11-27T10:00:00Z")).isEqualTo("2026-11-27T11:00:00Z");
    assertThat(next("*/10 * * * * *", UTC, "2026-11-27T10:00:05.5Z")).isEqualTo("2026-11-27T10:00:10Z");
    assertThat(next("59 59 23 31 12 *", UTC, "2026-12-31T23:59:59Z")).isEqualTo("2027-12-31T23:59:59Z");
  }

  @Test
  void bothDayFieldsRestrictedMeansEither() {
    // The 13th or any Friday, as crontab reads it: Friday 2026-11-27 comes before the 13th of December.
    assertThat(next("0 12 13 * FRI", UTC, "2026-11-26T00:00:00Z")).isEqualTo("2026-11-27T12:00:00Z");
  }

  @Test
  void timesAreInTheScheduleZoneAcrossDaylightSaving() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    assertThat(next("0 6 * * *", berlin, "2026-03-28T12:00:00Z")).as("06:00 CEST").isEqualTo("2026-03-29T04:00:00Z");
    assertThat(next("30 2 * * *", berlin, "2026-03-28T12:00:00Z")).as("02:30 does not exist on the 29th: 03:30")
        .isEqualTo("2026-03-29T01:30:00Z");
  }

  @Test
  void badExpressionsAreRefusedNamingTheField() {
    assertThatThrownBy(() -> Schedule.cron("0 25 * * *", UTC)).hasMessageContaining("hours 25 is outside 0-23");
    assertThatThrownBy(() -> Schedule.cron("0 0 * *", UTC)).hasMessageContaining("must have 5 fields");
    assertThatThrownBy(() -> Schedule.cron("0 0 30 FEB *", UTC)).hasMessageContaining("never fires");
    assertThatThrownBy(() -> Schedule.cron("x 0 * * *", UTC)).hasMessageContaining("cannot read minutes 'x'");
    assertThatThrownBy(() -> Schedule.cron("0 5-1 * * *", UTC)).hasMessageContaining("runs backwards");
  }

  @Test
  void anIntegrationDocumentTakesACronScheduleAndOnlyOneKind() {
    String doc = """
        {"name": "n", "mapping": {"syncKey": "email", "rules": [{"target": "email", "source": "email"}]},
         "schedule": {"cron": "0 */6 * * *", "zone": "America/New_York"}}
        """;
    Schedule s = IntegrationJson.read(doc).schedule();
    assertThat(s.cron()).contains("0 */6 * * *");
    assertThat(s.describe()).isEqualTo("cron '0 */6 * * *' America/New_York");
    assertThat(IntegrationJson.read(IntegrationJson.write(IntegrationJson.read(doc))).schedule()).isEqualTo(s);
    assertThatThrownBy(() -> IntegrationJson.read(doc.replace("\"zone\"", "\"every\": \"PT1H\", \"zone\"")))
        .hasMessageContaining("use one of dailyAt, every or cron");
  }
}
