package org.brexsync.connector.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A token as it really arrives (with a trailing newline from a file, or broken by a paste) never
 * reaches a report, a log line or an exception, in API blocks ("json") and typed actions alike.
 */
class WorkflowSecretsTest extends WorkflowSandboxFixture {

  @ParameterizedTest
  @ValueSource(strings = {"json", "typed"})
  void aTokenWithATrailingNewlineFromAFileWorks(String form) {
    String id = sb.brex.createUser("Holly", "Flax", "holly@acme.example", "ACTIVE").get("id").asText();
    sb.person("holly", "brex_user_id", id);
    WorkflowRunner runner = sb.runner(Map.of("BREX_API_TOKEN", sb.brex.token() + "\n"));

    WorkflowReport report = runner.run(Workflow.of("w", PresetsEndToEndTest.step(form, Presets.GET_USER_DETAILS)),
        Target.username("holly"), RunOptions.defaults());

    assertThat(report.ok()).as(report.render()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"json", "typed"})
  void aTokenBrokenByALineBreakIsAFailedStepThatNeverShowsIt(String form) {
    sb.person("bob", "brex_user_id", "cuuser_1");
    String broken = "bxt_FIRSTHALF9f8e7d\nSECONDHALF6c5b4a";
    WorkflowRunner runner = sb.runner(Map.of("BREX_API_TOKEN", broken));

    String[] rendered = new String[1];
    String logs = captureStderr(() -> {
      WorkflowReport report = runner.run(Workflow.of("w", PresetsEndToEndTest.step(form, Presets.GET_USER_DETAILS)),
          Target.username("bob"), RunOptions.defaults());
      assertThat(report.records().get(0).failed()).isTrue();
      rendered[0] = report.render() + report.summary();
    });

    assertThat(rendered[0]).containsIgnoringCase("token").doesNotContain("FIRSTHALF").doesNotContain("SECONDHALF");
    assertThat(logs).doesNotContain("FIRSTHALF").doesNotContain("SECONDHALF");
    assertThat(sb.brexRequests()).as("nothing was sent").isZero();
  }

  private static String captureStderr(Runnable r) {
    PrintStream old = System.err;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      r.run();
    } finally {
      System.setErr(old);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }
}
