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
  /** A result (copies the list). */
  public RecordResult {
    Objects.requireNonNull(record, "record");
    steps = List.copyOf(steps);
  }

  /** Whether any step failed. */
  public boolean failed() {
    return steps.stream().anyMatch(s -> s.status() == StepStatus.FAILED);
  }

  /** The first failure as "step: reason". */
  public Optional<String> failure() {
    return steps.stream().filter(s -> s.status() == StepStatus.FAILED).findFirst()
        .map(s -> s.step() + ": " + s.reason().orElse("failed"));
  }

  /** Whether any step was sent and succeeded (something changed or was read). */
  public boolean anySucceeded() {
    return steps.stream().anyMatch(s -> s.status() == StepStatus.SUCCEEDED);
  }

  /** The outcome of the named step (the first one with that name). */
  public Optional<StepOutcome> step(String name) {
    return steps.stream().filter(s -> s.step().equals(name)).findFirst();
  }

  @Override
  public String toString() {
    return record + " " + steps;
  }
}
