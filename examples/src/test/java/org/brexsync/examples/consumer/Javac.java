package org.brexsync.examples.consumer;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Compiles source text the way a user's build would, against brexsync as a dependency: the test
 * class path without Immutables (a compile-time-only dependency of brexsync that users never have).
 */
final class Javac {
  private Javac() {}

  /** What a compilation said, and whether it succeeded. */
  record Result(boolean ok, String diagnostics) {}

  /** The class path of this test run, without the Immutables jar. */
  static List<String> consumerClassPath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(e -> !e.replace('\\', '/').contains("/org/immutables/"))
        .toList();
  }

  /**
   * Compiles {@code sources} (file name → source text).
   *
   * @param options javac options, e.g. {@code -Xlint:all -Werror}; the output directory, the class
   *     or module path and {@code -proc:none} are added unless {@code options} set them
   */
  static Result compile(Map<String, String> sources, List<String> options) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<JavaFileObject> files = new ArrayList<>();
    sources.forEach((name, text) -> files.add(
        new SimpleJavaFileObject(URI.create("string:///" + name), JavaFileObject.Kind.SOURCE) {
          @Override
          public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
          }
        }));
    Path out = Files.createTempDirectory("consumer");
    List<String> all = new ArrayList<>(List.of("-d", out.toString(), "-proc:none"));
    if (!options.contains("--module-path")) {
      all.addAll(List.of("-classpath", String.join(File.pathSeparator, consumerClassPath())));
    }
    all.addAll(options);
    StringWriter diagnostics = new StringWriter();
    boolean ok = javac.getTask(diagnostics, null, null, all, null, files).call();
    return new Result(ok, diagnostics.toString());
  }
}
