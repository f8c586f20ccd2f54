package org.brexsync.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The module README names every example program, and the jar it runs them from. */
class ReadmeTest {
  @Test
  void listsEveryProgramAndHowToRunIt() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    List<String> programs;
    try (Stream<Path> files = Files.list(Path.of("src/main/java/org/brexsync/examples/programs"))) {
      programs = files.map(f -> f.getFileName().toString()).filter(n -> !n.equals("package-info.java"))
          .map(n -> "`org.brexsync.examples.programs." + n.replace(".java", "")).toList();
    }

    assertThat(programs).hasSize(4);
    assertThat(readme).contains(programs)
        .contains("java -cp examples/target/brexsync-examples.jar org.brexsync.examples.programs.");
    assertThat(Files.readString(Path.of("pom.xml"))).contains("${project.build.directory}/brexsync-examples.jar");
  }
}
