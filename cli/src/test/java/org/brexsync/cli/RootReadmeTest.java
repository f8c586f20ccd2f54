package org.brexsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.brexsync.connector.IntegrationJson;
import org.brexsync.connector.state.FileSyncStateStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The root README's quick start, integration document and Java example stay true to the code. */
class RootReadmeTest {
  private static String readme() throws Exception {
    return Files.readString(Path.of("..", "README.md"));
  }

  private static String block(String afterHeading, String language) throws Exception {
    Matcher m = Pattern.compile(Pattern.quote(afterHeading) + ".*?```" + language + "\\n(.*?)```", Pattern.DOTALL)
        .matcher(readme());
    assertThat(m.find()).as("a ```%s block after '%s'", language, afterHeading).isTrue();
    return m.group(1);
  }

  @Test
  void quickStartIsTheCiMainJobAndTestCommand() throws Exception {
    String commands = block("## Quick start", "sh");
    assertThat(commands).isEqualTo(
        "./mvnw -B -q package -DskipTests && cli/target/brexsync sync\n./mvnw -B verify\n");
    assertThat(Files.readString(Path.of("..", ".ci", "run")))
        .contains("./mvnw -B verify\n")
        .contains("./mvnw -B -q package -DskipTests && cli/target/brexsync sync\n");
  }

  @Test
  void integrationDocumentIsLaunchable() throws Exception {
    assertThat(IntegrationJson.read(block("## Point it at real Brex and Oomnitza", "json")).validate().missing())
        .isEmpty();
  }

  /** The Java example exactly as the README shows it: a whole compilation unit, imports included. */
  private static String javaExample() throws Exception {
    return block("## Use it from Java", "java");
  }

  /** The test class path without Immutables, a compile-time-only dependency users never have. */
  private static String consumerClassPath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(e -> !e.replace('\\', '/').contains("/org/immutables/"))
        .collect(Collectors.joining(File.pathSeparator));
  }

  private static Path compiledExample;

  /** Compiles the README's example as pasted, with every lint as an error; returns the class folder. */
  private static synchronized Path compileJavaExample() throws Exception {
    if (compiledExample != null) {
      return compiledExample;
    }
    String source = javaExample();
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///SyncBrexPeople.java"),
        JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return source;
      }
    };
    Path out = Files.createTempDirectory("readme-example");
    StringWriter diagnostics = new StringWriter();
    boolean ok = javac.getTask(diagnostics, null, null,
        List.of("-d", out.toString(), "-classpath", consumerClassPath(), "-proc:none", "-Xlint:all", "-Werror"),
        null, List.of(file)).call();
    assertThat(diagnostics.toString()).as("javac output for the README example").isEmpty();
    assertThat(ok).as("README example compiles").isTrue();
    compiledExample = out;
    return out;
  }

  @Test
  void javaExampleCompilesAsPastedWithoutWarnings() throws Exception {
    assertThat(javaExample()).startsWith("import ").contains("public class SyncBrexPeople {");
    assertThat(compileJavaExample().resolve("SyncBrexPeople.class")).exists();
  }

  @Test
  void javaExampleSaysWhereStateIsKeptAndHowToChooseIt() throws Exception {
    assertThat(javaExample()).contains(".stateStore(FileSyncStateStore.at(")
        .contains("./" + FileSyncStateStore.DEFAULT_ROOT + "/brex-people/");
  }

  /**
   * Runs the compiled example in a JVM whose environment lacks some of its variables: it stops
   * before any request, with the exception naming what is missing, never a NullPointerException.
   */
  @ParameterizedTest(name = "{0} unset")
  @CsvSource({
      "BREX_API_TOKEN, '', BrexConfigurationException: The Brex API token is missing",
      "OOMNITZA_URL, BREX_API_TOKEN, OomnitzaConfigurationException: The Oomnitza base URI is missing",
      "OOMNITZA_API_TOKEN, BREX_API_TOKEN OOMNITZA_URL, OomnitzaConfigurationException: The Oomnitza API token is missing"})
  void javaExampleWithAnUnsetVariableSaysWhichOne(String unset, String set, String expected) throws Exception {
    Path classes = compileJavaExample();
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", classes + File.pathSeparator + consumerClassPath(), "SyncBrexPeople");
    Map<String, String> env = pb.environment();
    env.keySet().removeIf(k -> k.startsWith("BREX") || k.startsWith("OOMNITZA"));
    for (String name : set.split(" ")) {
      if (!name.isBlank()) {
        env.put(name, name.equals("OOMNITZA_URL") ? "https://acme.oomnitza.example" : "test-token-0123");
      }
    }
    pb.redirectErrorStream(true);
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the example stops").isTrue();

    assertThat(p.exitValue()).as(output).isNotZero();
    assertThat(output).contains(expected).contains(unset).doesNotContain("NullPointerException");
  }
}
