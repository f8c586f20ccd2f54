package org.brexsync.connector.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.brexsync.connector.Connection;
import org.brexsync.connector.workflow.internal.HttpSender;
import org.brexsync.http.RequestListener;
import org.junit.jupiter.api.Test;

/**
 * A runner tells its {@link WorkflowListener} when each step starts and how it ended, and its
 * request listener of every HTTP attempt of API blocks and of the Brex client it builds, named by
 * templated operations, never by the record's ids.
 */
class WorkflowListenerTest extends WorkflowSandboxFixture {
  final List<String> steps = new CopyOnWriteArrayList<>();
  final List<RequestListener.Attempt> attempts = new CopyOnWriteArrayList<>();
  final List<String> starts = new CopyOnWriteArrayList<>();

  final RequestListener requests = new RequestListener() {
    @Override
    public void onAttempt(Attempt a) {
      attempts.add(a);
    }

    @Override
    public InFlight onAttemptStart(AttemptStart s) {
      starts.add(s.service() + " " + s.operation());
      return InFlight.NONE;
    }
  };

  WorkflowRunner runner() {
    return WorkflowRunner.builder()
        .oomnitza(sb.oomnitzaClient)
        .brexBaseUri(sb.brex.baseUri())
        .brexCredential(Connection.of(Optional.empty(), "BREX_API_TOKEN"))
        .env(Map.of("BREX_API_TOKEN", sb.brex.token())::get)
        .sleeper(d -> {})
        .listener(step -> {
          steps.add("start " + step.workflow() + " / " + step.step() + (step.dryRun() ? " (dry)" : ""));
          return outcome -> steps.add("end " + step.step() + " " + outcome.status());
        })
        .requestListener(requests)
        .build();
  }

  @Test
  void anApiBlockStepIsObservedAndItsRequestNamedByTheBlocksTemplate() {
    String id = sb.brex.createUser("Jim", "Halpert", "jim@acme.example", "ACTIVE").get("id").asText();
    sb.person("jim", "brex_user_id", id);

    WorkflowReport r = runner().run(Presets.load(Presets.GET_USER_DETAILS), Target.username("jim"),
        RunOptions.defaults());

    assertThat(r.records().get(0).failed()).isFalse();
    String name = Presets.load(Presets.GET_USER_DETAILS).name();
    assertThat(steps).containsExactly("start " + name + " / " + name, "end " + name + " SUCCEEDED");
    assertThat(starts).containsExactly("Brex GET /v2/users/{brex_user_id}");
    assertThat(attempts).singleElement().satisfies(a -> {
      assertThat(a.operation()).isEqualTo("GET /v2/users/{brex_user_id}").doesNotContain(id);
      assertThat(a.status()).contains(200);
    });
  }

  @Test
  void aTypedStepGoesThroughTheBuiltBrexClientWhichTellsTheSameListener() {
    String id = sb.brex.createUser("Pam", "Beesly", "pam@acme.example", "ACTIVE").get("id").asText();
    sb.person("pam", "brex_user_id", id);

    runner().run(Workflow.of("typed", BrexActions.getUserDetails()), Target.username("pam"), RunOptions.defaults());

    assertThat(steps).hasSize(2).last().asString().endsWith("SUCCEEDED");
    assertThat(starts).containsExactly("Brex GET /v2/users/{id}");
  }

  @Test
  void aDryRunStepIsObservedAsPlannedAndSendsNothing() {
    String id = sb.brex.createUser("Oscar", "Martinez", "oscar@acme.example", "ACTIVE").get("id").asText();
    sb.person("oscar", "brex_user_id", id);

    runner().run(Presets.load(Presets.DEACTIVATE_USER), Target.username("oscar"),
        RunOptions.builder().dryRun(true).build());

    assertThat(steps).hasSize(2);
    assertThat(steps.get(0)).endsWith("(dry)");
    assertThat(steps.get(1)).endsWith("PLANNED");
    assertThat(attempts).isEmpty();
  }

  @Test
  void aStepStoppedByAnEarlierFailureIsNotObserved() {
    sb.person("angela"); // no brex_user_id: the first step fails on its missing variable
    runner().run(Workflow.of("two", WorkflowStep.of(Presets.load(Presets.GET_USER_DETAILS)),
        WorkflowStep.of(Presets.load(Presets.DEACTIVATE_USER))), Target.username("angela"), RunOptions.defaults());
    assertThat(steps).hasSize(2);
    assertThat(steps.get(1)).endsWith("FAILED");
  }

  @Test
  void anApiBlocksOperationIsItsUrlTemplateWithoutHostOrQuery() {
    assertThat(HttpSender.operationOf("put", "/v2/users/{{brex_user_id}}")).isEqualTo("PUT /v2/users/{brex_user_id}");
    assertThat(HttpSender.operationOf("GET", "https://api.example.com/v1/people/{{ email }}?expand={{x}}"))
        .isEqualTo("GET /v1/people/{email}");
    assertThat(HttpSender.operationOf("GET", "https://api.example.com")).isEqualTo("GET /");
    assertThat(HttpSender.operationOf("POST", "{{base}}/v2/cards/{{card.id}}/lock"))
        .isEqualTo("POST {base}/v2/cards/{card}/lock");
  }
}
