package org.brexsync.connector.workflow.internal;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a piece of work for every record of a paged selection, at most {@code concurrency} at once,
 * and hands the results back in selection order on the caller's thread. Pages are read one at a time
 * as the work reaches them, so memory holds a page and the records in flight, never the selection.
 * Not API.
 */
public final class FanOut {
  private FanOut() {}

  /**
   * Runs {@code work} for each record of {@code pages} (an empty result is skipped) and passes each
   * result, in order, to {@code done} (also told of skipped records, with an empty result).
   */
  public static <T, R> void run(Iterator<List<T>> pages, int concurrency, Function<T, Optional<R>> work, Consumer<Optional<R>> done) {
    if (concurrency <= 1) {
      while (pages.hasNext()) {
        for (T t : pages.next()) {
          done.accept(work.apply(t));
        }
      }
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(concurrency, org.brexsync.connector.internal.Threads.daemon("brexsync-workflow"));
    Semaphore slots = new Semaphore(concurrency);
    ArrayDeque<CompletableFuture<Optional<R>>> pending = new ArrayDeque<>();
    try {
      while (pages.hasNext()) {
        for (T t : pages.next()) {
          acquire(slots);
          CompletableFuture<Optional<R>> f;
          try {
            f = CompletableFuture.supplyAsync(() -> {
              try {
                return work.apply(t);
              } finally {
                slots.release();
              }
            }, pool);
          } catch (RuntimeException e) {
            slots.release();
            throw e;
          }
          pending.addLast(f);
          // Hand back what is finished at the head; wait on the head only when far behind.
          while (!pending.isEmpty() && (pending.peekFirst().isDone() || pending.size() > 4 * concurrency)) {
            done.accept(join(pending.pollFirst()));
          }
        }
      }
      while (!pending.isEmpty()) {
        done.accept(join(pending.pollFirst()));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static void acquire(Semaphore s) {
    try {
      s.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static <R> R join(CompletableFuture<R> f) {
    try {
      return f.join();
    } catch (CompletionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException) {
        throw (RuntimeException) c;
      }
      if (c instanceof Error) {
        throw (Error) c;
      }
      throw e;
    }
  }
}
