package org.brexsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher {@code cli/target/brexsync} as a user runs it, after {@code package}: it records a
 * class-data archive after the first successful run of a jar, starts every later run from it, keeps
 * the command's exit code and output, and records again for a rebuilt jar.
 */
class LauncherIT {
  private static final Path LAUNCHER = Path.of("target", "brexsync").toAbsolutePath();
  private static final String RECORDING = "brexsync: recording the start-up archive";

  @TempDir Path tmp;

  record Run(int exit, String out, String err) {}

  /** The launcher with these arguments, the test's JDK and archive directory, and {@code env} on top. */
  private ProcessBuilder launcher(Path launcher, Map<String, String> env, String... args) {
    List<String> cmd = new ArrayList<>(List.of(launcher.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    // no credentials or brexsync settings of the machine: the sandbox, and only what the test sets
    pb.environment().keySet().removeIf(k -> k.startsWith("BREX") || k.startsWith("OOMNITZA"));
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    pb.environment().put("BREXSYNC_CDS_DIR", tmp.resolve("cds").toString());
    pb.environment().putAll(env);
    return pb;
  }

  private Run run(Path launcher, Map<String, String> env, String... args) throws IOException, InterruptedException {
    Path out = Files.createTempFile(tmp, "out", ".txt");
    Path err = Files.createTempFile(tmp, "err", ".txt");
    ProcessBuilder pb = launcher(launcher, env, args).redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("the launcher did not end: " + pb.command());
    }
    return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  private Run run(String... args) throws IOException, InterruptedException {
    return run(LAUNCHER, Map.of(), args);
  }

  private Path archive() {
    return tmp.resolve("cds").resolve("brexsync.jsa");
  }

  /** The files in the archive's directory: nothing left behind but what a recording leaves. */
  private List<String> cdsFiles() throws IOException {
    if (!Files.isDirectory(tmp.resolve("cds"))) {
      return List.of();
    }
    try (var files = Files.list(tmp.resolve("cds"))) {
      return files.map(f -> f.getFileName().toString()).toList();
    }
  }

  @Test
  void theFirstSuccessfulRunRecordsTheArchiveAndTheNextStartsFromIt() throws Exception {
    Run first = run("sync", "--state-dir", tmp.resolve("state").toString());

    assertThat(first.exit()).isZero();
    assertThat(first.out()).contains("SANDBOX").contains("created");
    assertThat(first.err()).contains(RECORDING);
    assertThat(archive()).isRegularFile();
    assertThat(Files.readString(tmp.resolve("cds").resolve("brexsync.jsa.jdk")).trim())
        .isEqualTo(Path.of(System.getProperty("java.home")).toRealPath().toString());
    assertThat(cdsFiles()).containsExactlyInAnyOrder("brexsync.jsa", "brexsync.jsa.jdk", "brexsync.jsa.log");

    Path classes = tmp.resolve("classes.log");
    Run second = run(LAUNCHER, Map.of("BREXSYNC_JAVA_OPTS", "-Xlog:class+load=info:file=" + classes), "users", "list");

    assertThat(second.exit()).isZero();
    assertThat(second.err()).doesNotContain(RECORDING);
    assertThat(Files.readString(classes)).containsPattern("org\\.brexsync\\.cli\\.Brexsync source: shared objects file");
  }

  @Test
  void aFailedRunKeepsItsExitCodeAndRecordsNothing() throws Exception {
    Run bad = run("sync", "--no-such-option");

    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("--no-such-option").doesNotContain(RECORDING);
    assertThat(cdsFiles()).isEmpty();
  }

  @Test
  void helpVersionAndServeRecordNothing() throws Exception {
    assertThat(run("--version").out()).startsWith("brexsync ");
    assertThat(run("serve", "--help").out()).contains("Usage: brexsync serve");
    assertThat(run().exit()).isEqualTo(2);

    assertThat(cdsFiles()).isEmpty();
  }

  @Test
  void aRebuiltJarIsRecordedAgain() throws Exception {
    Path jar = Files.copy(LAUNCHER.resolveSibling("brexsync.jar"), tmp.resolve("brexsync.jar"));
    Map<String, String> env = Map.of("BREXSYNC_JAR", jar.toString());
    assertThat(run(LAUNCHER, env, "users", "list").err()).contains(RECORDING);
    assertThat(run(LAUNCHER, env, "users", "list").err()).doesNotContain(RECORDING);

    // the jar rebuilt after the archive was recorded
    FileTime recorded = FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() - 3_600_000);
    Files.setLastModifiedTime(archive(), recorded);
    Run rebuilt = run(LAUNCHER, env, "users", "list");

    assertThat(rebuilt.exit()).isZero();
    assertThat(rebuilt.err()).contains(RECORDING);
    assertThat(Files.getLastModifiedTime(archive())).isGreaterThan(Files.getLastModifiedTime(jar));
  }

  @Test
  void cdsOffNeitherRecordsNorUsesAnArchive() throws Exception {
    Run off = run(LAUNCHER, Map.of("BREXSYNC_CDS", "off"), "users", "list");

    assertThat(off.exit()).isZero();
    assertThat(off.out()).isNotBlank();
    assertThat(cdsFiles()).isEmpty();
  }

  @Test
  void theSandboxIsTheJvmItselfSoSigtermStopsItAndItRecordsNothing() throws Exception {
    Process p = launcher(LAUNCHER, Map.of(), "sandbox", "--users", "5").redirectErrorStream(true).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      do {
        line = out.readLine();
      } while (line != null && !line.contains("Brex API"));
      assertThat(line).as("the sandbox prints its URLs").isNotNull();

      // the launcher replaced itself with the JVM: the signal a service manager sends reaches it
      assertThat(p.info().command()).hasValueSatisfying(c -> assertThat(c).endsWith("java"));
      p.destroy();
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("SIGTERM ends the sandbox").isTrue();
    } finally {
      p.destroyForcibly();
    }
    assertThat(cdsFiles()).isEmpty();
  }

  @Test
  void aSymlinkToTheLauncherFindsTheJarNextToTheRealFile() throws Exception {
    Path link = Files.createSymbolicLink(tmp.resolve("bin-brexsync"), LAUNCHER);

    Run viaLink = run(link, Map.of(), "--version");

    assertThat(viaLink.exit()).isZero();
    assertThat(viaLink.out()).startsWith("brexsync ");
  }

  @Test
  void aJavaHomeWithoutJavaIsABadConfiguration() throws Exception {
    Run noJava = run(LAUNCHER, Map.of("JAVA_HOME", tmp.toString()), "--version");

    assertThat(noJava.exit()).isEqualTo(2);
    assertThat(noJava.err()).contains("JAVA_HOME is " + tmp).contains("no bin/java");
  }
}
