package org.brexsync.cli.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.brexsync.connector.port.RunHistory;
import org.brexsync.connector.port.RunRecord;
import org.brexsync.connector.schedule.Schedule;

/**
 * {@code GET /healthz} of {@code brexsync serve}: each integration's last run (status, start, end,
 * worker, age) from the run history (shared by every worker of a cluster), and whether it is healthy:
 * not when its last run failed, was aborted or abandoned, failed every record, or when it is overdue (no run started by
 * its due time plus a grace period; the first due time counts from the service's start). HTTP 200
 * when every integration is healthy, 503 otherwise or when the history cannot be read. Never a token
 * or a password.
 */
public final class HealthServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Runs read back to find the last one that ended when one is in progress (a few: runs of one integration never overlap). */
  private static final int FINISHED_LOOKBACK = 5;

  private final HttpServer server;
  private final ExecutorService threads;
  private final Map<String, Schedule> integrations;
  private final RunHistory history;
  private final Clock clock;
  private final Duration grace;
  private final Instant since;
  private final String mode;
  private final String worker;

  private HealthServer(HttpServer server, ExecutorService threads, Map<String, Schedule> integrations, RunHistory history,
      Clock clock, Duration grace, String mode, String worker) {
    this.server = server;
    this.threads = threads;
    this.integrations = integrations;
    this.history = history;
    this.clock = clock;
    this.grace = grace;
    this.since = clock.instant();
    this.mode = mode;
    this.worker = worker;
  }

  /** Starts serving on {@code address:port} (port 0: any free port). */
  public static HealthServer start(String address, int port, Map<String, Schedule> integrations, RunHistory history,
      Clock clock, Duration grace, String mode, String worker) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(address, port), 16);
    } catch (IOException e) {
      throw new org.brexsync.cli.ConfigurationException("cannot serve /healthz on " + address + ":" + port + ": " + e.getMessage(), e);
    }
    ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "brexsync-healthz");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(threads);
    HealthServer h = new HealthServer(server, threads, integrations, history, clock, grace, mode, worker);
    server.createContext("/healthz", h::handle);
    server.start();
    return h;
  }

  /** Serves {@code handler} at {@code path} too (e.g. {@code /metrics}), on the same port and threads. */
  public void serve(String path, com.sun.net.httpserver.HttpHandler handler) {
    server.createContext(path, handler);
  }

  /** The port served. */
  public int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      if (!ex.getRequestMethod().equals("GET") && !ex.getRequestMethod().equals("HEAD")) {
        ex.sendResponseHeaders(405, -1);
        return;
      }
      ObjectNode body = check();
      byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(body);
      ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
      ex.sendResponseHeaders(body.path("status").asText().equals("UP") ? 200 : 503,
          ex.getRequestMethod().equals("HEAD") ? -1 : bytes.length);
      if (!ex.getRequestMethod().equals("HEAD")) {
        try (OutputStream out = ex.getResponseBody()) {
          out.write(bytes);
        }
      }
    }
  }

  /** The health document. */
  public ObjectNode check() {
    Instant now = clock.instant();
    ObjectNode root = JSON.createObjectNode();
    root.put("status", "UP");
    root.put("mode", mode);
    root.put("worker", worker);
    root.put("checkedAt", now.toString());
    ArrayNode list = root.putArray("integrations");
    boolean up = true;
    Map<String, RunRecord> latest;
    try {
      latest = history.latest(integrations.keySet()); // one read for all, however many integrations
    } catch (RuntimeException failure) {
      root.put("status", "DOWN");
      root.put("problem", "the run history cannot be read: " + failure.getMessage());
      return root;
    }
    for (Map.Entry<String, Schedule> e : integrations.entrySet()) {
      ObjectNode n = list.addObject();
      n.put("name", e.getKey());
      n.put("schedule", e.getValue().describe());
      Optional<RunRecord> last = Optional.ofNullable(latest.get(e.getKey()));
      Optional<String> problem = Optional.empty();
      Instant reference = since;
      boolean inProgress = last.isPresent() && last.get().status() == RunRecord.Status.RUNNING;
      if (inProgress) {
        // A run in progress says nothing yet: health is judged by the last run that ended (a failing
        // integration on a short schedule is running most of the time and must not look healthy then).
        RunRecord running = last.get();
        ObjectNode r = n.putObject("running");
        r.put("runId", running.runId());
        r.put("worker", running.worker());
        r.put("startedAt", running.startedAt().toString());
        try {
          last = history.recent(Optional.of(e.getKey()), FINISHED_LOOKBACK).stream()
              .filter(x -> x.status().isFinal()).findFirst();
        } catch (RuntimeException failure) {
          last = Optional.empty();
          problem = Optional.of("the run history cannot be read: " + failure.getMessage());
        }
      }
      if (last.isPresent()) {
        RunRecord r = last.get();
        ObjectNode l = n.putObject("lastRun");
        l.put("runId", r.runId());
        l.put("status", r.status().name());
        l.put("worker", r.worker());
        l.put("startedAt", r.startedAt().toString());
        r.finishedAt().ifPresent(f -> l.put("finishedAt", f.toString()));
        l.put("ageSeconds", Duration.between(r.finishedAt().orElse(r.startedAt()), now).toSeconds());
        r.reason().ifPresent(reason -> l.put("reason", reason));
        if (r.status().isFailure()) {
          problem = Optional.of("the last run ended " + r.status() + r.reason().map(x -> ": " + x).orElse(""));
        } else if (r.status() == RunRecord.Status.COMPLETED_WITH_FAILURES && r.created() + r.updated() + r.unchanged() == 0) {
          // e.g. Oomnitza refusing the token: every record fails, the run "completes"
          problem = Optional.of("the last run ended COMPLETED_WITH_FAILURES with every record failed (" + r.failed() + ")");
        }
        reference = r.startedAt().isAfter(since) ? r.startedAt() : since;
      }
      if (inProgress) {
        reference = now; // running now: due again only after it
      }
      Instant due = e.getValue().nextAfter(reference);
      n.put("nextDueBy", due.toString());
      if (problem.isEmpty() && now.isAfter(due.plus(grace))) {
        problem = Optional.of("overdue: a run was due by " + due + " and none has started since");
      }
      n.put("healthy", problem.isEmpty());
      problem.ifPresent(p -> n.put("problem", p));
      up &= problem.isEmpty();
    }
    root.put("status", up ? "UP" : "DOWN");
    return root;
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
