package org.brexsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.brexsync.brex.BrexClient;
import org.brexsync.connector.Integration;
import org.brexsync.connector.IntegrationJson;
import org.brexsync.connector.state.InMemorySyncStateStore;
import org.brexsync.connector.sync.RunStatus;
import org.brexsync.connector.sync.SyncEngine;
import org.brexsync.jdbc.TestPostgres;
import org.brexsync.oomnitza.OomnitzaClient;
import org.brexsync.testkit.Sandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three 'brexsync serve' worker processes on one PostgreSQL and 20 integrations against sandbox
 * simulators with 20 ms latency: every integration runs on its schedule, never twice at once (from
 * the run history), and after one worker is killed with SIGKILL in the middle of a run its
 * integrations complete on the others, ending in the same Oomnitza state as a single-worker run.
 * Prints the figures docs/SCALING.md quotes ("SCALING ..." lines).
 */
class ClusterServeTest {
  static final int INTEGRATIONS = 20;
  static final int WORKERS = 3;
  @TempDir Path dir;

  record Run(String id, String integration, String worker, Instant start, Instant end, String status) {}

  static List<Run> runs(TestPostgres pg) {
    try (Connection c = pg.connect(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT run_id, integration, worker, started_at, finished_at, status FROM brexsync_run")) {
      List<Run> out = new ArrayList<>();
      while (r.next()) {
        Timestamp end = r.getTimestamp(5);
        out.add(new Run(r.getString(1), r.getString(2), r.getString(3), r.getTimestamp(4).toInstant(),
            end == null ? null : end.toInstant(), r.getString(6)));
      }
      return out;
    } catch (SQLException e) {
      return List.of(); // the tables appear once the first worker has migrated
    }
  }

  static long succeeded(List<Run> runs, String integration, Instant after) {
    return runs.stream().filter(r -> r.integration.equals(integration) && r.status.equals("SUCCEEDED") && r.start.isAfter(after))
        .count();
  }

  @Test
  @Timeout(value = 6, unit = TimeUnit.MINUTES)
  void threeWorkersRunTwentyIntegrationsOnceAtATimeAndSurviveAKilledWorker() throws Exception {
    try (TestPostgres pg = TestPostgres.create()) {
      List<Sandbox> boxes = new ArrayList<>();
      List<Process> workers = new ArrayList<>();
      try {
        Path docs = Files.createDirectories(dir.resolve("integrations"));
        Map<String, String> env = new HashMap<>(Postgres.env(pg));
        for (int i = 0; i < INTEGRATIONS; i++) {
          Sandbox box = Sandbox.builder().users(30 + i).start();
          box.brex().faults().latency(Duration.ofMillis(20));
          box.oomnitza().faults().latency(Duration.ofMillis(20));
          boxes.add(box);
          String suffix = String.format("%02d", i);
          Files.writeString(docs.resolve("int-" + suffix + ".json"), ServeTest.document("int-" + suffix, box, suffix, "PT3S"));
          ServeTest.credentials(env, box, suffix);
        }
        long dbBefore = pg.number("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()");
        Instant started = Instant.now();
        for (int w = 0; w < WORKERS; w++) {
          workers.add(worker("w" + w, docs, env));
        }

        // 1. Every integration runs on its schedule: two successful runs each.
        TestPostgres.await("two successful runs of every integration", Duration.ofMinutes(3), () -> {
          List<Run> runs = runs(pg);
          return boxes.size() == INTEGRATIONS && java.util.stream.IntStream.range(0, INTEGRATIONS)
              .allMatch(i -> succeeded(runs, String.format("int-%02d", i), Instant.EPOCH) >= 2);
        });
        Instant steady = Instant.now();

        // 2. Slow Oomnitza down so runs last, catch worker w0 in the middle of one, and kill it (SIGKILL).
        boxes.forEach(b -> b.oomnitza().faults().latency(Duration.ofMillis(150)));
        Run[] victim = new Run[1];
        TestPostgres.await("worker w0 in the middle of a run", Duration.ofMinutes(1), () -> {
          Optional<Run> running = runs(pg).stream().filter(r -> r.worker.equals("w0") && r.status.equals("RUNNING")).findFirst();
          running.ifPresent(r -> victim[0] = r);
          return running.isPresent();
        });
        workers.get(0).destroyForcibly();
        assertThat(workers.get(0).waitFor(30, TimeUnit.SECONDS)).isTrue();
        Instant killed = Instant.now();
        boxes.forEach(b -> b.oomnitza().faults().latency(Duration.ofMillis(20)));
        assertThat(runs(pg).stream().filter(r -> r.id.equals(victim[0].id)).findFirst().orElseThrow().status)
            .as("the killed worker's run was cut mid-run").isIn("RUNNING", "ABANDONED");

        // 3. The others take it over after the heartbeat timeout, and every integration runs on.
        String victimIntegration = victim[0].integration;
        TestPostgres.await("the other workers to run every integration after the kill", Duration.ofMinutes(2), () -> {
          List<Run> runs = runs(pg);
          return java.util.stream.IntStream.range(0, INTEGRATIONS)
              .allMatch(i -> succeeded(runs, String.format("int-%02d", i), killed) >= 1);
        });
        Instant end = Instant.now();
        long dbAfter = pg.number("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()");
        for (Process p : workers.subList(1, WORKERS)) {
          p.destroy(); // SIGTERM: a clean stop
        }
        for (int w = 1; w < WORKERS; w++) {
          assertThat(workers.get(w).waitFor(60, TimeUnit.SECONDS)).isTrue();
          String err = Files.readString(dir.resolve("w" + w + ".err"));
          assertThat(err).contains("Stopping:").contains("Stopped");
          assertThat(err).doesNotContain(pg.password.isEmpty() ? "\u0000" : "PASSWORD=" + pg.password);
        }

        List<Run> runs = runs(pg);
        Run takeover = runs.stream().filter(r -> r.integration.equals(victimIntegration) && r.start.isAfter(killed))
            .min(Comparator.comparing(Run::start)).orElseThrow();
        assertThat(takeover.worker).isNotEqualTo("w0");
        Run dead = runs.stream().filter(r -> r.id.equals(victim[0].id)).findFirst().orElseThrow();
        assertThat(dead.status).isEqualTo("ABANDONED");
        assertThat(dead.start).isBefore(killed);
        assertNoOverlaps(runs);
        assertThat(runs.stream().filter(r -> r.start.isBefore(killed) && !r.worker.equals("w0"))
            .filter(r -> r.status.equals("FAILED"))).isEmpty();

        // 4. The same Oomnitza state as one worker running each integration once.
        for (int i = 0; i < INTEGRATIONS; i++) {
          Sandbox box = boxes.get(i);
          String doc = Files.readString(docs.resolve(String.format("int-%02d.json", i)));
          assertThat(people(box)).as("int-%02d", i).isEqualTo(singleWorker(30 + i, doc));
        }

        // Figures for docs/SCALING.md.
        List<Run> done = runs.stream().filter(r -> r.status.equals("SUCCEEDED") && r.start.isBefore(steady)).collect(Collectors.toList());
        List<Run> warm = runs.stream().filter(r -> r.status.equals("SUCCEEDED") && r.end != null && r.start.isAfter(killed))
            .collect(Collectors.toList());
        long finished = runs.stream().filter(r -> r.end != null && r.status.equals("SUCCEEDED")).count();
        System.out.printf("SCALING workers=%d integrations=%d latencyMs=20 wallSeconds=%.1f succeededRuns=%d%n", WORKERS,
            INTEGRATIONS, Duration.between(started, end).toMillis() / 1000.0, finished);
        System.out.printf("SCALING meanRunSeconds(before steady, incl. cold)=%.3f meanRunSeconds(after the kill, warm, 20 ms)=%.3f%n", mean(done), mean(warm));
        System.out.printf("SCALING dbTransactions=%d perSucceededRun=%.1f%n", dbAfter - dbBefore, (dbAfter - dbBefore) / (double) finished);
        double busy = runs.stream().filter(r -> r.end != null && !r.status.equals("ABANDONED"))
            .mapToLong(r -> Duration.between(r.start, r.end).toMillis()).sum() / 1000.0;
        double wall = Duration.between(started, end).toMillis() / 1000.0;
        System.out.printf("SCALING runSeconds=%.1f of threadSeconds=%.1f (utilisation %.0f%%); observed runs per worker-hour=%.0f; "
            + "capacity per worker (4 threads, warm) = %.0f runs/hour%n", busy, wall * WORKERS * 4, 100 * busy / (wall * WORKERS * 4),
            finished / (wall / 3600.0) / WORKERS, 4 * 3600 / Math.max(0.001, mean(warm)));
        System.out.printf("SCALING runsPerWorker=%s takeoverSeconds=%.1f%n",
            runs.stream().collect(Collectors.groupingBy(Run::worker, TreeMap::new, Collectors.counting())),
            Duration.between(killed, takeover.start).toMillis() / 1000.0);
      } finally {
        for (Process p : workers) {
          p.destroyForcibly();
          p.waitFor(30, TimeUnit.SECONDS);
        }
        boxes.forEach(Sandbox::close);
      }
    }
  }

  static double mean(List<Run> runs) {
    return runs.stream().mapToLong(r -> Duration.between(r.start, r.end).toMillis()).average().orElse(0) / 1000.0;
  }

  /** A worker: the real 'brexsync serve' in its own JVM, output to files. */
  private Process worker(String name, Path docs, Map<String, String> env) throws Exception {
    String classpath = Optional.ofNullable(System.getProperty("surefire.test.class.path"))
        .orElse(System.getProperty("java.class.path"));
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.net.preferIPv4Stack=true",
        "-cp", classpath, Brexsync.class.getName(), "serve", "--dir", docs.toString(), "--worker", name,
        "--health-port", "0", "--health-address", "127.0.0.1", "--poll", "PT0.2S", "--heartbeat", "PT0.5S",
        "--missed-heartbeats", "4", "--threads", "4", "--state-dir", dir.resolve("unused-" + name).toString());
    pb.environment().putAll(env);
    pb.redirectOutput(dir.resolve(name + ".out").toFile());
    pb.redirectError(dir.resolve(name + ".err").toFile());
    return pb.start();
  }

