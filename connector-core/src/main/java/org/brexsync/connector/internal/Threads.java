package org.brexsync.connector.internal;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Named daemon threads ({@code name-1}, {@code name-2}, ...) for the pools of runs and workflows, so
 * they never keep the JVM alive. Not API.
 */
public final class Threads {
  private Threads() {}

  /** {@return a factory of daemon threads named {@code name-N}} */
  public static ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
