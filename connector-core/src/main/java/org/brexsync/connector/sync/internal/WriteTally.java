package org.brexsync.connector.sync.internal;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.brexsync.connector.sync.WriteCounts;

/** Record-level write counts, counted after the calls, and the bulk run's portions. Thread-safe. */
final class WriteTally {
  final AtomicLong sent = new AtomicLong();
  final AtomicLong accepted = new AtomicLong();
  final AtomicLong failed = new AtomicLong();
  final AtomicLong unverified = new AtomicLong();
  /** Bulk: uploads tried, uploads that failed whole, uploads that reached Oomnitza. */
  final AtomicInteger bulkUploads = new AtomicInteger();
  final AtomicInteger bulkUploadsFailed = new AtomicInteger();
  final AtomicInteger bulkPortionsSent = new AtomicInteger();
  private volatile String firstBulkError;

  void accepted() {
    sent.incrementAndGet();
    accepted.incrementAndGet();
  }

  void failedAfterSending() {
    sent.incrementAndGet();
    failed.incrementAndGet();
  }

  synchronized void bulkUploadFailed(boolean sent, String message) {
    bulkUploadsFailed.incrementAndGet();
    if (sent) {
      // The server may have opened the run before failing: finalize it.
      bulkPortionsSent.incrementAndGet();
    }
    if (firstBulkError == null) {
      firstBulkError = message;
    }
  }

  boolean everyUploadFailed() {
    return bulkUploads.get() > 0 && bulkUploadsFailed.get() == bulkUploads.get();
  }

  String allUploadsFailed() {
    int n = bulkUploadsFailed.get();
    return "every bulk upload failed (" + n + (n == 1 ? " portion" : " portions") + "): " + firstBulkError;
  }

  WriteCounts counts() {
    return WriteCounts.of(sent.get(), accepted.get(), failed.get(), unverified.get());
  }
}
