package org.brexsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.brexsync.connector.sync.RunStatus;
import org.brexsync.connector.sync.Situation;
import org.brexsync.connector.sync.SyncReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncCommandTest {
  // 30 users; Oomnitza already holds users 3, 6, ..., 27 (9 people).
  private static final String USERS = "30";

  @TempDir Path dir;

  @Test
  void sandboxSyncCreatesAndUpdatesThenSecondRunWritesNothing() {
    Cli.Result r = Cli.run("sync", "--sandbox-users", USERS);

    assertThat(r.code()).as(r.all()).isEqualTo(0);
    assertThat(r.out()).contains("SANDBOX", "synthetic company of 30 users", "First sync", "Second sync");
    String first = r.out().substring(r.out().indexOf("First sync"), r.out().indexOf("Second sync"));
    String second = r.out().substring(r.out().indexOf("Second sync"));
    assertThat(first).containsPattern("created\\s+21").containsPattern("updated\\s+9").contains("writes to Oomnitza: 30 sent, 30 accepted");
    assertThat(second).containsPattern("unchanged\\s+30").containsPattern("created\\s+0").contains("writes to Oomnitza: 0 sent, 0 accepted");
    assertThat(r.out()).contains("That was the SANDBOX");
  }

  @Test
  void plainProgressLinesWhenNotATerminal() {
    Cli.Result r = Cli.run("sync", "--sandbox-users", USERS);

    assertThat(r.err()).contains("progress: 30/30 records (100%)").doesNotContain("\r");
  }

  @Test
  void progressBarWithRateAndEtaOnATerminal() {
    Cli.Result r = Cli.run(Map.of(), true, "sync", "--sandbox-users", USERS);

    assertThat(r.code()).isEqualTo(0);
    assertThat(r.err()).contains("\r[", "] 100% 30/30", "records/s", "ETA");
  }

  @Test
  void writesTheFirstRunsReportAsJson() {
    Path file = dir.resolve("out/report.json");

    Cli.Result r = Cli.run("sync", "--sandbox-users", USERS, "--report", file.toString());

    assertThat(r.code()).as(r.all()).isEqualTo(0);
    assertThat(r.out()).contains("Report written to " + file);
    SyncReport report = SyncReport.fromJson(read(file));
    assertThat(report.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(report.count(Situation.CREATE)).isEqualTo(21);
    assertThat(report.count(Situation.UPDATE)).isEqualTo(9);
  }

  @Test
  void writesTheReportAsRfc4180Csv() {
    Path file = dir.resolve("report.csv");

    Cli.Result r = Cli.run("sync", "--sandbox-users", USERS, "--report", file.toString());

    assertThat(r.code()).as(r.all()).isEqualTo(0);
    String csv = read(file);
    List<String> lines = List.of(csv.split("\r\n"));
    assertThat(csv).endsWith("\r\n");
    assertThat(lines.get(0)).isEqualTo("run_id,integration,run_status,dry_run,situation,brex_user_id,sync_key,oomnitza_id,deprovision,reason,changes");
    assertThat(lines).hasSize(31);
    assertThat(lines.subList(1, 31)).allSatisfy(l -> assertThat(l).containsPattern(",(CREATE|UPDATE),cuuser_"));
  }

  @Test
  void dryRunWritesNothingAndSaysSo() {
    Cli.Result r = Cli.run("sync", "--sandbox-users", USERS, "--dry-run");

    assertThat(r.code()).as(r.all()).isEqualTo(0);
    assertThat(r.out()).contains("Dry run", "would create").containsPattern("would create\\s+21")
        .contains("writes to Oomnitza: 0").doesNotContain("Second sync");
  }

  @Test
  void limitProcessesOnlyTheFirstUsers() {
    Cli.Result r = Cli.run("sync", "--sandbox-users", USERS, "--limit", "5");

    assertThat(r.code()).as(r.all()).isEqualTo(0);
    assertThat(r.out()).containsPattern("total\\s+5\\R").contains("5 records in");
  }

  @Test
  void runsAConfigDocumentInTheSandbox() throws IOException {
    Path config = dir.resolve("integration.json");
    Files.writeString(config, TestConfigs.LAUNCHABLE);

    Cli.Result r = Cli.run("sync", "--sandbox-users", USERS, "--config", config.toString());

    assertThat(r.code()).as(r.all()).isEqualTo(0);
    assertThat(r.out()).contains("of 'from-file'", "SANDBOX");
  }

  @Test
  void failedRecordsGiveExitCode1() throws IOException {
    Path config = dir.resolve("integration.json");
    // Oomnitza has no field "shoe_size": every write is rejected.
    Files.writeString(config, TestConfigs.LAUNCHABLE.replace("\"rules\": [", "\"rules\": [{\"target\": \"shoe_size\", \"source\": \"first_name\"},"));

    Cli.Result r = Cli.run("sync", "--sandbox-users", USERS, "--config", config.toString());

    assertThat(r.code()).as(r.all()).isEqualTo(1);
    assertThat(r.out()).containsPattern("failed\\s+[1-9]").contains("shoe_size");
    assertThat(r.all()).doesNotContain("\tat ");
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
