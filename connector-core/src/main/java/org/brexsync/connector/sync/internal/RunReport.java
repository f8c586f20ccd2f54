package org.brexsync.connector.sync.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.brexsync.connector.sync.RunStatus;
import org.brexsync.connector.sync.SyncReport;

/** Puts the report of a run together from its stages' tallies. */
final class RunReport {
  private RunReport() {}

  static SyncReport of(String runId, String integration, RunConfig cfg, RunStatus status, Optional<String> reason,
      Optional<String> runLog, Instant start, long startNanos, Outcomes o, CountingPorts counters, WriteTally tally, int retries) {
    Map<String, Long> calls = new LinkedHashMap<>();
    calls.put("brex", counters.brex.get());
    calls.put("oomnitza", counters.oomnitza.get());
    calls.put("oomnitzaWrites", counters.oomnitzaWrites.get());
    return SyncReport.builder()
        .runId(runId)
        .integration(integration)
        .status(status)
        .dryRun(cfg.dryRun)
        .reason(reason)
        .startedAt(start)
        .finishedAt(cfg.clock.instant())
        .durationMillis((System.nanoTime() - startNanos) / 1_000_000)
        .totals(o.totals)
        .deprovisioned(o.deprovisioned)
        .httpCalls(calls)
        .recordWrites(tally.counts())
        .writeRetries(retries)
        .notAttempted(o.notAttempted)
        .duplicates(o.duplicates)
        .duplicateIds(o.duplicateIds)
        .bulkRunLog(runLog)
        .outcomes(o.reported)
        .outcomesTruncated(o.truncated)
        .build();
  }
}
