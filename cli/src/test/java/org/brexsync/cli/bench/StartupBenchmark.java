package org.brexsync.cli.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.brexsync.testkit.BrexSimulator;
import org.brexsync.testkit.CompanySpec;
import org.brexsync.testkit.OomnitzaSimulator;

/**
 * Time from starting the {@code brexsync} process to its first HTTP request, measured from outside:
 * both simulators run in this JVM behind two small TCP relays that note when the first connection
 * arrives. The CLI runs {@code sync --dry-run} against them as a separate process of the shaded jar,
 * with the JVM options given as arguments. Not part of the test suite.
 *
 * <pre>
 * ./mvnw -B -q package -DskipTests   # builds cli/target/brexsync.jar and the launcher cli/target/brexsync
 * java -cp "$CPX" org.brexsync.cli.bench.StartupBenchmark [JVM options...]
 * java -cp "$CPX" -Dlauncher=cli/target/brexsync org.brexsync.cli.bench.StartupBenchmark [more JVM options...]
 * </pre>
 *
 * <p>With {@code -Dlauncher}, the CLI is started as a user starts it, through the launcher script
 * (its own JVM options, JVM options given here in {@code BREXSYNC_JAVA_OPTS}); one run before the
 * measured ones records the launcher's class-data archive in a temporary directory.
 */
