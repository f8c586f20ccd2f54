package org.brexsync.connector.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.brexsync.connector.filter.FilterRule;
import org.brexsync.connector.filter.RecordFilter;
import org.brexsync.connector.schedule.Schedule;
import org.brexsync.oomnitza.filter.Filter;
import org.brexsync.testkit.MutableClock;
import org.junit.jupiter.api.Test;

/** Runs over a filtered set, dry runs, stop-on-failure and the scheduled trigger. */
class TriggersTest extends WorkflowSandboxFixture {
  private static final Target NEW_TO_BREX = Target.filter(Filter.isNull("brex_user_id"));

  private void threeNewAndOneKnown() {
    sb.person("pam", "first_name", "Pam", "last_name", "Beesly");
    sb.person("jim", "first_name", "Jim", "last_name", "Halpert");
    sb.person("kelly", "first_name", "Kelly", "last_name", "Kapoor");
    String known = sb.brex.createUser("Michael", "Scott", "michael@acme.example", "ACTIVE").get("id").asText();
    sb.person("michael", "brex_user_id", known);
  }

  @Test
  void invitesEveryNewOomnitzaUserOnceAndReportsPerRecord() {
    threeNewAndOneKnown();
    ApiBlock invite = Presets.load(Presets.INVITE_USER);

    WorkflowReport first = sb.runner.run(invite, NEW_TO_BREX, RunOptions.defaults());

    assertThat(first.ok()).as(first.render()).isTrue();
    assertThat(first.records()).extracting(RecordResult::record).containsExactlyInAnyOrder("pam", "jim", "kelly");
    assertThat(sb.brex.count("POST", "/v2/users")).isEqualTo(3);
    for (String u : List.of("pam", "jim", "kelly")) {
      String id = sb.oomnitzaUser(u).get("brex_user_id").asText();
      assertThat(sb.brex.user(id).get().get("email").asText()).isEqualTo(u + "@acme.example");
      assertThat(first.record(u).get().steps().get(0).status()).isEqualTo(StepStatus.SUCCEEDED);
    }

    WorkflowReport second = sb.runner.run(invite, NEW_TO_BREX, RunOptions.defaults());
    assertThat(second.records()).isEmpty();
    assertThat(sb.brex.count("POST", "/v2/users")).isEqualTo(3);
  }

  @Test
  void aLocalRecordFilterNarrowsTheOomnitzaFilter() {
    threeNewAndOneKnown();
    Target onlyPam = NEW_TO_BREX.and(RecordFilter.of(FilterRule.includeIn("first_name", "Pam")));

    WorkflowReport r = sb.runner.run(Presets.load(Presets.INVITE_USER), onlyPam, RunOptions.defaults());

    assertThat(r.records()).extracting(RecordResult::record).containsExactly("pam");
    assertThat(sb.brex.count("POST", "/v2/users")).isEqualTo(1);
  }

  @Test
  void dryRunShowsTheExactRequestsWithTheTokenRedactedAndSendsNothing() {
    threeNewAndOneKnown();

    WorkflowReport r = sb.runner.run(Presets.load(Presets.INVITE_USER), NEW_TO_BREX,
        RunOptions.builder().dryRun(true).build());

    assertThat(sb.brexRequests()).isZero();
    assertThat(sb.oomnitzaPatches()).isZero();
    assertThat(r.dryRun()).isTrue();
    StepOutcome pam = r.record("pam").get().steps().get(0);
    assertThat(pam.status()).isEqualTo(StepStatus.PLANNED);
    PlannedRequest q = pam.request().orElseThrow();
    assertThat(q.method()).isEqualTo("POST");
    assertThat(q.uri().toString()).isEqualTo(sb.brex.baseUri().toString().replaceAll("/$", "") + "/v2/users");
    assertThat(q.headers()).containsEntry("Authorization", "Bearer ****").containsKey("Idempotency-Key");
    assertThat(q.body().orElseThrow().toString())
        .isEqualTo("{\"first_name\":\"Pam\",\"last_name\":\"Beesly\",\"email\":\"pam@acme.example\"}");
    assertThat(r.render()).contains("POST ").contains("/v2/users").doesNotContain(sb.brex.token());
    JsonNode json = PresetsEndToEndTest.json(r.toJson());
    assertThat(json.get("dryRun").asBoolean()).isTrue();
    assertThat(json.get("records")).hasSize(3);
    JsonNode step = json.get("records").get(0).get("steps").get(0);
    assertThat(step.get("status").asText()).isEqualTo("PLANNED");
    assertThat(step.get("request").get("headers").get("Authorization").asText()).isEqualTo("Bearer ****");
    assertThat(step.get("request").get("body").get("email").asText()).endsWith("@acme.example");
    assertThat(r.toJson()).doesNotContain(sb.brex.token());
  }

