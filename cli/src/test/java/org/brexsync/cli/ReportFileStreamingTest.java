package org.brexsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.brexsync.connector.sync.Situation;
import org.brexsync.connector.sync.SyncReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code --report} file holds every reported record, however many the in-memory report had to
 * leave out (its cap is set to 5 here, as 10,000 is in production, to keep the test small).
 */
class ReportFileStreamingTest {
  @TempDir Path dir;

  private static Cli.Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Brexsync.runner().environment(Map.of()).out(new PrintWriter(out, true)).err(new PrintWriter(err, true))
        .retries(false).maxReportedOutcomes(5).execute(args);
    return new Cli.Result(code, out.toString(), err.toString());
  }

  @Test
  void theCsvFileHasARowForEveryRecordBeyondTheInMemoryCap() throws IOException {
    Path file = dir.resolve("report.csv");

    Cli.Result r = run("sync", "--sandbox-users", "30", "--report", file.toString());

    assertThat(r.code()).as(r.all()).isEqualTo(0);
    List<String> lines = List.of(Files.readString(file, StandardCharsets.UTF_8).split("\r\n"));
    assertThat(lines).hasSize(31);
    assertThat(lines.subList(1, 31)).allSatisfy(l -> assertThat(l).containsPattern(",SUCCEEDED,false,(CREATE|UPDATE),cuuser_"));
    assertThat(lines.subList(1, 31).stream().map(l -> l.split(",")[5]).distinct()).hasSize(30);
    assertThat(r.out()).contains("25 not kept in memory: all 30 reported records are in " + file)
        .contains("Report written to " + file + " (CSV, every reported record: 30)");
  }

  @Test
  void theJsonFileListsEveryOutcomeAndSaysNoneWasLeftOut() throws IOException {
    Path file = dir.resolve("report.json");

    Cli.Result r = run("sync", "--sandbox-users", "30", "--report", file.toString());

    assertThat(r.code()).as(r.all()).isEqualTo(0);
    SyncReport report = SyncReport.fromJson(Files.readString(file, StandardCharsets.UTF_8));
    assertThat(report.outcomes()).hasSize(30);
    assertThat(report.outcomesTruncated()).isFalse();
    assertThat(report.outcomesOmitted()).isZero();
    assertThat(report.count(Situation.CREATE)).isEqualTo(21);
    assertThat(report.outcomes(Situation.UPDATE)).hasSize(9);
  }

  @Test
  void withoutAFileTheConsoleCountsWhatTheReportLeftOutAndClaimsNoFile() {
    Cli.Result r = run("sync", "--sandbox-users", "30");

    assertThat(r.code()).as(r.all()).isEqualTo(0);
    assertThat(r.out()).contains("... and 25 not kept in memory (write every one with --report FILE.json or FILE.csv)")
        .doesNotContain("reported records are in");
  }

  @Test
  void noSpoolOrTemporaryFileIsLeftBehind() throws IOException {
    Path file = dir.resolve("report.csv");

    run("sync", "--sandbox-users", "30", "--report", file.toString());

    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }
}