public final class StartupBenchmark {
  private StartupBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path jar = Path.of(System.getProperty("brexsync.jar", "cli/target/brexsync.jar"));
    String launcher = System.getProperty("launcher");
    Path cdsDir = launcher == null ? null : Files.createTempDirectory("brexsync-cds");
    int runs = Integer.getInteger("runs", 7);
    List<String> jvm = List.of(args);
    System.out.printf(Locale.ROOT, "brexsync StartupBenchmark: %s, JVM options %s, %d runs; %d cores, load average %.2f%n",
        launcher == null ? jar : "launcher " + launcher, jvm, runs, Runtime.getRuntime().availableProcessors(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    try (BrexSimulator brex = BrexSimulator.builder().company(CompanySpec.of(5, 100)).start();
        OomnitzaSimulator oomnitza = OomnitzaSimulator.start();
        Relay brexRelay = new Relay(brex.baseUri());
        Relay oomRelay = new Relay(oomnitza.baseUri())) {
      List<Double> first = new ArrayList<>();
      List<Double> total = new ArrayList<>();
      List<Double> cpu = new ArrayList<>();
      for (int i = launcher == null ? 0 : -1; i < runs; i++) { // run -1 records the launcher's archive
        brexRelay.first.set(0);
        oomRelay.first.set(0);
        Path state = Files.createTempDirectory("brexsync-startup");
        List<String> cmd = new ArrayList<>();
        if (launcher == null) {
          cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
          cmd.addAll(jvm);
          cmd.addAll(List.of("-jar", jar.toString()));
        } else {
          cmd.add(launcher);
        }
        cmd.addAll(List.of("sync", "--role", "25", "--dry-run", "--state-dir", state.toString(),
            "--brex-url", brexRelay.uri(), "--oomnitza-url", oomRelay.uri()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Map<String, String> env = pb.environment();
        if (launcher != null) {
          env.put("JAVA_HOME", System.getProperty("java.home"));
          env.put("BREXSYNC_JAR", jar.toAbsolutePath().toString());
          env.put("BREXSYNC_CDS_DIR", cdsDir.toString());
          env.put("BREXSYNC_JAVA_OPTS", String.join(" ", jvm));
        }
        env.put("BREX_API_TOKEN", brex.token());
        env.put("OOMNITZA_API_TOKEN", oomnitza.apiToken());
        long t0 = System.nanoTime();
        Process p = pb.start();
        brexRelay.watch(p.pid());
        oomRelay.watch(p.pid());
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          throw new IllegalStateException("the CLI did not end");
        }
        long end = System.nanoTime();
        long f = Math.min(nonZero(brexRelay.first.get()), nonZero(oomRelay.first.get()));
        if (p.exitValue() != 0 || f == Long.MAX_VALUE) {
          throw new IllegalStateException("the CLI failed (exit " + p.exitValue() + ") or sent no request");
        }
        if (i < 0) {
          if (!Files.isRegularFile(cdsDir.resolve("brexsync.jsa"))) {
            throw new IllegalStateException("the launcher recorded no archive in " + cdsDir);
          }
          continue;
        }
        first.add((f - t0) / 1e6);
        long c = f == brexRelay.first.get() ? brexRelay.cpuAtFirst : oomRelay.cpuAtFirst;
        if (c >= 0) {
          cpu.add(c / 1e6);
        }
        total.add((end - t0) / 1e6);
      }
      first.sort(null);
      total.sort(null);
      cpu.sort(null);
      System.out.printf(Locale.ROOT, "first requests after (ms): %s%n", first);
      System.out.printf(Locale.ROOT, "%nFIGURE CLI process start to first request: %.0f ms median (best %.0f ms), whole dry-run sync "
          + "of 100 users %.0f ms median; goal <= 400 ms%n", first.get(first.size() / 2), first.get(0), total.get(total.size() / 2));
      if (!cpu.isEmpty()) {
        // On a machine shared with other work the wall-clock time measures the load as much as the
        // CLI; the CPU the process used until its first request does not depend on it.
        System.out.printf(Locale.ROOT, "FIGURE CLI CPU time (all threads) until the first request: %.0f ms median (best %.0f ms) %s%n",
            cpu.get(cpu.size() / 2), cpu.get(0), cpu);
      }
    }
  }

  private static long nonZero(long v) {
    return v == 0 ? Long.MAX_VALUE : v;
  }

  /** A TCP relay to a simulator that notes when its first connection arrives. */
  static final class Relay implements AutoCloseable {
    final AtomicLong first = new AtomicLong();
    private volatile long pid = -1;
    /** The watched process's CPU time in nanoseconds when the first connection arrived, or -1. */
    volatile long cpuAtFirst = -1;

    /** Notes the CPU time of this process when the next first connection arrives (Linux /proc only). */
    void watch(long pid) {
      this.cpuAtFirst = -1;
      this.pid = pid;
    }

    /** utime + stime of a process from /proc/PID/stat, in nanoseconds; -1 where unavailable. */
    private static long cpuNanos(long pid) {
      try {
        String stat = new String(java.nio.file.Files.readAllBytes(Path.of("/proc/" + pid + "/stat")), java.nio.charset.StandardCharsets.US_ASCII);
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // fields 14 and 15 of the whole line
        return ticks * (1_000_000_000L / 100); // USER_HZ is 100 on Linux
      } catch (IOException | RuntimeException e) {
        return -1;
      }
    }
    /** CPU time per thread name of a process from /proc/PID/task, in milliseconds, largest first. */
    private static String threadCpu(long pid) {
      Map<String, Long> byName = new java.util.TreeMap<>();
      try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
        for (Path task : (Iterable<Path>) tasks::iterator) {
          try {
            String stat = Files.readString(task.resolve("stat"), java.nio.charset.StandardCharsets.US_ASCII);
            String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+$", "#");
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            byName.merge(name, (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10, Long::sum);
          } catch (IOException | RuntimeException e) {
            // the thread ended meanwhile
          }
        }
      } catch (IOException e) {
        return "unavailable";
      }
      List<Map.Entry<String, Long>> l = new ArrayList<>(byName.entrySet());
      l.removeIf(e -> e.getValue() == 0);
      l.sort(Map.Entry.<String, Long>comparingByValue().reversed());
      return l.toString();
    }
    private final ServerSocket server;
    private final URI target;

    Relay(URI target) throws IOException {
      this.target = target;
      this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      Thread t = new Thread(this::accept, "relay");
      t.setDaemon(true);
      t.start();
    }

    String uri() {
      return "http://127.0.0.1:" + server.getLocalPort();
    }

    private void accept() {
      while (!server.isClosed()) {
        try {
          Socket in = server.accept();
          if (first.compareAndSet(0, System.nanoTime()) && pid > 0) {
            cpuAtFirst = cpuNanos(pid);
            if (Boolean.getBoolean("threads")) {
              System.out.println("CPU by thread at the first request (ms): " + threadCpu(pid));
            }
          }
          Socket out = new Socket();
          out.connect(new InetSocketAddress(target.getHost(), target.getPort()));
          pipe(in.getInputStream(), out.getOutputStream(), out);
          pipe(out.getInputStream(), in.getOutputStream(), in);
        } catch (IOException e) {
          // closed
        }
      }
    }

    private static void pipe(InputStream from, OutputStream to, Socket closeWhenDone) {
      Thread t = new Thread(() -> {
        byte[] buf = new byte[8192];
        try {
          for (int n; (n = from.read(buf)) >= 0; ) {
            to.write(buf, 0, n);
            to.flush();
          }
        } catch (IOException e) {
          // the other side ended
        } finally {
          try {
            closeWhenDone.shutdownOutput();
          } catch (IOException e) {
            // already closed
          }
        }
      }, "relay-pipe");
      t.setDaemon(true);
      t.start();
    }

    @Override
    public void close() throws IOException {
      server.close();
    }
  }
}