  @Test
  void aFailedStepStopsThatRecordsRemainingStepsButNotOtherRecords() {
    String ok = sb.brex.createUser("Stanley", "Hudson", "stanley@acme.example", "ACTIVE").get("id").asText();
    sb.person("stanley", "brex_user_id", ok);
    sb.person("creed", "brex_user_id", "cuuser_gone");
    Workflow wf = Workflow.of("deactivate then list",
        WorkflowStep.of(Presets.load(Presets.DEACTIVATE_USER)),
        WorkflowStep.of(Presets.load(Presets.LIST_USER_CARDS)));

    WorkflowReport r = sb.runner.run(wf, Target.filter(Filter.isNotNull("brex_user_id")), RunOptions.defaults());

    RecordResult creed = r.record("creed").orElseThrow();
    assertThat(creed.steps()).extracting(StepOutcome::status).containsExactly(StepStatus.FAILED, StepStatus.NOT_RUN);
    assertThat(creed.steps().get(1).reason().orElseThrow()).contains("stopped").contains("Brex Deactivate User");
    assertThat(creed.failure().orElseThrow()).contains("HTTP 404");
    RecordResult stanley = r.record("stanley").orElseThrow();
    assertThat(stanley.steps()).extracting(StepOutcome::status)
        .containsExactly(StepStatus.SUCCEEDED, StepStatus.SUCCEEDED);
    assertThat(sb.brex.count("GET", "/v2/cards")).isEqualTo(1);
  }

  @Test
  void aValueWrittenByOneStepFeedsTheNext() {
    String id = sb.brex.createUser("Phyllis", "Vance", "phyllis@acme.example", "ACTIVE").get("id").asText();
    String card = sb.brex.createCard(id, "VIRTUAL", "USER").get("id").asText();
    sb.person("phyllis", "brex_user_id", id);
    Workflow wf = Workflow.of("list then lock",
        WorkflowStep.of(Presets.load(Presets.LIST_USER_CARDS)),
        BrexActions.lockCard());

    WorkflowReport r = sb.runner.run(wf, Target.username("phyllis"),
        RunOptions.builder().set("card_reason", "FRAUD").build());

    assertThat(r.ok()).as(r.render()).isTrue();
    assertThat(sb.brex.card(card).get().get("status").asText()).isEqualTo("LOCKED");
  }

  @Test
  void aMissingTokenFailsTheStepWithTheVariableNameBeforeAnyBrexCall() {
    sb.person("jan", "brex_user_id", "cuuser_1");
    WorkflowRunner noToken = sb.runner(Map.of());

    RecordResult r = noToken.run(Presets.load(Presets.GET_USER_DETAILS), Target.username("jan"), RunOptions.defaults())
        .records().get(0);

    assertThat(r.failure().orElseThrow()).contains("BREX_API_TOKEN").contains("not set");
    assertThat(sb.brexRequests()).isZero();
  }

  @Test
  void aTypedActionWithoutTokenFailsTheStepToo() {
    sb.person("jan", "brex_user_id", "cuuser_1");
    WorkflowRunner noToken = sb.runner(Map.of());

    RecordResult r = noToken.run(Workflow.of("details", BrexActions.getUserDetails()), Target.username("jan"),
        RunOptions.defaults()).records().get(0);

    assertThat(r.failure().orElseThrow()).contains("BREX_API_TOKEN");
    assertThat(sb.brexRequests()).isZero();
  }

  @Test
  void aDryRunOfDependentStepsPlansTheFirstAndSaysWhyTheNextCannotBeShown() {
    String id = sb.brex.createUser("Meredith", "Palmer", "meredith@acme.example", "ACTIVE").get("id").asText();
    sb.person("meredith", "brex_user_id", id);
    Workflow wf = Workflow.of("list then lock",
        WorkflowStep.of(Presets.load(Presets.LIST_USER_CARDS)), WorkflowStep.of(Presets.load(Presets.LOCK_CARD)));

    RecordResult r = sb.runner.run(wf, Target.username("meredith"),
        RunOptions.builder().set("card_reason", "FRAUD").dryRun(true).build()).records().get(0);

    assertThat(r.steps()).extracting(StepOutcome::status).containsExactly(StepStatus.PLANNED, StepStatus.SKIPPED);
    assertThat(r.steps().get(1).reason().orElseThrow()).contains("{{brex_user_card_id}}").contains("Brex List User Cards");
    assertThat(sb.brexRequests()).isZero();
  }

