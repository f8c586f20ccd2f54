package org.brexsync.connector.workflow;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of a workflow for one Oomnitza record: every step's outcome, in order. A failed step
 * stops that record's remaining steps ({@link StepStatus#NOT_RUN}) and {@link #failure()} says why.
 *
 * @param record the record's ident (username by default)
 * @param steps the outcomes, one per step in order
 */
public record RecordResult(String record, List<StepOutcome> steps) {
  /**
   * A result (copies the list).
   *
   * @param record the record
   * @param steps the steps
   */
  public RecordResult {
    Objects.requireNonNull(record, "record");
    steps = List.copyOf(steps);
  }

  /** {@return whether any step failed} */
  public boolean failed() {
    return steps.stream().anyMatch(s -> s.status() == StepStatus.FAILED);
  }

  /** {@return the first failure as "step: reason"} */
  public Optional<String> failure() {
    return steps.stream().filter(s -> s.status() == StepStatus.FAILED).findFirst()
        .map(s -> s.step() + ": " + s.reason().orElse("failed"));
  }

  /** {@return whether any step was sent and succeeded (something changed or was read)} */
  public boolean anySucceeded() {
    return steps.stream().anyMatch(s -> s.status() == StepStatus.SUCCEEDED);
  }

  /**
   * {@return the outcome of the named step (the first one with that name)}
   *
   * @param name the name
   */
  public Optional<StepOutcome> step(String name) {
    return steps.stream().filter(s -> s.step().equals(name)).findFirst();
  }

  @Override
  public String toString() {
    return record + " " + steps;
  }
}
