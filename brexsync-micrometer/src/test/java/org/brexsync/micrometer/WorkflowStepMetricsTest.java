package org.brexsync.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.util.List;
import org.brexsync.connector.workflow.Presets;
import org.brexsync.connector.workflow.RunOptions;
import org.brexsync.connector.workflow.Target;
import org.brexsync.connector.workflow.WorkflowReport;
import org.brexsync.connector.workflow.WorkflowRunner;
import org.brexsync.oomnitza.filter.Filter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each workflow step of each record is one observation (timer and span), parent of its HTTP calls. */
class WorkflowStepMetricsTest {
  final Rig rig = new Rig(40, "api_response", "brex_status");

  @BeforeEach
  void sync() {
    rig.engine("people").build().run(); // people in Oomnitza, with their brex_user_id
    rig.meters.clear();
    rig.started.clear();
  }

  @AfterEach
  void close() {
    rig.close();
  }

  @Test
  void stepsAreTimedByWorkflowStepAndOutcome() {
    WorkflowRunner runner = rig.runner().build();
    WorkflowReport r = runner.run(Presets.load(Presets.GET_USER_DETAILS),
        Target.filter(Filter.eq("role", "25")), RunOptions.defaults());
    String name = Presets.load(Presets.GET_USER_DETAILS).name();
    long succeeded = r.records().stream().filter(x -> !x.failed()).count();
    assertThat(succeeded).isGreaterThan(10);

    assertThat(rig.timer(BrexsyncMeters.WORKFLOW_STEP, "workflow", name, "step", name, "outcome", "SUCCEEDED",
        "error", "none").count()).isEqualTo(succeeded);
    assertThat(rig.timed(BrexsyncMeters.WORKFLOW_STEP)).isEqualTo(r.records().size());
    // each step's request is timed under the template the preset wrote, as a Brex call
    assertThat(rig.timer(BrexsyncMeters.HTTP_CLIENT_REQUESTS, "system", "brex",
        "operation", "GET /v2/users/{brex_user_id}", "status", "200").count()).isEqualTo(r.records().size());
    // the write-back of the response goes through oomnitza-client
    assertThat(rig.timed(BrexsyncMeters.HTTP_CLIENT_REQUESTS, "system", "oomnitza",
        "operation", "PATCH /api/v3/users/{ident}")).isEqualTo(succeeded);
  }

  @Test
  void aStepsHttpCallsAreItsChildrenOnTheRunnersThreads() {
    rig.runner().build().run(Presets.load(Presets.GET_USER_DETAILS), Target.filter(Filter.eq("role", "25")),
        RunOptions.defaults());
    List<WorkflowStepContext> steps = rig.contexts(WorkflowStepContext.class);
    List<HttpClientContext> calls = rig.contexts(HttpClientContext.class);
    assertThat(steps).hasSizeGreaterThan(10);
    List<HttpClientContext> inSteps = calls.stream()
        .filter(c -> c.start().operation().equals("GET /v2/users/{brex_user_id}")
            || c.start().operation().equals("PATCH /api/v3/users/{ident}"))
        .toList();
    assertThat(inSteps).hasSizeGreaterThan(10).allSatisfy(c ->
        assertThat(steps).anySatisfy(s -> assertThat(c.getParentObservation().getContextView()).isSameAs(s)));
    // the selection of people is read before any step: not a step's child
    assertThat(calls).filteredOn(c -> c.start().operation().equals("GET /api/v3/users"))
        .allSatisfy(c -> assertThat(c.getParentObservation()).isNull());
    TestObservationRegistryAssert.assertThat(rig.observations).doesNotHaveAnyRemainingCurrentObservation();
  }

  @Test
  void aDryRunStepIsPlannedAndSendsNothing() {
    rig.runner().build().run(Presets.load(Presets.DEACTIVATE_USER), Target.filter(Filter.eq("role", "25")),
        RunOptions.builder().dryRun(true).build());
    String name = Presets.load(Presets.DEACTIVATE_USER).name();
    assertThat(rig.timer(BrexsyncMeters.WORKFLOW_STEP, "step", name, "outcome", "PLANNED").count()).isPositive();
    assertThat(rig.timed(BrexsyncMeters.HTTP_CLIENT_REQUESTS, "system", "brex")).isZero();
  }
}
