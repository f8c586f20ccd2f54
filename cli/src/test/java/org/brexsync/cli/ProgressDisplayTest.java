package org.brexsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.brexsync.cli.internal.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Long commands show progress: a bar on a terminal, plain lines otherwise, never past 100%. */
class ProgressDisplayTest {
  private static final Pattern PERCENT = Pattern.compile("(\\d+)%");

  @TempDir Path dir;

  private static void neverOver100(String err) {
    Matcher m = PERCENT.matcher(err);
    while (m.find()) {
      assertThat(Integer.parseInt(m.group(1))).as(err).isLessThanOrEqualTo(100);
    }
  }

  @Test
  void aTotalTheCountOutgrowsIsDroppedNotShownPast100Percent() {
    StringWriter plain = new StringWriter();
    Progress p = new Progress(new PrintWriter(plain, true), false);
    p.update("records", 400, Optional.of(441L));
    p.update("records", 500, Optional.of(441L));
    p.finish();
    StringWriter bar = new StringWriter();
    Progress t = new Progress(new PrintWriter(bar, true), true);
    t.update("records", 500, Optional.of(441L));
    t.finish();

    neverOver100(plain.toString());
    assertThat(plain.toString()).contains("progress: 400/441 records (90%)", "progress: 500 records").doesNotContain("500/441");
    neverOver100(bar.toString());
    assertThat(bar.toString()).contains("\r500 records").doesNotContain("500/441");
  }

  @Test
  void theDashboardShowsWhatItReadsAsPlainLinesWhenNotATerminal() {
    Path out = dir.resolve("d.html");

    Cli.Result r = Cli.run("dashboard", "--sandbox-users", "30", "--out", out.toString());

    assertThat(r.code()).as(r.all()).isEqualTo(0);
    assertThat(r.err()).contains("progress: 0 Brex users read", "progress: 30/30 Brex users read (100%)")
        .containsPattern("progress: (\\d+)/\\1 Brex cards read \\(100%\\)").doesNotContain("\r");
    neverOver100(r.err());
  }

  @Test
  void theDashboardShowsACountOnATerminal() {
    Cli.Result r = Cli.run(Map.of(), true, "dashboard", "--sandbox-users", "30", "--out", dir.resolve("d.html").toString());

    assertThat(r.code()).as(r.all()).isEqualTo(0);
    assertThat(r.err()).contains("\r0 Brex users read", "\rBrex users read [##############################] 100% 30/30")
        .containsPattern("\rBrex cards read \\[#+\\] 100% (\\d+)/\\1");
  }

  @Test
  void reportsShowProgressOnStderrAndKeepStdoutClean() {
    Cli.Result r = Cli.run("report", "users", "--format", "json", "--sandbox-users", "30");

    assertThat(r.code()).as(r.all()).isEqualTo(0);
    assertThat(r.err()).contains("progress: 30/30 Brex users read (100%)");
    assertThat(r.out()).doesNotContain("progress").startsWith("{");
  }

  @Test
  void insightsShowProgress() {
    Cli.Result r = Cli.run("insights", "--sandbox-users", "30");

    assertThat(r.code()).as(r.all()).isEqualTo(0);
    assertThat(r.err()).contains("progress: 30/30 Brex users read (100%)");
  }

  @Test
  void workflowsCountThePeopleDoneOfTheSelected() {
    Cli.Result r = Cli.run("workflow", "run", "brex-get-user-details", "--filter", "brex_user_id is not null", "--dry-run",
        "--sandbox-users", "30");

    assertThat(r.code()).as(r.all()).isEqualTo(0);
    assertThat(r.err()).contains("progress: 0/30 people done (0%)", "progress: 15/30 people done (50%)",
        "progress: 30/30 people done (100%)");
    neverOver100(r.err());
  }

  @Test
  void offboardingShowsABarOnATerminal() {
    Cli.Result r = Cli.run(Map.of(), true, "workflow", "offboard", "--filter", "brex_user_id is not null", "--dry-run",
        "--sandbox-users", "30");

    assertThat(r.err()).contains("people done [##############################] 100% 30/30");
    neverOver100(r.err());
  }

  @Test
  void aSecondSyncThatOutgrowsTheLastRunsCountNeverShowsMoreThan100Percent() {
    try (Sims sims = Sims.start(20)) {
      String state = dir.resolve("state").toString();
      Cli.Result limited = Cli.run(sims.env(), "sync", "--role", "25", "--state-dir", state, "--limit", "5");
      Cli.Result full = Cli.run(sims.env(), "sync", "--role", "25", "--state-dir", state);
      Cli.Result bar = Cli.run(sims.env(), true, "sync", "--role", "25", "--state-dir", dir.resolve("other").toString(),
          "--limit", "5");
      Cli.Result fullBar = Cli.run(sims.env(), true, "sync", "--role", "25", "--state-dir", dir.resolve("other").toString());

      assertThat(limited.code()).as(limited.all()).isEqualTo(0);
      assertThat(full.code()).as(full.all()).isEqualTo(0);
      assertThat(full.err()).containsPattern("progress: 20(/20)? records");
      neverOver100(full.err());
      assertThat(fullBar.code()).as(fullBar.all()).isEqualTo(0);
      neverOver100(fullBar.err());
      assertThat(bar.code()).isEqualTo(0);
    }
  }
}
