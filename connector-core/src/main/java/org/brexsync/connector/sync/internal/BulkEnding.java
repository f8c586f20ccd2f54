package org.brexsync.connector.sync.internal;

import java.util.Optional;
import org.brexsync.connector.port.BulkRunLog;
import org.brexsync.connector.port.UserSink;
import org.brexsync.connector.sync.RunStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends the run's bulk run: finalizes it (or aborts it with the reason when the run failed), but only
 * if some portion reached Oomnitza; when records could not be verified from the portions' answers,
 * reads Oomnitza's run log once for the report.
 */
final class BulkEnding {
  private static final Logger LOG = LoggerFactory.getLogger("org.brexsync.connector.sync.SyncEngine");

  /** How a run ends: its status and reason, and Oomnitza's run log of a bulk run. */
  static final class Ending {
    RunStatus status;
    Optional<String> reason;
    Optional<String> runLog = Optional.empty();

    Ending(RunStatus status, Optional<String> reason) {
      this.status = status;
      this.reason = reason;
    }

    void addReason(String more) {
      reason = Optional.of(reason.map(r -> r + "; ").orElse("") + more);
    }
  }

  private BulkEnding() {}

  static void end(UserSink sink, String runId, WriteTally tally, Ending end) {
    if (tally.bulkPortionsSent.get() == 0) {
      return;
    }
    try {
      if (end.status == RunStatus.FAILED) {
        sink.abortBulk(runId, end.reason.orElse("the sync run failed"));
        return;
      }
      sink.finalizeBulk(runId);
    } catch (Throwable ex) {
      LOG.warn("sync run {}: finalizing bulk portion failed: {}", runId, Writer.message(ex));
      String m = "finalizing the bulk portion failed: " + Writer.message(ex);
      if (tally.everyUploadFailed()) {
        // Oomnitza took no portion: the upload errors are the story, the finalize error a footnote.
        end.reason = Optional.of(tally.allUploadsFailed() + "; " + m);
      } else {
        end.addReason(m);
      }
      if (end.status.isComplete()) {
        end.status = RunStatus.COMPLETED_WITH_FAILURES;
      }
      return;
    }
    long unverified = tally.unverified.get();
    if (unverified == 0) {
      return;
    }
    try {
      Optional<BulkRunLog> log = sink.bulkRunLog(runId);
      if (log.isEmpty()) {
        end.runLog = Optional.of("not available from this sink; " + unverified + " records unverified");
        return;
      }
      end.runLog = Optional.of(log.get().describe());
      if (log.get().failed() > 0 && end.status.isComplete()) {
        end.status = RunStatus.COMPLETED_WITH_FAILURES;
        end.addReason("Oomnitza's run log reports " + log.get().failed() + " failed record(s) among the "
            + unverified + " unverified; they are checked again by the next run");
      }
    } catch (Throwable ex) {
      end.runLog = Optional.of("could not be read: " + Writer.message(ex));
    }
  }
}
