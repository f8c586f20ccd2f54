package org.brexsync.connector.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.brexsync.connector.Connection;
import org.brexsync.connector.fakes.OverlapProbe;
import org.brexsync.oomnitza.filter.Filter;
import org.junit.jupiter.api.Test;

/** Runs over many people read them a page at a time and handle several at once, reported in order. */
class WorkflowsAtScaleTest extends WorkflowSandboxFixture {

  private List<String> leavers(int n) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String id = sb.brex.createUser("F" + i, "L" + i, "p" + i + "@acme.example", "ACTIVE").get("id").asText();
      String name = String.format("p%03d", i);
      sb.person(name, "brex_user_id", id, "left_company", "true");
      names.add(name);
    }
    return names;
  }

  @Test
  void offboardingStartsOnTheFirstPageBeforeReadingTheNext() {
    leavers(230); // three pages of 100
    AtomicLong listCallsWhenFirstDone = new AtomicLong(-1);
    WorkflowRunner runner = WorkflowRunner.builder().oomnitza(sb.oomnitzaClient).brexBaseUri(sb.brex.baseUri())
        .brexCredential(Connection.of(Optional.empty(), "BREX_API_TOKEN")).env(Map.of("BREX_API_TOKEN", sb.brex.token())::get)
        .sleeper(d -> {})
        .progress((phase, done, total) -> {
          if (done == 1) {
            listCallsWhenFirstDone.set(sb.oomnitza.count("GET", "/api/v3/users"));
          }
        })
        .build();

    WorkflowReport r = OffboardingWorkflow.builder().runner(runner).filter(Filter.eq("left_company", "true")).build().run(true);

    assertThat(r.ok()).as(r.render()).isTrue();
    assertThat(r.records()).hasSize(230);
    assertThat(listCallsWhenFirstDone.get()).as("pages of people read when the first person was done").isEqualTo(1);
    assertThat(sb.oomnitza.count("GET", "/api/v3/users")).isEqualTo(3);
  }

  @Test
  void peopleAreOffboardedConcurrentlyAndReportedInSelectionOrder() {
    List<String> names = leavers(12);
    OverlapProbe http = new OverlapProbe(HttpClient.newHttpClient(), "GET", "/v2/users/");
    WorkflowRunner runner = WorkflowRunner.builder().oomnitza(sb.oomnitzaClient).brexBaseUri(sb.brex.baseUri())
        .brexCredential(Connection.of(Optional.empty(), "BREX_API_TOKEN")).env(Map.of("BREX_API_TOKEN", sb.brex.token())::get)
        .httpClient(http).sleeper(d -> {}).concurrency(4).build();

    WorkflowReport r = OffboardingWorkflow.builder().runner(runner).filter(Filter.eq("left_company", "true")).build().run(false);

    assertThat(r.ok()).as(r.render()).isTrue();
    assertThat(http.overlapped()).as("a second person's Brex read while the first was in flight").isTrue();
    assertThat(r.records()).extracting(RecordResult::record).containsExactlyElementsOf(names);
    for (String n : names) {
      assertThat(sb.oomnitzaUser(n).get("brex_status").asText()).isEqualTo("DISABLED");
    }
  }

  @Test
  void aWorkflowRunOverAFilterIsConcurrentToo() {
    List<String> names = leavers(6);
    OverlapProbe http = new OverlapProbe(HttpClient.newHttpClient(), "GET", "/v2/users/");
    WorkflowRunner runner = WorkflowRunner.builder().oomnitza(sb.oomnitzaClient).brexBaseUri(sb.brex.baseUri())
        .brexCredential(Connection.of(Optional.empty(), "BREX_API_TOKEN")).env(Map.of("BREX_API_TOKEN", sb.brex.token())::get)
        .httpClient(http).sleeper(d -> {}).concurrency(3).build();

    WorkflowReport r = runner.run(Presets.load(Presets.GET_USER_DETAILS), Target.filter(Filter.eq("left_company", "true")),
        RunOptions.defaults());

    assertThat(r.ok()).as(r.render()).isTrue();
    assertThat(http.overlapped()).isTrue();
    assertThat(r.records()).extracting(RecordResult::record).containsExactlyElementsOf(names);
  }
}
