package org.brexsync.examples.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * On the module path, each published jar is the named module of its root package, and a user's
 * named module that requires all of them compiles (no split package, no unnamed jar). Runs after
 * {@code package} (failsafe), against the jars the build made.
 */
class ModulePathIT {
  private static final Map<String, String> MODULE_NAMES = new LinkedHashMap<>();

  static {
    MODULE_NAMES.put("http-core", "org.brexsync.http");
    MODULE_NAMES.put("brex-client", "org.brexsync.brex");
    MODULE_NAMES.put("oomnitza-client", "org.brexsync.oomnitza");
    MODULE_NAMES.put("connector-core", "org.brexsync.connector");
    MODULE_NAMES.put("testkit", "org.brexsync.testkit");
  }

  private static List<String> classPath() {
    return Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
  }

  private static String jarOf(String artifactId) {
    return classPath().stream()
        .filter(e -> Path.of(e).getFileName().toString().matches(artifactId + "-\\d.*\\.jar"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + artifactId + " jar on the class path: " + classPath()));
  }

  @Test
  void everyPublishedJarNamesItsModule() throws Exception {
    for (Map.Entry<String, String> m : MODULE_NAMES.entrySet()) {
      try (JarFile jar = new JarFile(jarOf(m.getKey()))) {
        assertThat(jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name"))
            .as(m.getKey()).isEqualTo(m.getValue());
      }
    }
  }

  @Test
  void aNamedModuleRequiringEveryBrexsyncModuleCompiles() throws Exception {
    String modulePath = String.join(File.pathSeparator, classPath().stream()
        .filter(e -> {
          String n = Path.of(e).getFileName().toString();
          return MODULE_NAMES.keySet().stream().anyMatch(a -> n.matches(a + "-\\d.*\\.jar"))
              || n.startsWith("jackson-") || n.startsWith("slf4j-api-");
        })
        .toList());
    Map<String, String> sources = Map.of(
        "module-info.java", """
            module consumer {
              requires org.brexsync.http;
              requires org.brexsync.brex;
              requires org.brexsync.oomnitza;
              requires org.brexsync.connector;
              requires org.brexsync.testkit;
            }
            """,
        "consumer/Main.java", """
            package consumer;

            public final class Main {
              private Main() {}

              public static void main(String[] args) {
                System.out.println(org.brexsync.brex.model.User.builder().id("u").firstName("f")
                    .lastName("l").email("e@example.com").build());
                System.out.println(org.brexsync.oomnitza.ListQuery.all());
                System.out.println(org.brexsync.connector.mapping.Mapping.standard(25));
                System.out.println(org.brexsync.http.RetryPolicy.class);
                System.out.println(org.brexsync.testkit.CompanySpec.of(1, 10));
              }
            }
            """);

    // requires-automatic: javac warns about every requires of a jar named by its manifest rather
    // than a module-info (true of Jackson's and slf4j's helpers here too); all other lints are errors.
    Javac.Result r = Javac.compile(sources,
        List.of("--module-path", modulePath, "-Xlint:all,-requires-automatic", "-Werror"));

    assertThat(r.diagnostics()).as("javac output").isEmpty();
    assertThat(r.ok()).isTrue();
  }
}
