package org.brexsync.connector.schedule.internal;

import java.time.Clock;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.brexsync.connector.port.RunHistory;
import org.brexsync.connector.port.RunRecord;
import org.slf4j.Logger;

/**
 * One scheduled run recorded in a {@link RunHistory} when it starts and when it ends (also when it
 * throws), for both the sync and the workflow scheduler. Not API.
 */
public final class RecordedRun {
  private RecordedRun() {}

  /**
   * Runs {@code job}, recording it as {@code name} of {@code kind} by {@code worker}.
   *
   * @param finished the record of a run that returned its report
   * @param onRun told of every ended run; its failures are logged, never thrown
   * @param log where a history or listener failure is logged
   * @return the job's report
   */
  public static <R> R run(Supplier<R> job, String name, RunRecord.Kind kind, String worker, RunHistory history,
      Clock clock, BiFunction<RunRecord, R, RunRecord> finished, Consumer<RunRecord> onRun, Logger log) {
    RunRecord run = RunRecord.started(UUID.randomUUID().toString(), name, kind, worker, clock.instant());
    history.record(run);
    try {
      R report = job.get();
      end(finished.apply(run, report), history, onRun, log);
      return report;
    } catch (RuntimeException e) {
      end(run.ended(RunRecord.Status.FAILED, String.valueOf(e.getMessage()), clock.instant()), history, onRun, log);
      throw e;
    }
  }

  private static void end(RunRecord run, RunHistory history, Consumer<RunRecord> onRun, Logger log) {
    try {
      history.record(run);
    } catch (RuntimeException e) {
      log.error("{} (the run history could not record it: {})", run.line(), e.getMessage());
    }
    try {
      onRun.accept(run);
    } catch (RuntimeException e) {
      log.warn("run listener failed: {}", e.toString());
    }
  }
}
