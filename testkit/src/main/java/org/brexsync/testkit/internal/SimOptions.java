package org.brexsync.testkit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.function.Consumer;
import org.brexsync.testkit.FaultInjector;

/**
 * The builder options both simulators share, with their defaults in one place, and the server
 * start-up that uses them; each simulator's public builder keeps its own setters and Javadoc and
 * writes into one of these.
 */
public final class SimOptions {
  public Clock clock = Clock.systemUTC();
  /** 0 = a random free port. */
  public int port;
  public int threads = 32;
  public int requestLogLimit = 10_000;
  public boolean recordRequests = true;
  public boolean strictRequestFields = true;
  public final FaultInjector faults = new FaultInjector();

  /**
   * Starts a loopback server with these options: {@code vendor} adds what differs per vendor
   * (error bodies, 429 answer, guards, headers) and {@code routes} registers the API.
   */
  public SimServer startServer(String name, Consumer<SimServer.Config> vendor, Consumer<Router> routes) {
    SimServer.Config c = new SimServer.Config();
    c.name = name;
    c.port = port;
    c.threads = threads;
    c.clock = clock;
    c.requestLogLimit = requestLogLimit;
    c.faults = faults;
    vendor.accept(c);
    Router router = new Router();
    routes.accept(router);
    try {
      SimServer server = new SimServer(c, router);
      server.recordRequests(recordRequests);
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** 128 random bits as 32 hex digits (tokens, trace ids). */
  public static String randomHex128() {
    java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
    return Long.toHexString(r.nextLong() | Long.MIN_VALUE) + Long.toHexString(r.nextLong() | Long.MIN_VALUE);
  }
}
