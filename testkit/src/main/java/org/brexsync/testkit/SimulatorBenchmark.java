package org.brexsync.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * Measures what the issue asks of the simulators: small requests per second, and heap used by
 * 100,000 users of state in both simulators.
 *
 * <pre>
 * ./mvnw -q -pl testkit exec:exec -Dexec.executable=java \
 *   -Dexec.args="-Xmx200m -cp %classpath org.brexsync.testkit.SimulatorBenchmark"
 * </pre>
 *
 * Options: {@code --users N} (100000), {@code --seconds S} per phase (10), {@code --threads T}
 * client connections (8). The client is a minimal keep-alive HTTP/1.1 socket client running in
 * the same JVM, so client and server share the machine's cores: the figures are lower bounds.
 */
public final class SimulatorBenchmark {

  private SimulatorBenchmark() {}

  /**
   * Runs the benchmark and prints the figures.
   *
   * @param args the command-line arguments (see the class comment)
   * @throws Exception when the simulators cannot start or a request fails
   */
  public static void main(String[] args) throws Exception {
    int users = 100_000;
    int seconds = 10;
    int threads = 8;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--users": users = Integer.parseInt(args[i + 1]); break;
        case "--seconds": seconds = Integer.parseInt(args[i + 1]); break;
        case "--threads": threads = Integer.parseInt(args[i + 1]); break;
        default: throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    System.out.printf(Locale.ROOT, "java %s, %d cores, max heap %d MB%n", System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
    long baseline = usedHeapAfterGc();
    SyntheticCompany company = SyntheticCompany.generate(42, users);
    try (BrexSimulator brex = BrexSimulator.builder().company(company).rateLimit(0, java.time.Duration.ofSeconds(60)).start();
         OomnitzaSimulator oomnitza = OomnitzaSimulator.start()) {
      long t0 = System.nanoTime();
      for (int i = 0; i < users; i++) {
        ObjectNode u = company.oomnitzaUser(i);
        u.put("brex_user_id", company.userId(i));
        oomnitza.addUser(u);
      }
      // change 10% of the Brex users so they are held in the simulator's state too
      for (int i = 0; i < users; i += 10) {
        brex.setUserStatus(company.userId(i), i % 20 == 0 ? "DISABLED" : "ACTIVE");
      }
      long seedMillis = (System.nanoTime() - t0) / 1_000_000;
      long used = usedHeapAfterGc() - baseline;
      System.out.printf(Locale.ROOT, "state: %,d Oomnitza users + %,d Brex users (%,d changed) seeded in %,d ms; "
          + "heap used by state %.1f MB%n", oomnitza.userCount(), brex.userCount(), users / 10, seedMillis, used / 1048576.0);

      final int n = users;
      String brexAuth = "Authorization: Bearer " + brex.token();
      double brexRps = run("brex GET /v2/users/{id}", brex.baseUri(), brexAuth, n, threads, seconds,
          r -> "/v2/users/" + company.userId(r));
      double brexCards = run("brex GET /v2/cards?user_id=", brex.baseUri(), brexAuth, n, threads, seconds,
          r -> "/v2/cards?user_id=" + company.userId(r));
      String oomAuth = "Authorization2: " + oomnitza.apiToken();
      double oomRps = run("oomnitza GET /api/v3/users/{username}", oomnitza.baseUri(), oomAuth, n, threads, seconds,
          r -> "/api/v3/users/" + company.email(r));
      System.out.printf(Locale.ROOT, "summary: brex %.0f req/s (users) %.0f req/s (cards), oomnitza %.0f req/s, "
          + "state %.1f MB for %,d users per simulator%n", brexRps, brexCards, oomRps, used / 1048576.0, n);
    }
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static double run(String name, URI base, String auth, int users, int threads, int seconds,
      IntFunction<String> path) throws InterruptedException {
    AtomicLong ok = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    long warmupEnd = System.nanoTime() + 2_000_000_000L;
    long end = warmupEnd + seconds * 1_000_000_000L;
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      final long seed = t;
      Thread w = new Thread(() -> {
        SplittableRandom rnd = new SplittableRandom(seed);
        try (Socket s = new Socket(base.getHost(), base.getPort())) {
          s.setTcpNoDelay(true);
          OutputStream out = s.getOutputStream();
          InputStream in = new BufferedInputStream(s.getInputStream(), 65536);
          String host = "Host: " + base.getHost() + ":" + base.getPort() + "\r\n";
          while (true) {
            long now = System.nanoTime();
            if (now > end) {
              break;
            }
            String req = "GET " + path.apply(rnd.nextInt(users)) + " HTTP/1.1\r\n" + host + auth + "\r\n\r\n";
            out.write(req.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            int status = readResponse(in);
            if (now > warmupEnd) {
              (status == 200 ? ok : failed).incrementAndGet();
            }
          }
        } catch (IOException e) {
          failed.incrementAndGet();
        }
      });
      w.start();
      workers.add(w);
    }
    for (Thread w : workers) {
      w.join();
    }
    double rps = ok.get() / (double) seconds;
    System.out.printf(Locale.ROOT, "%-40s %,10.0f req/s  (%d threads, %d s, %,d ok, %,d failed)%n", name, rps, threads,
        seconds, ok.get(), failed.get());
    return rps;
  }

  /** Reads one HTTP/1.1 response with Content-Length; returns the status. */
  private static int readResponse(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    int status = -1;
    int length = 0;
    while (true) {
      int c = in.read();
      if (c < 0) {
        throw new IOException("connection closed");
      }
      if (c == '\n') {
        String l = line.toString().trim();
        line.setLength(0);
        if (l.isEmpty()) {
          break;
        }
        if (status < 0) {
          status = Integer.parseInt(l.substring(9, 12));
        } else if (l.regionMatches(true, 0, "Content-Length:", 0, 15)) {
          length = Integer.parseInt(l.substring(15).trim());
        }
      } else {
        line.append((char) c);
      }
    }
    long skipped = 0;
    while (skipped < length) {
      long k = in.skip(length - skipped);
      if (k <= 0) {
        if (in.read() < 0) {
          throw new IOException("truncated");
        }
        k = 1;
      }
      skipped += k;
    }
    return status;
  }
}
