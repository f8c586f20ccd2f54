package org.brexsync.connector.workflow;

import java.util.Objects;

/**
 * Observes the steps a {@link WorkflowRunner} runs, one record at a time: when each starts and how it
 * ended, for metrics and tracing. Steps a failed earlier step stopped ({@link StepStatus#NOT_RUN})
 * are not run, so not observed. Called on the thread running the step (the runner handles several
 * people at once: keep it fast and thread-safe); exceptions are logged and ignored.
 *
 * <pre>{@code
 * WorkflowRunner runner = WorkflowRunner.builder().oomnitza(oomnitza)
 *     .listener(step -> outcome -> System.out.println(step.step() + ": " + outcome.status()))
 *     .build();
 * }</pre>
 */
@FunctionalInterface
public interface WorkflowListener {
  /** A listener that ignores everything. */
  WorkflowListener NONE = step -> StepScope.NONE;

  /**
   * A step starts for one record (its input is prepared and sent next). The returned scope is told
   * once, on the same thread, how it ended.
   *
   * @param step the workflow's and the step's names, and whether it is a dry run
   * @return the scope told how the step ended; {@link StepScope#NONE} to ignore it
   */
  StepScope onStepStart(StepStart step);

  /**
   * A step about to run. Names only: never the record, whose ident is an id.
   *
   * @param workflow the workflow's name (an API block's name when run alone, e.g. a preset's)
   * @param step the step's name (an API block's or typed action's name)
   * @param dryRun whether nothing is sent
   */
  record StepStart(String workflow, String step, boolean dryRun) {
    /**
     * Checks the components.
     *
     * @param workflow the workflow's name
     * @param step the step's name
     * @param dryRun whether nothing is sent
     */
    public StepStart {
      Objects.requireNonNull(workflow, "workflow");
      Objects.requireNonNull(step, "step");
    }
  }

  /** One step for one record, from its start to its end. */
  @FunctionalInterface
  interface StepScope {
    /** Ignores the end. */
    StepScope NONE = outcome -> { };

    /**
     * The step ended with this outcome (every failure of a step is an outcome, never thrown).
     *
     * @param outcome the step's status, and the request it sent or planned
     */
    void ended(StepOutcome outcome);

    /**
     * The step ended by an {@link Error} or an unexpected exception, thrown to the caller next.
     *
     * @param error what the step threw
     */
    default void failed(Throwable error) {}
  }
}
