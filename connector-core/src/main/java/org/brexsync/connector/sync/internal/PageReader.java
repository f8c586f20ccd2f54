package org.brexsync.connector.sync.internal;

import org.brexsync.connector.internal.Threads;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.brexsync.connector.port.UserPage;
import org.brexsync.connector.port.UserSource;
import org.brexsync.connector.sync.RunStatus;

/**
 * Stage 1, read: Brex's cursor chain of user pages, each next page requested on a thread of its own
 * as soon as the previous one arrived, so the chain's round trips overlap the planning of the page in
 * hand. Memory: the page in hand and the one being fetched.
 */
final class PageReader implements AutoCloseable {
  private final UserSource source;
  private final int pageSize;
  private ExecutorService thread;
  private Future<UserPage> next;
  private boolean done;

  PageReader(UserSource source, int pageSize) {
    this.source = source;
    this.pageSize = pageSize;
  }

  /** The next page, or null after the last one. */
  UserPage next() {
    if (done) {
      return null;
    }
    if (next == null) {
      next = fetch(Optional.empty());
    }
    UserPage page = await(next);
    boolean last = page.nextCursor().isEmpty() || page.items().isEmpty();
    next = last ? null : fetch(page.nextCursor());
    done = last;
    return page;
  }

  /** Starts fetching the first page now (while the run prepares something else). */
  void prefetch() {
    if (next == null && !done) {
      next = fetch(Optional.empty());
    }
  }

  /** Whether the last page was returned. */
  boolean exhausted() {
    return done;
  }

  /** Stops reading (a record limit was reached or the run ends): the page in flight is cancelled. */
  void stop() {
    done = true;
    if (next != null) {
      next.cancel(true);
      next = null;
    }
  }

  private Future<UserPage> fetch(Optional<String> cursor) {
    if (thread == null) {
      thread = Executors.newSingleThreadExecutor(Threads.daemon("brexsync-brex-reader"));
    }
    return thread.submit(() -> source.listUsers(cursor, pageSize));
  }

  private static UserPage await(Future<UserPage> f) {
    try {
      return f.get();
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new RunStops.Abort(RunStatus.CANCELLED, "interrupted");
    } catch (ExecutionException ex) {
      Throwable c = ex.getCause();
      throw new RunStops.SourceFailure("reading Brex users failed: " + c.getClass().getSimpleName() + ": " + c.getMessage(), c);
    }
  }

  @Override
  public void close() {
    stop();
    if (thread != null) {
      thread.shutdownNow();
    }
  }
}
