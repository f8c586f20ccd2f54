package org.brexsync.connector.sync.internal;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs tasks on an executor with at most {@code limit} running at once, without blocking the
 * submitter: tasks beyond the limit wait in a queue and start as running ones finish (one executor
 * task per task). Thread-safe.
 */
final class Lane {
  /** A task, told when the executor refuses it. */
  interface Task extends Runnable {
    /** The executor refused the task; it will not run. */
    void rejected(RuntimeException why);
  }

  private final Executor executor;
  private final int limit;
  private final ArrayDeque<Task> waiting = new ArrayDeque<>();
  private int running;

  Lane(Executor executor, int limit) {
    this.executor = executor;
    this.limit = Math.max(1, limit);
  }

  void submit(Task task) {
    synchronized (this) {
      if (running >= limit) {
        waiting.add(task);
        return;
      }
      running++;
    }
    start(task);
  }

  private void start(Task task) {
    Task t = task;
    while (t != null) {
      try {
        Task current = t;
        executor.execute(() -> {
          try {
            current.run();
          } finally {
            next();
          }
        });
        return;
      } catch (RejectedExecutionException | NullPointerException e) {
        t.rejected(e instanceof RejectedExecutionException ? e : new RejectedExecutionException(e));
        t = poll();
      }
    }
  }

  private void next() {
    Task t = poll();
    if (t != null) {
      start(t);
    }
  }

  /** The next waiting task (keeping its slot), or null (releasing the slot). */
  private synchronized Task poll() {
    Task t = waiting.poll();
    if (t == null) {
      running--;
    }
    return t;
  }
}
