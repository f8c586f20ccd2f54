package org.brexsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.brexsync.cli.internal.CliContext;
import org.junit.jupiter.api.Test;

/**
 * A command line builds picocli's model of the command it names only (building every command's
 * model was most of a sync's time to its first request), and still of every command where the
 * answer lists them.
 */
class CommandModelTest {
  private static final String[] ALL = {"sync", "users", "cards", "integration", "workflow", "report", "dashboard", "insights",
    "sandbox", "serve", "runs", "help"};

  private static CliContext ctx() {
    PrintWriter w = new PrintWriter(new StringWriter());
    return new CliContext(Map.of(), w, w, false, false, () -> {}, 10);
  }

  @Test
  void aCommandLineNamingACommandBuildsOnlyThatCommand() {
    assertThat(Brexsync.commandLine(ctx(), "sync", "--dry-run").getSubcommands()).containsOnlyKeys("sync");
    assertThat(Brexsync.commandLine(ctx(), "workflow", "presets").getSubcommands()).containsOnlyKeys("workflow");
    assertThat(Brexsync.commandLine(ctx(), "workflow").getSubcommands().get("workflow").getSubcommands())
        .containsKeys("run", "offboard", "presets");
  }

  @Test
  void aCommandLineNamingNoCommandBuildsEveryCommandInHelpOrder() {
    assertThat(Brexsync.commandLine(ctx()).getSubcommands()).containsOnlyKeys(ALL);
    assertThat(Brexsync.commandLine(ctx()).getSubcommands().keySet()).containsExactly(ALL);
    assertThat(Brexsync.commandLine(ctx(), "--help").getSubcommands()).containsOnlyKeys(ALL);
    assertThat(Brexsync.commandLine(ctx(), "frobnicate").getSubcommands()).containsOnlyKeys(ALL);
    assertThat(Brexsync.commandLine(ctx(), "help", "sync").getSubcommands()).containsOnlyKeys(ALL);
  }

  @Test
  void helpStillListsEveryCommandAndACommandsOwnHelpWorks() {
    Cli.Result top = Cli.run("--help");
    assertThat(top.code()).isZero();
    assertThat(top.out()).contains("sync", "users", "cards", "integration", "workflow", "report", "dashboard", "insights", "sandbox");
    Cli.Result help = Cli.run("help", "workflow");
    assertThat(help.code()).isZero();
    assertThat(help.out()).contains("offboard", "presets");
    Cli.Result own = Cli.run("sync", "--help");
    assertThat(own.code()).isZero();
    assertThat(own.out()).contains("--dry-run").doesNotContain("offboard");
    assertThat(Cli.run("sync", "--colour").err()).contains("Unknown option: '--colour'", "brexsync sync --help");
  }
}
