package org.brexsync.connector.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report says how many outcomes its cap left out, in the summary and in the JSON. */
class SyncReportOmittedOutcomesTest {

  private static SyncReport report(int kept, long created, long unchanged) {
    List<RecordOutcome> outcomes = new ArrayList<>();
    for (int i = 0; i < kept; i++) {
      outcomes.add(RecordOutcome.builder().situation(Situation.CREATE).sourceId("cuuser_" + i).build());
    }
    Map<Situation, Long> totals = SyncReport.zeroTotals();
    totals.put(Situation.CREATE, created);
    totals.put(Situation.UNCHANGED, unchanged);
    return SyncReport.builder().runId("r").integration("i").status(RunStatus.SUCCEEDED).dryRun(false)
        .startedAt(Instant.EPOCH).finishedAt(Instant.EPOCH).durationMillis(0).totals(totals).deprovisioned(0)
        .httpCalls(Map.of()).outcomes(outcomes).outcomesTruncated(kept < created).build();
  }

  @Test
  void aCappedReportCountsTheOutcomesItLeftOut() {
    SyncReport r = report(10, 20_000, 5_000);

    assertThat(r.outcomesOmitted()).isEqualTo(19_990);
    assertThat(r.summary()).contains("19990 more outcomes are not kept in this report");
    assertThat(r.toJson()).contains("\"outcomesOmitted\" : 19990");
    SyncReport back = SyncReport.fromJson(r.toJson());
    assertThat(back).isEqualTo(r);
    assertThat(back.outcomesOmitted()).isEqualTo(19_990);
  }

  @Test
  void anUncappedReportLeavesNothingOut() {
    SyncReport r = report(3, 3, 40);

    assertThat(r.outcomesOmitted()).isZero();
    assertThat(r.summary()).doesNotContain("not kept");
  }
}
