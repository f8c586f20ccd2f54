package org.brexsync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.brexsync.cli.internal.OutputFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output files are written beside the target and moved into place only on success, and every output
 * path is checked before the first request.
 */
class OutputFilesTest {
  private static final String PREVIOUS = "the previous good report\n";

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

  private Map<String, String> brexOnly() {
    return Map.of("BREX_BASE_URL", sims.brex.baseUri().toString(), "BREX_API_TOKEN", sims.brex.token());
  }

  private void assertOnlyFileIs(Path file, String content) throws IOException {
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(content);
    try (Stream<Path> files = Files.list(file.getParent())) {
      assertThat(files).as("no temporary file left").containsExactly(file);
    }
  }

  // ------------------------------------------------------------ moved into place only on success

  @Test
  void aFailedReportLeavesThePreviousFileUntouched() throws IOException {
    Path out = dir.resolve("users.csv");
    Files.writeString(out, PREVIOUS);
    sims.brex.faults().on("GET", "/v2/users").failNext(5, 500);

    Cli.Result r = Cli.run(brexOnly(), "report", "users", "--out", out.toString());

    assertThat(r.code()).as(r.all()).isNotZero();
    assertOnlyFileIs(out, PREVIOUS);
  }

  @Test
  void aFailedDashboardLeavesThePreviousFileUntouched() throws IOException {
    Path out = dir.resolve("dashboard.html");
    Files.writeString(out, PREVIOUS);
    sims.brex.faults().on("GET", "/v2/users").failNext(5, 500);

    Cli.Result r = Cli.run(brexOnly(), "dashboard", "--out", out.toString());

    assertThat(r.code()).as(r.all()).isNotZero();
    assertOnlyFileIs(out, PREVIOUS);
  }

  @Test
  void aSuccessfulReportReplacesThePreviousFile() throws IOException {
    Path out = dir.resolve("users.csv");
    Files.writeString(out, PREVIOUS);

    Cli.Result r = Cli.run(brexOnly(), "report", "users", "--out", out.toString());

    assertThat(r.code()).as(r.all()).isEqualTo(0);
    assertThat(Files.readString(out)).contains(sims.brex.company().orElseThrow().email(0));
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(out);
    }
  }

  @Test
  void aReplacedFileKeepsItsPermissionsAndANewOneIsReadableByOthers() throws IOException {
    Path old = dir.resolve("old.html");
    Files.writeString(old, PREVIOUS);
    Files.setPosixFilePermissions(old, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw----"));

    OutputFile.write(old, w -> w.write("new"));
    OutputFile.write(dir.resolve("new.html"), w -> w.write("new"));

    assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(old))).isEqualTo("rw-rw----");
    assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("new.html"))))
        .isEqualTo("rw-r--r--");
  }

  @Test
  void aWriterThatFailsHalfWayLeavesThePreviousContent() throws IOException {
    Path out = dir.resolve("report.json");
    Files.writeString(out, PREVIOUS);

    assertThatThrownBy(() -> OutputFile.write(out, w -> {
      w.write("{\"half\": ");
      w.flush();
      throw new IOException("disk full");
    })).hasMessageContaining("disk full");

    assertOnlyFileIs(out, PREVIOUS);
  }

  // ------------------------------------------------------------ checked before the first request

  @Test
  void aReportPathUnderAFileFailsFastBeforeAnyRequest() throws IOException {
    Path notADir = Files.writeString(dir.resolve("plain-file"), "x");
    Path report = notADir.resolve("report.csv");

    Cli.Result r = Cli.run(sims.env(), "sync", "--role", "25", "--state-dir", dir.resolve("state").toString(),
        "--report", report.toString());

    assertThat(r.code()).as(r.all()).isEqualTo(2);
    assertThat(r.err()).contains("--report", report.toString(), "is not a directory");
    assertThat(sims.oomnitza.requests()).isEmpty();
    assertThat(sims.brex.requests()).isEmpty();
    assertThat(dir.resolve("state")).doesNotExist();
  }

  @Test
  void aReportPathThatIsADirectoryFailsFast() throws IOException {
    Path asDir = Files.createDirectory(dir.resolve("r.json"));

    Cli.Result r = Cli.run(sims.env(), "sync", "--role", "25", "--state-dir", dir.resolve("state").toString(),
        "--report", asDir.toString());

    assertThat(r.code()).as(r.all()).isEqualTo(2);
    assertThat(r.err()).contains("--report", "is a directory");
    assertThat(sims.oomnitza.requests()).isEmpty();
  }

  @Test
  void aStateDirThatIsAFileFailsFastBeforeAnyWrite() throws IOException {
    Path file = Files.writeString(dir.resolve("state"), "x");

    Cli.Result r = Cli.run(sims.env(), "sync", "--role", "25", "--state-dir", file.toString());

    assertThat(r.code()).as(r.all()).isEqualTo(2);
    assertThat(r.err()).contains("--state-dir", "is not a directory");
    assertThat(sims.oomnitza.requests()).isEmpty();
  }

  @Test
  void reportAndDashboardOutPathsAreCheckedBeforeReadingBrex() throws IOException {
    Path notADir = Files.writeString(dir.resolve("plain-file"), "x");

    Cli.Result report = Cli.run(brexOnly(), "report", "users", "--out", notADir.resolve("u.csv").toString());
    Cli.Result dashboard = Cli.run(brexOnly(), "dashboard", "--out", notADir.resolve("d.html").toString());

    assertThat(report.code()).as(report.all()).isEqualTo(2);
    assertThat(report.err()).contains("--out", "is not a directory");
    assertThat(dashboard.code()).as(dashboard.all()).isEqualTo(2);
    assertThat(sims.brex.requests()).isEmpty();
  }
}
