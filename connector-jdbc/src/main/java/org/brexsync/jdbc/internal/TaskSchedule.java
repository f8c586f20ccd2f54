package org.brexsync.jdbc.internal;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.brexsync.connector.schedule.Schedule;

/**
 * A connector-core {@link Schedule} as db-scheduler's schedule: daily and cron schedules are
 * deterministic (the same times on every worker, so db-scheduler updates a changed schedule on start);
 * an interval counts from the planned start of the run before, skipping starts a long run overran
 * (as connector-core's scheduler skips them). A task in {@code handOver} (its run was cancelled because
 * the worker stops) is due again at once, so another worker takes it. Not API.
 */
public final class TaskSchedule implements com.github.kagkarlsson.scheduler.task.schedule.Schedule {
  private final Schedule schedule;
  private final Map<String, Duration> dueAgain;

  /**
   * @param dueAgain task name → delay after the run ends at which the task is due again, ahead of its
   *     schedule (a run handed over: zero; a run that found the state locked: the heartbeat timeout);
   *     an entry is used once
   */
  public TaskSchedule(Schedule schedule, Map<String, Duration> dueAgain) {
    this.schedule = schedule;
    this.dueAgain = dueAgain;
  }

  @Override
  public Instant getNextExecutionTime(ExecutionComplete done) {
    Duration again = dueAgain.remove(done.getExecution().getTaskName());
    if (again != null) {
      return done.getTimeDone().plus(again);
    }
    if (schedule.every().isPresent()) {
      Duration every = schedule.every().get();
      Instant planned = done.getExecution().executionTime;
      Instant finished = done.getTimeDone();
      if (!planned.plus(every).isAfter(finished)) {
        long missed = Duration.between(planned, finished).toNanos() / every.toNanos();
        return planned.plus(every.multipliedBy(missed + 1));
      }
      return planned.plus(every);
    }
    return schedule.nextAfter(done.getTimeDone());
  }

  @Override
  public Instant getInitialExecutionTime(Instant now) {
    return schedule.nextAfter(now);
  }

  @Override
  public boolean isDeterministic() {
    return schedule.every().isEmpty();
  }

  @Override
  public String toString() {
    return schedule.describe();
  }
}