  /** Per integration, every run ends before the next one starts. */
  static void assertNoOverlaps(List<Run> runs) {
    runs.stream().collect(Collectors.groupingBy(Run::integration)).forEach((name, list) -> {
      list.sort(Comparator.comparing(Run::start));
      for (int i = 1; i < list.size(); i++) {
        Run before = list.get(i - 1);
        assertThat(before.end).as("%s: run %s ended", name, before.id).isNotNull();
        assertThat(before.end).as("%s: run %s ends before run %s starts", name, before.id, list.get(i).id)
            .isBeforeOrEqualTo(list.get(i).start);
      }
    });
  }

  /** Oomnitza people projected on the mapped fields, keyed by email. */
  static Map<String, String> people(Sandbox box) {
    Map<String, String> m = new TreeMap<>();
    for (ObjectNode u : box.oomnitza().users()) {
      String v = u.path("username").asText() + "|" + u.path("brex_user_id").asText() + "|" + u.path("first_name").asText()
          + "|" + u.path("last_name").asText() + "|" + u.path("role").asText();
      m.merge(u.path("email").asText(), v, (a, b) -> a + " DUPLICATE " + b);
    }
    return m;
  }

  /** The Oomnitza state one in-process engine leaves after one run of the same document on a fresh sandbox. */
  static Map<String, String> singleWorker(int users, String doc) {
    try (Sandbox box = Sandbox.builder().users(users).start();
        BrexClient brex = BrexClient.builder().baseUri(box.brexUri()).token(box.brexToken()).build();
        OomnitzaClient oomnitza = OomnitzaClient.builder().baseUri(box.oomnitzaUri()).apiToken(box.oomnitzaToken()).build()) {
      Integration in = IntegrationJson.read(doc);
      assertThat(SyncEngine.builder().integration(in).brexClient(brex).oomnitzaClient(oomnitza)
          .stateStore(InMemorySyncStateStore.create()).build().run().status()).isEqualTo(RunStatus.SUCCEEDED);
      return people(box);
    }
  }
}
