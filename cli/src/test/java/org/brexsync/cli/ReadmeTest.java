package org.brexsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.brexsync.connector.Integration;
import org.brexsync.connector.IntegrationJson;
import org.junit.jupiter.api.Test;

/** The README's promises hold. */
class ReadmeTest {
  private static String readme() throws Exception {
    return Files.readString(Path.of("README.md"));
  }

  @Test
  void integrationExampleIsLaunchable() throws Exception {
    Matcher m = Pattern.compile("## Integration document example\\s+```json\\n(.*?)```", Pattern.DOTALL).matcher(readme());
    assertThat(m.find()).isTrue();

    Integration in = IntegrationJson.read(m.group(1));

    assertThat(in.validate().missing()).isEmpty();
  }

  @Test
  void quickStartIsTheMainJobAndTheTestCommand() throws Exception {
    assertThat(readme()).contains(
        "./mvnw -B -q package -DskipTests && cli/target/brexsync sync\n./mvnw -B verify\n");
  }

  @Test
  void documentsEveryCommandAndExitCode() throws Exception {
    assertThat(readme()).contains("brexsync sync", "brexsync users list", "brexsync cards list",
        "brexsync integration validate", "brexsync integration suggest-mapping", "brexsync sandbox",
        "| 0 |", "| 1 |", "| 2 |", "| 3 |", "BREX_API_TOKEN", "BREX_BASE_URL", "OOMNITZA_URL",
        "OOMNITZA_API_TOKEN", "## Changelog", "brexsync workflow run", "brexsync workflow offboard",
        "brexsync workflow presets", "brexsync report", "brexsync dashboard", "brexsync insights", "brexsync serve",
        "brexsync runs list", "BREXSYNC_DATABASE_URL", "/healthz");
  }

  @Test
  void listsEveryReportViewAndPreset() throws Exception {
    assertThat(readme()).contains(org.brexsync.connector.insight.Catalog.names().stream().map(n -> "`" + n + "`").toList())
        .contains(org.brexsync.connector.workflow.Presets.names().stream().map(n -> "`" + n + "`").toList())
        .doesNotContain("## Not yet");
  }
}
