package org.brexsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.brexsync.connector.port.RunRecord;
import org.brexsync.connector.state.FileRunHistory;
import org.brexsync.jdbc.TestPostgres;
import org.brexsync.testkit.Sandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 'brexsync serve' embedded (files, in-process scheduler) and its errors; 'brexsync runs list'. */
class ServeTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  /** An integration document for a sandbox, run every {@code every}. */
  static String document(String name, Sandbox box, String tokenSuffix, String every) {
    return """
        {"name": "%s",
         "brex": {"baseUrl": "%s", "tokenEnv": "BREX_TOKEN_%s"},
         "oomnitza": {"baseUrl": "%s", "tokenEnv": "OOMNITZA_TOKEN_%s"},
         "mapping": {"syncKey": "email", "rules": [
           {"target": "username", "source": "id"},
           {"target": "brex_user_id", "source": "id"},
           {"target": "email", "source": "email", "transform": [{"name": "trim"}, {"name": "lowercase"}]},
           {"target": "first_name", "source": "first_name"},
           {"target": "last_name", "source": "last_name"},
           {"target": "role", "constant": 25}]},
         "schedule": {"every": "%s"},
         "batchSize": 20, "pageSize": 50, "concurrency": 2}
        """.formatted(name, box.brexUri(), tokenSuffix, box.oomnitzaUri(), tokenSuffix, every);
  }

  static void credentials(Map<String, String> env, Sandbox box, String suffix) {
    env.put("BREX_TOKEN_" + suffix, box.brexToken());
    env.put("OOMNITZA_TOKEN_" + suffix, box.oomnitzaToken());
  }

  static JsonNode healthz(int port, int[] status) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz")).build(), HttpResponse.BodyHandlers.ofString());
    status[0] = r.statusCode();
    return JSON.readTree(r.body());
  }

  @Test
  void embeddedServeRunsEveryDocumentOnScheduleReportsHealthAndStopsCleanly() throws Exception {
    try (Sandbox a = Sandbox.builder().users(40).start(); Sandbox b = Sandbox.builder().users(30).start()) {
      Path docs = Files.createDirectories(dir.resolve("integrations"));
      Files.writeString(docs.resolve("a.json"), document("alpha", a, "A", "PT1S"));
      Files.writeString(docs.resolve("b.json"), document("beta", b, "B", "PT1S"));
      Files.writeString(docs.resolve("notes.txt"), "not an integration");
      Map<String, String> env = new HashMap<>();
      credentials(env, a, "A");
      env.put("BREX_TOKEN_B", b.brexToken());
      env.put("OOMNITZA_TOKEN_B", "wrong-token"); // beta fails: /healthz says so
      Path state = dir.resolve("state");
      FileRunHistory history = FileRunHistory.inStateDirectory(state);
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      AtomicReference<JsonNode> health = new AtomicReference<>();
      AtomicReference<String> metrics = new AtomicReference<>();
      int[] status = new int[1];
      int code = Brexsync.runner().environment(env).out(new PrintWriter(out, true)).err(new PrintWriter(err, true))
          .awaitInterrupt(() -> {
            // The "SIGTERM" comes once alpha has run twice and beta has failed.
            try {
              TestPostgres.await("two runs of alpha and a failed run of beta", Duration.ofSeconds(60), () -> {
                List<RunRecord> runs = history.recent(java.util.Optional.empty(), 100);
                return runs.stream().filter(r -> r.integration().equals("alpha") && r.status() == RunRecord.Status.SUCCEEDED).count() >= 2
                    && runs.stream().anyMatch(r -> r.integration().equals("beta") && r.status().isFinal() && r.failed() > 0);
              });
            } catch (AssertionError e) {
              throw new AssertionError(e.getMessage() + "; output: " + out + err + "; history: "
                  + history.recent(java.util.Optional.empty(), 20), e);
            }
            Matcher m = Pattern.compile("Health: http://0\\.0\\.0\\.0:(\\d+)/healthz; metrics: http://0\\.0\\.0\\.0:\\1/metrics").matcher(err.toString());
            assertThat(m.find()).isTrue();
            try {
              health.set(healthz(Integer.parseInt(m.group(1)), status));
              metrics.set(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                  URI.create("http://127.0.0.1:" + m.group(1) + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body());
            } catch (Exception e) {
              throw new AssertionError(e);
            }
          })
          .execute("serve", "--dir", docs.toString(), "--state-dir", state.toString(), "--health-port", "0");

      assertThat(code).as(err.toString()).isEqualTo(0);
      assertThat(err.toString()).contains("Embedded: state and run history in")
          .contains("Integration 'alpha': every PT1S; Brex " + a.brexUri())
          .contains("Serving 2 integration(s)").contains("Stopping: cancelling").contains("Stopped.")
          .doesNotContain(a.brexToken()).doesNotContain(a.oomnitzaToken());
      assertThat(out.toString()).containsPattern("sync 'alpha' run \\S+ on \\S+: SUCCEEDED in [0-9.]+ s \\(created \\d+")
          .containsPattern("sync 'beta' run \\S+ on \\S+: COMPLETED_WITH_FAILURES in [0-9.]+ s \\(created 0, updated 0, unchanged 0, skipped 0, failed 30");
      assertThat(status[0]).isEqualTo(503);
      JsonNode h = health.get();
      assertThat(h.path("status").asText()).isEqualTo("DOWN");
      assertThat(h.path("mode").asText()).isEqualTo("embedded");
      JsonNode alpha = h.path("integrations").get(0);
      assertThat(alpha.path("name").asText()).isEqualTo("alpha");
      assertThat(alpha.path("healthy").asBoolean()).isTrue();
      assertThat(alpha.path("lastRun").path("ageSeconds").isNumber()).isTrue();
      JsonNode beta = h.path("integrations").get(1);
      assertThat(beta.path("healthy").asBoolean()).isFalse();
      assertThat(beta.path("problem").asText()).startsWith("the last run ended COMPLETED_WITH_FAILURES with every record failed");

      // /metrics: the runs of both integrations by status, and the HTTP calls behind them; never a token.
      assertThat(metrics.get())
          .containsPattern("brexsync_sync_run_seconds_count\\{[^}]*integration=\"alpha\"[^}]*status=\"SUCCEEDED\"[^}]*} [1-9]")
          .containsPattern("brexsync_sync_run_seconds_count\\{[^}]*integration=\"beta\"[^}]*status=\"COMPLETED_WITH_FAILURES\"")
          .containsPattern("brexsync_http_client_requests_seconds_count\\{[^}]*operation=\"GET /v2/users\"[^}]*system=\"brex\"")
          .containsPattern("brexsync_http_client_requests_seconds_count\\{[^}]*outcome=\"CLIENT_ERROR\"[^}]*system=\"oomnitza\"")
          .contains("jvm_memory_used_bytes")
          .doesNotContain(a.brexToken()).doesNotContain(a.oomnitzaToken()).doesNotContain(b.brexToken());

      Cli.Result list = Cli.run(Map.of(), "runs", "list", "--state-dir", state.toString(), "--integration", "alpha");
      assertThat(list.code()).isZero();
      assertThat(list.out()).contains("INTEGRATION").contains("alpha").contains("SUCCEEDED").doesNotContain("beta");
      Cli.Result json = Cli.run(Map.of(), "runs", "list", "--state-dir", state.toString(), "--json", "--limit", "1");
      assertThat(json.out().lines().count()).isEqualTo(1);
      assertThat(JSON.readTree(json.out()).path("runId").asText()).isNotBlank();
    }
  }

  @Test
  void aFolderWithoutDocumentsOrWithTwoOfOneNameIsAUsageError() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    Cli.Result r = Cli.run(Map.of(), "serve", "--dir", empty.toString(), "--health-port", "0");
    assertThat(r.code()).isEqualTo(Brexsync.USAGE);
    assertThat(r.err()).contains("no integration documents (*.json) in");
    try (Sandbox a = Sandbox.builder().users(5).start()) {
      Path twice = Files.createDirectories(dir.resolve("twice"));
      Files.writeString(twice.resolve("1.json"), document("same", a, "A", "PT1H"));
      Files.writeString(twice.resolve("2.json"), document("same", a, "A", "PT1H"));
      r = Cli.run(Map.of(), "serve", "--dir", twice.toString(), "--health-port", "0");
      assertThat(r.code()).isEqualTo(Brexsync.USAGE);
      assertThat(r.err()).contains("two integration documents are named 'same'");
      r = Cli.run(Map.of(), "serve", "--dir", dir.resolve("twice").resolve("1.json").getParent().toString()
          .replace("twice", "missing"), "--health-port", "0");
      assertThat(r.err()).contains("integration folder not found");
    }
  }

  @Test
  void aBadOrUnreachableDatabaseOrANewerSchemaIsAClearErrorWithoutThePassword() throws Exception {
    try (Sandbox a = Sandbox.builder().users(5).start()) {
      Path docs = Files.createDirectories(dir.resolve("docs"));
      Files.writeString(docs.resolve("a.json"), document("alpha", a, "A", "PT1H"));
      Map<String, String> env = new HashMap<>();
      credentials(env, a, "A");
      env.put("BREXSYNC_DATABASE_PASSWORD", "s3cret-pw");

      env.put("BREXSYNC_DATABASE_URL", "mysql://db.internal/brexsync");
      Cli.Result bad = Cli.run(env, "serve", "--dir", docs.toString(), "--health-port", "0");
      assertThat(bad.code()).isEqualTo(Brexsync.USAGE);
      assertThat(bad.err()).contains("must be a PostgreSQL URL");

      env.put("BREXSYNC_DATABASE_URL", "jdbc:postgresql://127.0.0.1:1/brexsync");
      env.put("BREXSYNC_DATABASE_USER", "brexsync");
      Cli.Result down = Cli.run(env, "serve", "--dir", docs.toString(), "--health-port", "0");
      assertThat(down.code()).isEqualTo(Brexsync.UNREACHABLE);
      assertThat(down.err()).contains("cannot connect to the database jdbc:postgresql://127.0.0.1:1/brexsync as brexsync")
          .doesNotContain("s3cret-pw");
      Cli.Result runs = Cli.run(env, "runs", "list");
      assertThat(runs.code()).isEqualTo(Brexsync.UNREACHABLE);
    }
    try (TestPostgres pg = TestPostgres.create(); Sandbox a = Sandbox.builder().users(5).start()) {
      Path docs = dir.resolve("docs");
      Map<String, String> env = new HashMap<>(Postgres.env(pg));
      credentials(env, a, "A");
      Cli.Result first = Cli.run(env, "runs", "list");
      assertThat(first.code()).as("runs list never migrates").isEqualTo(Brexsync.USAGE);
      assertThat(first.err()).contains("has no brexsync schema");
      pg.exec(org.brexsync.jdbc.BrexsyncSchema.ddl());
      pg.exec("UPDATE brexsync_schema_version SET version = 99");
      Cli.Result newer = Cli.run(env, "serve", "--dir", docs.toString(), "--health-port", "0");
      assertThat(newer.code()).isEqualTo(Brexsync.USAGE);
      assertThat(newer.err()).contains("version 99, newer than version 1").contains("Upgrade brexsync")
          .doesNotContain(pg.password.isEmpty() ? "\u0000" : pg.password);
    }
  }
}
