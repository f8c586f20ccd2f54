package org.brexsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sync state on disk: a dry run creates none, and a corrupt one is named with the way out. */
class StateFilesTest {
  @TempDir Path dir;
  Sims sims;

  @BeforeEach
  void start() {
    sims = Sims.start(20);
  }

  @AfterEach
  void stop() {
    sims.close();
  }

  @Test
  void aDryRunCreatesNothingOnDisk() {
    Path state = dir.resolve("brexsync-state");

    Cli.Result r = Cli.run(sims.env(), "sync", "--role", "25", "--dry-run", "--state-dir", state.toString());

    assertThat(r.code()).as(r.all()).isEqualTo(0);
    assertThat(r.out()).containsPattern("would create\\s+20");
    assertThat(state).doesNotExist();
    assertThat(sims.oomnitzaWrites()).isZero();
  }

  @Test
  void aTruncatedStateFileIsNamedAsCorruptWithTheWayOutAndExitCode2() throws IOException {
    Path state = dir.resolve("state");
    Path snapshot = syncThenTruncateTheSnapshot(state);
    long writesBefore = sims.oomnitzaWrites();

    Cli.Result r = Cli.run(sims.env(), "sync", "--role", "25", "--state-dir", state.toString());

    assertThat(r.code()).as(r.all()).isEqualTo(2);
    assertThat(r.err()).contains("corrupt", snapshot.toString(), "move the directory", "aside").doesNotContain("\tat ");
    assertThat(sims.oomnitzaWrites()).isEqualTo(writesBefore);
    assertThat(Files.readString(snapshot, StandardCharsets.ISO_8859_1)).hasSize(truncatedLength);
  }

  @Test
  void aCorruptStateIsStillTheErrorReportedWhenBrexRefusesTheTokenToo() throws IOException {
    // Brex's credential check goes out before the state is read (its round trip overlaps the local
    // checks), but its answer is looked at after them: the local problem is the one reported.
    Path state = dir.resolve("state");
    Path snapshot = syncThenTruncateTheSnapshot(state);
    java.util.Map<String, String> badToken = new java.util.HashMap<>(sims.env());
    badToken.put("BREX_API_TOKEN", "refused-token");

    Cli.Result r = Cli.run(badToken, "sync", "--role", "25", "--state-dir", state.toString());

    assertThat(r.code()).as(r.all()).isEqualTo(2);
    assertThat(r.err()).contains("corrupt", snapshot.toString()).doesNotContain("refused-token", "authenticate");

    Cli.Result healthyState = Cli.run(badToken, "sync", "--role", "25", "--state-dir", dir.resolve("other").toString());
    assertThat(healthyState.code()).as(healthyState.all()).isEqualTo(3);
    assertThat(healthyState.err()).contains("could not reach or authenticate").doesNotContain("refused-token");
  }

  private int truncatedLength;

  /** A first sync into {@code state}, then its snapshot cut to half its length; returns the snapshot. */
  private Path syncThenTruncateTheSnapshot(Path state) throws IOException {
    Cli.Result first = Cli.run(sims.env(), "sync", "--role", "25", "--state-dir", state.toString());
    assertThat(first.code()).as(first.all()).isEqualTo(0);
    Path snapshot = state.resolve("brexsync").resolve("state.bin");
    byte[] bytes = Files.readAllBytes(snapshot);
    truncatedLength = bytes.length / 2;
    Files.write(snapshot, java.util.Arrays.copyOf(bytes, truncatedLength));
    return snapshot;
  }
}