  @Test
  void aSuccessfulCallWhoseWriteBackFailsIsAFailedStepNotASilentHalfApply() {
    String id = sb.brex.createUser("Karen", "Filippelli", "karen@acme.example", "ACTIVE").get("id").asText();
    sb.person("karen", "brex_user_id", id);
    ApiBlock wrongField = Presets.fromJson(Presets.toJson(Presets.load(Presets.DEACTIVATE_USER))
        .replace("\"brex_status\"", "\"no_such_field\""));
    Workflow wf = Workflow.of("deactivate then details", WorkflowStep.of(wrongField),
        WorkflowStep.of(Presets.load(Presets.GET_USER_DETAILS)));

    RecordResult r = sb.runner.run(wf, Target.username("karen"), RunOptions.defaults()).records().get(0);

    assertThat(sb.brex.user(id).get().get("status").asText()).isEqualTo("DISABLED");
    assertThat(r.steps()).extracting(StepOutcome::status).containsExactly(StepStatus.FAILED, StepStatus.NOT_RUN);
    assertThat(r.failure().orElseThrow()).contains("the call succeeded but writing").contains("no_such_field");
    assertThat(r.steps().get(0).httpStatus()).contains(200);
  }

  /** Runs scheduled tasks only when the test says so; time is the injected clock's. */
  static final class ManualExecutor extends ScheduledThreadPoolExecutor {
    final List<Runnable> due = new ArrayList<>();
    final List<Long> delays = new ArrayList<>();

    ManualExecutor() {
      super(1);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
      due.add(command);
      delays.add(unit.toMillis(delay));
      return new ScheduledFuture<Object>() {
        @Override
        public long getDelay(TimeUnit u) {
          return 0;
        }

        @Override
        public int compareTo(Delayed o) {
          return 0;
        }

        @Override
        public boolean cancel(boolean b) {
          return due.remove(command);
        }

        @Override
        public boolean isCancelled() {
          return false;
        }

        @Override
        public boolean isDone() {
          return false;
        }

        @Override
        public Object get() {
          return null;
        }

        @Override
        public Object get(long l, TimeUnit u) {
          return null;
        }
      };
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
      throw new UnsupportedOperationException();
    }

    void runDue() {
      Runnable r = due.remove(0);
      r.run();
    }
  }

  @Test
  void theSchedulerInvitesNewPeopleOnEachScheduledRun() {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
    ManualExecutor executor = new ManualExecutor();
    List<WorkflowReport> reports = new ArrayList<>();
    try (WorkflowScheduler s = WorkflowScheduler.builder()
        .job(sb.runner, Workflow.of(Presets.load(Presets.INVITE_USER)), NEW_TO_BREX, RunOptions.defaults())
        .schedule(Schedule.every(Duration.ofHours(1)))
        .clock(clock)
        .executor(executor)
        .onReport(reports::add)
        .build()) {
      s.start();
      assertThat(s.nextRunAt()).contains(Instant.parse("2026-11-27T11:00:00Z"));
      assertThat(executor.delays).containsExactly(3_600_000L);

      sb.person("erin", "first_name", "Erin", "last_name", "Hannon");
      clock.advance(Duration.ofHours(1));
      executor.runDue();
      assertThat(reports).hasSize(1);
      assertThat(reports.get(0).records()).extracting(RecordResult::record).containsExactly("erin");

      sb.person("gabe", "first_name", "Gabe", "last_name", "Lewis");
      clock.advance(Duration.ofHours(1));
      executor.runDue();
      assertThat(reports.get(1).records()).extracting(RecordResult::record).containsExactly("gabe");
      assertThat(sb.brex.count("POST", "/v2/users")).isEqualTo(2);
      assertThat(s.completedRuns()).isEqualTo(2);
      assertThat(s.nextRunAt()).contains(Instant.parse("2026-11-27T13:00:00Z"));
    } finally {
      executor.shutdownNow();
    }
  }
}
