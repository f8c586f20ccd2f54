package org.brexsync.http.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.http.HttpClient;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@link HttpClient} of one client and whether the client owns it (the owned-vs-injected rule of every brexsync client). An owned HttpClient is
 * built with an executor of our own, which {@link #close()} shuts down; on JDK 21+ the HttpClient
 * itself is shut down too ({@code HttpClient} is {@code AutoCloseable} only from JDK 21, and this
 * code is compiled for 17, so that call is made reflectively). An injected HttpClient belongs to
 * the caller and is never shut down. Thread-safe. Not public API.
 *
 * <p>Sends are bracketed by {@link #enter()} and {@link #exit()}: {@link #close()} refuses new
 * sends at once but releases an owned HttpClient only when no send is in flight (the last one to
 * finish releases it), because on JDK 17 a send whose executor is shut down under it never
 * completes.
 */
public final class HttpResources {
  private static final Optional<Method> SHUTDOWN = shutdownMethod();

  private final HttpClient http;
  private final ExecutorService ownedExecutor;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicBoolean released = new AtomicBoolean();
  private final AtomicInteger inFlight = new AtomicInteger();

  private HttpResources(HttpClient http, ExecutorService ownedExecutor) {
    this.http = http;
    this.ownedExecutor = ownedExecutor;
  }

  /** An HttpClient built here from {@code builder}, owned and released by {@link #close()}. */
  public static HttpResources own(HttpClient.Builder builder, String threadPrefix) {
    AtomicInteger n = new AtomicInteger();
    ExecutorService executor = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, threadPrefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    try {
      return new HttpResources(builder.executor(executor).build(), executor);
    } catch (RuntimeException | Error e) {
      executor.shutdownNow();
      throw e;
    }
  }

  /** The caller's HttpClient: used, never shut down. */
  public static HttpResources borrow(HttpClient http) {
    return new HttpResources(http, null);
  }

  /** The HttpClient. */
  public HttpClient client() {
    return http;
  }

  /** Whether the HttpClient was built here (and is released by {@link #close()}). */
  public boolean owned() {
    return ownedExecutor != null;
  }

  /** The executor of an owned HttpClient (for tests that check it was released). */
  public Optional<ExecutorService> ownedExecutor() {
    return Optional.ofNullable(ownedExecutor);
  }

  /** Whether {@link #close()} was called. */
  public boolean isClosed() {
    return closed.get();
  }

  /**
   * Starts a send: false (and nothing to {@link #exit()}) when closed. Every true must be followed
   * by exactly one {@link #exit()}.
   */
  public boolean enter() {
    inFlight.incrementAndGet();
    if (closed.get()) {
      exit();
      return false;
    }
    return true;
  }

  /** Ends a send started by a successful {@link #enter()}. */
  public void exit() {
    if (inFlight.decrementAndGet() == 0 && closed.get()) {
      release();
    }
  }

  /**
   * Marks the resources closed (idempotent) and, when owned, releases them without waiting for
   * sends in flight: they finish, and the last of them releases the HttpClient.
   */
  public void close() {
    if (closed.compareAndSet(false, true) && inFlight.get() == 0) {
      release();
    }
  }

  private void release() {
    if (ownedExecutor == null || !released.compareAndSet(false, true)) {
      return;
    }
    SHUTDOWN.ifPresent(m -> {
      try {
        m.invoke(http);
      } catch (IllegalAccessException | InvocationTargetException e) {
        // best effort: the executor below is released whatever the JDK
      }
    });
    ownedExecutor.shutdown();
  }

  private static Optional<Method> shutdownMethod() {
    try {
      return Optional.of(HttpClient.class.getMethod("shutdown"));
    } catch (NoSuchMethodException jdk17to20) {
      return Optional.empty();
    }
  }
}
