package org.brexsync.jdbc;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.brexsync.connector.port.RunHistory;
import org.brexsync.connector.port.RunRecord;
import org.brexsync.connector.schedule.Schedule;
import org.brexsync.connector.sync.RunControl;
import org.brexsync.connector.sync.RunStatus;
import org.brexsync.connector.sync.SyncEngine;
import org.brexsync.connector.sync.SyncReport;
import org.brexsync.connector.workflow.WorkflowReport;
import org.brexsync.jdbc.internal.TaskSchedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs integrations and workflows on their {@link Schedule}s across any number of workers sharing one
 * PostgreSQL database, on <a href="https://github.com/kagkarlsson/db-scheduler">db-scheduler</a>: each
 * integration (and each workflow) is a persistent recurring task in table
 * {@code brexsync_scheduled_tasks}, created by the first worker that starts and picked by exactly one
 * worker each time it comes due ({@code SELECT ... FOR UPDATE SKIP LOCKED}), so an integration runs at
 * most once at a time however many workers run.
 *
 * <ul>
 *   <li><b>A worker that dies</b> (kill -9, a lost machine) stops its heartbeats; after
 *       {@code heartbeat × missedHeartbeats} another worker revives the run and starts it again. The
 *       state store and the correlation by sync key make the repeat converge without duplicates; the
 *       run history marks the dead run {@code ABANDONED}.
 *   <li><b>A worker that stops</b> ({@link #stop(boolean)} with cancel, e.g. on SIGTERM) cancels its runs
 *       (each ends {@code CANCELLED} after its batch in flight, bulk portions finalized) and hands their
 *       tasks over: they are due again at once, for another worker.
 *   <li><b>Every run</b> is recorded in the {@link RunHistory} when it starts and when it ends, and
 *       passed to {@link Builder#onRun} (by default one log line).
 * </ul>
 *
 * <pre>{@code
 * ClusterScheduler workers = ClusterScheduler.builder()
 *     .database(db)
 *     .sync(engine)                                      // engine built with db.stateStore()
 *     .workflow("invite-new-people", Schedule.every(Duration.ofHours(1)), () -> runner.run(...))
 *     .build();
 * workers.start();
 * ...
 * workers.stop(true);
 * }</pre>
 */
public final class ClusterScheduler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterScheduler.class);
  /** Task name prefix of integration syncs. */
  public static final String SYNC_TASK = "brexsync-sync:";
  /** Task name prefix of workflows. */
  public static final String WORKFLOW_TASK = "brexsync-workflow:";
  /** Task name of the run history's clean-up. */
  public static final String HOUSEKEEPING_TASK = "brexsync-housekeeping";
  /** The db-scheduler table in brexsync's schema. */
  public static final String TABLE = "brexsync_scheduled_tasks";

  private final Scheduler scheduler;
  private final String worker;
  private final Clock clock;
  private final Map<String, RunControl> running = new ConcurrentHashMap<>();
  private final Map<String, Duration> dueAgain = new ConcurrentHashMap<>();
  private final Duration deadAfter;
  private volatile boolean stopping;
  private boolean started;

  private ClusterScheduler(Builder b) {
    this.worker = b.worker;
    this.clock = b.clock;
    this.deadAfter = b.heartbeat.multipliedBy(b.missedHeartbeats);
    List<RecurringTask<Void>> tasks = new ArrayList<>();
    for (Job job : b.jobs.values()) {
      String task = (job.kind == RunRecord.Kind.SYNC ? SYNC_TASK : WORKFLOW_TASK) + job.name;
      tasks.add(Tasks.recurring(task, new TaskSchedule(job.schedule, dueAgain))
          .onDeadExecutionRevive()
          .onFailureReschedule()
          .execute((instance, ctx) -> execute(task, job, b)));
    }
    if (b.keepRuns != null && b.history instanceof JdbcRunHistory) {
      JdbcRunHistory runs = (JdbcRunHistory) b.history;
      Duration keep = b.keepRuns;
      // Housekeeping on the same mechanism: one worker of the cluster at a time, every hour.
      tasks.add(Tasks.recurring(HOUSEKEEPING_TASK, new TaskSchedule(Schedule.every(Duration.ofHours(1)), dueAgain))
          .execute((instance, ctx) -> {
            long n = runs.deleteEndedBefore(b.clock.instant().minus(keep));
            if (n > 0) {
              LOG.info("run history: deleted {} run(s) that ended more than {} ago", n, keep);
            }
          }));
    }
    this.scheduler = Scheduler.create(b.dataSource)
        .startTasks(tasks)
        .tableName(TABLE)
        .schedulerName(new SchedulerName.Fixed(worker))
        .threads(b.threads)
        .pollingInterval(b.pollingInterval)
        .heartbeatInterval(b.heartbeat)
        .missedHeartbeatsLimit(b.missedHeartbeats)
        .shutdownMaxWait(b.shutdownMaxWait)
        .deleteUnresolvedAfter(Duration.ofDays(7))
        .enableImmediateExecution()
        .build();
  }

  /** {@return a builder: give it a database (or a data source and a run history) and the jobs to run} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return this worker's name in the task table and the run history (default {@code host:pid})} */
  public String worker() {
    return worker;
  }

  /** Starts picking due runs (idempotent). */
  public synchronized void start() {
    if (!started) {
      started = true;
      scheduler.start();
    }
  }

  /**
   * Makes an integration's sync due now (on whichever worker picks it first), unless it is running.
   *
   * @param integration the name of an integration added with {@link Builder#sync}
   * @return true when the sync was made due; false when it is running now (on any worker) or this scheduler does not know it
   */
  public boolean runNow(String integration) {
    try {
      return scheduler.reschedule(TaskInstanceId.of(SYNC_TASK + integration, RecurringTask.INSTANCE), clock.instant());
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * When the sync of {@code integration} is next due, on whichever worker picks it: one read of its
   * row in the task table, shared by every worker.
   *
   * @param integration the integration's name
   * @return the planned time of its next run; empty while a run of it is in progress (on any worker),
   *     or when no worker has registered it yet
   * @throws DatabaseException when the task table cannot be read
   */
  public Optional<Instant> nextRunAt(String integration) {
    try {
      return scheduler.getScheduledExecution(TaskInstanceId.of(SYNC_TASK + integration, RecurringTask.INSTANCE))
          .filter(e -> !e.isPicked())
          .map(e -> e.getExecutionTime());
    } catch (RuntimeException e) {
      throw new DatabaseException("cannot read when '" + integration + "' is due: " + e.getMessage(), e);
    }
  }

  /**
   * {@return the names of the integrations and workflows this worker is running now (a copy; runs on
   * other workers are not in it)}
   */
  public Set<String> runningNow() {
    return Set.copyOf(running.keySet());
  }

  /**
   * Stops picking runs and waits for those in progress (at most the builder's {@code shutdownMaxWait}).
   *
   * @param cancelRunning cancel the syncs in progress (they end CANCELLED after their batch in flight)
   *     and hand them over to another worker, instead of letting them finish
   */
  public void stop(boolean cancelRunning) {
    stopping = true;
    if (cancelRunning) {
      running.values().forEach(RunControl::cancel);
    }
    scheduler.stop();
  }

  /** Same as {@code stop(false)}. */
  @Override
  public void close() {
    stop(false);
  }

  private void execute(String task, Job job, Builder b) {
    RunRecord run = RunRecord.started(UUID.randomUUID().toString(), job.name, job.kind, worker, b.clock.instant());
    b.history.record(run); // a database that is gone fails the execution here: db-scheduler retries on schedule
    RunControl control = RunControl.create();
    running.put(job.name, control);
    try {
      if (stopping) {
        control.cancel();
      }
      Object report = job.body.apply(control);
      if (report instanceof SyncReport) {
        SyncReport r = (SyncReport) report;
        run = run.finished(r, b.clock.instant());
        if (r.status() == RunStatus.CANCELLED && stopping) {
          dueAgain.put(task, Duration.ZERO);
        }
      } else {
        run = run.finished((WorkflowReport) report, b.clock.instant());
      }
    } catch (StateLockedException e) {
      // Held by a worker the server still thinks alive (its machine vanished): try again once it is
      // declared dead, rather than at the next scheduled time.
      dueAgain.put(task, deadAfter);
      run = run.ended(RunRecord.Status.FAILED, e.getMessage() + "; tried again in " + deadAfter, b.clock.instant());
    } catch (RuntimeException e) {
      run = run.ended(RunRecord.Status.FAILED, String.valueOf(e.getMessage()), b.clock.instant());
    } finally {
      running.remove(job.name);
    }
    try {
      b.history.record(run);
    } catch (RuntimeException e) {
      LOG.error("{} (the run history could not record it: {})", run.line(), e.getMessage());
    }
    try {
      b.onRun.accept(run);
    } catch (RuntimeException e) {
      LOG.warn("run listener failed: {}", e.toString());
    }
  }

  /** One scheduled job. */
  private static final class Job {
    final String name;
    final RunRecord.Kind kind;
    final Schedule schedule;
    final Function<RunControl, ?> body;

    Job(String name, RunRecord.Kind kind, Schedule schedule, Function<RunControl, ?> body) {
      this.name = name;
      this.kind = kind;
      this.schedule = schedule;
      this.body = body;
    }
  }

  /** Builds {@link ClusterScheduler}s. */
  public static final class Builder {
    private DataSource dataSource;
    private RunHistory history;
    private String worker = defaultWorkerName();
    private int threads = 4;
    private Duration pollingInterval = Duration.ofSeconds(10);
    private Duration heartbeat = Duration.ofSeconds(30);
    private int missedHeartbeats = 4;
    private Duration shutdownMaxWait = Duration.ofMinutes(5);
    private Clock clock = Clock.systemUTC();
    private Consumer<RunRecord> onRun = r -> LOG.info(r.line());
    private Duration keepRuns = Duration.ofDays(90);
    private final Map<String, Job> jobs = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Schedules on a brexsync database: the same as {@link #dataSource} with its pool and
     * {@link #runHistory} with its run history.
     *
     * @param db the database; it stays the caller's, to close after this scheduler stops
     * @return this builder
     */
    public Builder database(BrexsyncDatabase db) {
      this.dataSource = db.dataSource();
      this.history = db.runHistory();
      return this;
    }

    /**
     * Sets the database of the task table, for a scheduler built without {@link #database}.
     *
     * @param dataSource a pool on a database whose schema is at {@link BrexsyncSchema#CURRENT_VERSION};
     *     it needs a connection per thread plus a few for polling and heartbeats
     * @return this builder
     */
    public Builder dataSource(DataSource dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
      return this;
    }

    /**
     * Sets where runs are recorded (required; {@link #database} sets the database's).
     *
     * @param history the run history every worker of the cluster should share, so that a run started
     *     on one worker and revived on another is one story
     * @return this builder
     */
    public Builder runHistory(RunHistory history) {
      this.history = Objects.requireNonNull(history, "history");
      return this;
    }

    /**
     * Names this worker in the task table and the run history.
     *
     * @param worker a name unique among the workers sharing the database (default {@code host:pid}):
     *     two workers of one name would take each other's runs for their own
     * @return this builder
     * @throws IllegalArgumentException when {@code worker} is blank
     */
    public Builder worker(String worker) {
      if (worker.isBlank()) {
        throw new IllegalArgumentException("worker name must not be blank");
      }
      this.worker = worker;
      return this;
    }

    /**
     * Sets how many runs this worker does at once (default 4).
     *
     * @param threads the worker's threads for runs, at least 1
     * @return this builder
     * @throws IllegalArgumentException when {@code threads} is less than 1
     */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be at least 1");
      }
      this.threads = threads;
      return this;
    }

    /**
     * Sets how often the worker looks for due runs (default 10 s); a {@link ClusterScheduler#runNow}
     * on this worker starts at once.
     *
     * @param interval the time between two looks, positive
     * @return this builder
     */
    public Builder pollingInterval(Duration interval) {
      this.pollingInterval = positive(interval, "pollingInterval");
      return this;
    }

    /**
     * How often a running worker says it lives (default 30 s), and how many missed heartbeats make it
     * dead (default 4): a dead worker's run starts again elsewhere after about {@code interval × missed}.
     *
     * @param interval the time between two heartbeats, positive
     * @param missed how many heartbeats in a row a worker misses before it is declared dead, at least 1
     * @return this builder
     */
    public Builder heartbeat(Duration interval, int missed) {
      this.heartbeat = positive(interval, "heartbeat");
      if (missed < 1) {
        throw new IllegalArgumentException("missed heartbeats must be at least 1");
      }
      this.missedHeartbeats = missed;
      return this;
    }

    /**
     * Sets how long {@link ClusterScheduler#stop} waits for runs in progress (default 5 minutes).
     *
     * @param wait the longest wait, positive; a run still going then is revived by another worker
     *     once this one's heartbeats stop
     * @return this builder
     */
    public Builder shutdownMaxWait(Duration wait) {
      this.shutdownMaxWait = positive(wait, "shutdownMaxWait");
      return this;
    }

    /**
     * How long the run history keeps ended runs (default 90 days): an hourly clean-up task (one worker
     * at a time) deletes older ones from a {@link JdbcRunHistory}. {@code null} keeps them all.
     *
     * @param keep how long after its end a run is kept, positive; or {@code null}
     * @return this builder
     */
    public Builder keepRuns(Duration keep) {
      if (keep != null && (keep.isNegative() || keep.isZero())) {
        throw new IllegalArgumentException("keepRuns must be positive");
      }
      this.keepRuns = keep;
      return this;
    }

    /**
     * Sets the clock of the run history's times and of the clean-up's cut-off (default the system's,
     * in UTC); it does not change when runs are due.
     *
     * @param clock the clock, e.g. a fixed one in tests
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets what receives every finished run (default: one INFO log line).
     *
     * @param onRun called on the run's thread once the run is recorded; an exception it throws is
     *     logged and ignored
     * @return this builder
     */
    public Builder onRun(Consumer<RunRecord> onRun) {
      this.onRun = Objects.requireNonNull(onRun, "onRun");
      return this;
    }

    /**
     * Runs a sync engine on its integration's schedule, under the integration's name.
     *
     * @param engine the engine, built with a state store all workers share (e.g.
     *     {@link BrexsyncDatabase#stateStore()}): with a local one every worker would sync from scratch
     * @return this builder
     * @throws IllegalArgumentException when a sync of that name was added already
     */
    public Builder sync(SyncEngine engine) {
      return sync(engine.integration().name(), engine.integration().schedule(), engine::run);
    }

    /**
     * Runs a sync of one's own making on a schedule.
     *
     * @param name the integration's name: the task's name, and what {@link ClusterScheduler#runNow}
     *     and the run history know it by
     * @param schedule when the sync is due
     * @param run runs the sync once; it is given the run's control, which {@link ClusterScheduler#stop
     *     stop(true)} cancels, and returns its report
     * @return this builder
     * @throws IllegalArgumentException when {@code name} is blank or a sync of that name was added
     *     already
     */
    public Builder sync(String name, Schedule schedule, Function<RunControl, SyncReport> run) {
      return add(new Job(name, RunRecord.Kind.SYNC, schedule, run));
    }

    /**
     * Runs a workflow (a Begin block with a schedule, offboarding) on a schedule.
     *
     * @param name the workflow's name, as the task and the run history know it
     * @param schedule when the workflow is due
     * @param run runs the workflow once and returns its report; it is not cancelled by
     *     {@link ClusterScheduler#stop stop(true)}
     * @return this builder
     * @throws IllegalArgumentException when {@code name} is blank or a workflow of that name was added
     *     already
     */
    public Builder workflow(String name, Schedule schedule, Supplier<WorkflowReport> run) {
      Objects.requireNonNull(run, "run");
      return add(new Job(name, RunRecord.Kind.WORKFLOW, schedule, control -> run.get()));
    }

    private Builder add(Job job) {
      Objects.requireNonNull(job.schedule, "schedule");
      Objects.requireNonNull(job.body, "run");
      if (job.name.isBlank()) {
        throw new IllegalArgumentException("a job needs a name");
      }
      if (jobs.putIfAbsent(job.kind + ":" + job.name, job) != null) {
        throw new IllegalArgumentException("two jobs named '" + job.name + "'");
      }
      return this;
    }

    /**
     * Builds the scheduler; nothing runs before {@link ClusterScheduler#start()}.
     *
     * @return a scheduler of the jobs added, not started
     * @throws NullPointerException when no database (or data source) or no run history was given
     */
    public ClusterScheduler build() {
      Objects.requireNonNull(dataSource, "a database (or dataSource) is required");
      Objects.requireNonNull(history, "a run history is required");
      return new ClusterScheduler(this);
    }

    private static Duration positive(Duration d, String name) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive");
      }
      return d;
    }

    private static String defaultWorkerName() {
      String host;
      try {
        host = InetAddress.getLocalHost().getHostName();
      } catch (java.io.IOException e) {
        host = "localhost";
      }
      return host + ":" + ManagementFactory.getRuntimeMXBean().getPid();
    }
  }
}
