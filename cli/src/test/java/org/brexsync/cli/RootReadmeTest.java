package org.brexsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.brexsync.connector.IntegrationJson;
import org.junit.jupiter.api.Test;

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
        "./mvnw -B -q package -DskipTests && java -jar cli/target/brexsync.jar sync\n./mvnw -B verify\n");
    assertThat(Files.readString(Path.of("..", ".ci", "run")))
        .contains("./mvnw -B verify\n")
        .contains("./mvnw -B -q package -DskipTests && java -jar cli/target/brexsync.jar sync\n");
  }

  @Test
  void integrationDocumentIsLaunchable() throws Exception {
    assertThat(IntegrationJson.read(block("## Point it at real Brex and Oomnitza", "json")).validate().missing())
        .isEmpty();
  }

  @Test
  void javaExampleCompilesAgainstThePublicApi() throws Exception {
    String source = """
        package readme;
        import org.brexsync.brex.BrexClient;
        import org.brexsync.oomnitza.OomnitzaClient;
        import org.brexsync.connector.Integration;
        import org.brexsync.connector.SyncPreference;
        import org.brexsync.connector.filter.FilterRule;
        import org.brexsync.connector.filter.RecordFilter;
        import org.brexsync.connector.mapping.Mapping;
        import org.brexsync.connector.mapping.MappingRule;
        import org.brexsync.connector.sync.SyncEngine;
        import org.brexsync.connector.sync.SyncReport;
        class Example { void run() {
        """ + block("## Use it from Java", "java") + "}}\n";
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///readme/Example.java"),
        JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return source;
      }
    };
    Path out = Files.createTempDirectory("readme-example");
    StringWriter diagnostics = new StringWriter();
    boolean ok = javac.getTask(diagnostics, null, null,
        List.of("-d", out.toString(), "-classpath", System.getProperty("java.class.path"), "-proc:none"),
        null, List.of(file)).call();
    assertThat(ok).as("README example compiles:%n%s", diagnostics).isTrue();
  }
}
