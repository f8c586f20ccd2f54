package org.brexsync.micrometer;

/**
 * The names of every meter and tag brexsync-micrometer registers, for dashboards, alerts and
 * tests. Every tag value is low-cardinality: a configuration name (integration, workflow, step), an
 * enum constant, an HTTP status or a templated operation such as {@code GET /v2/users/{id}}; never
 * a user id, an ident or an email.
 *
 * <p>Timers come from observations ({@link BrexsyncObservationDocumentation}) through the
 * registry's {@code DefaultMeterObservationHandler}, which adds an {@code error} tag (the class of an
 * exception that ended the observation, else {@code none}) and a long-task timer named
 * {@code <name>.active} of those in progress. Counters and gauges are registered directly.
 */
public final class BrexsyncMeters {
  private BrexsyncMeters() {}

  /** Timer of sync runs (one per run); tags {@link #INTEGRATION}, {@link #STATUS}, {@link #DRY_RUN}. */
  public static final String SYNC_RUN = "brexsync.sync.run";
  /**
   * Counter of records by how a run classified them, counted when the run ends; tags {@link
   * #INTEGRATION}, {@link #RESULT} ({@code CREATE}, {@code UPDATE}, {@code UNCHANGED}, {@code SKIPPED},
   * {@code FAILED}), {@link #DRY_RUN}.
   */
  public static final String SYNC_RECORDS = "brexsync.sync.records";
  /** Gauge of the records per second of the last real (not dry) run; tag {@link #INTEGRATION}. */
  public static final String SYNC_RECORDS_PER_SECOND = "brexsync.sync.records.per.second";
  /**
   * Gauge of when the last real run that completed (with or without failed records) finished, in
   * seconds since the epoch (NaN until one did); tag {@link #INTEGRATION}. Alert on its age.
   */
  public static final String SYNC_LAST_SUCCESS = "brexsync.sync.last.success";
  /** Timer of workflow steps, one per step per record; tags {@link #WORKFLOW}, {@link #STEP}, {@link #OUTCOME}. */
  public static final String WORKFLOW_STEP = "brexsync.workflow.step";
  /**
   * Timer of HTTP attempts (a retried call is several); tags {@link #SYSTEM}, {@link #METHOD},
   * {@link #OPERATION}, {@link #STATUS}, {@link #OUTCOME}, {@link #EXCEPTION}.
   */
  public static final String HTTP_CLIENT_REQUESTS = "brexsync.http.client.requests";
  /** Counter of retries (attempts followed by another); tags {@link #SYSTEM}, {@link #OPERATION}, {@link #REASON}. */
  public static final String HTTP_CLIENT_RETRIES = "brexsync.http.client.retries";
  /** Counter of waits for a rate limit; tags {@link #SYSTEM}, {@link #OPERATION}, {@link #SOURCE}. */
  public static final String HTTP_CLIENT_RATE_LIMIT_WAITS = "brexsync.http.client.rate.limit.waits";
  /** Counter of the time spent waiting for rate limits, in seconds; tags as {@link #HTTP_CLIENT_RATE_LIMIT_WAITS}. */
  public static final String HTTP_CLIENT_RATE_LIMIT_WAITED = "brexsync.http.client.rate.limit.waited";

  /** The integration's name. */
  public static final String INTEGRATION = "integration";
  /** How a run ended: a {@code RunStatus} constant, or {@code ERROR} when {@code run()} threw. */
  public static final String STATUS = "status";
  /** Whether the run wrote nothing: {@code true} or {@code false}. */
  public static final String DRY_RUN = "dry.run";
  /** How a run classified a record: a {@code Situation} constant. */
  public static final String RESULT = "result";
  /** The workflow's name. */
  public static final String WORKFLOW = "workflow";
  /** The step's name (a preset's, an API block's or a typed action's). */
  public static final String STEP = "step";
  /**
   * A step's {@code StepStatus} constant (or {@code ERROR}); an HTTP attempt's class of status:
   * {@code SUCCESS}, {@code REDIRECTION}, {@code CLIENT_ERROR}, {@code SERVER_ERROR}, {@code UNKNOWN}.
   */
  public static final String OUTCOME = "outcome";
  /** The service called: {@code brex}, {@code oomnitza}, or {@code workflow} for an API block to another host. */
  public static final String SYSTEM = "system";
  /** The HTTP method. */
  public static final String METHOD = "method";
  /** The call's method and templated path, e.g. {@code GET /v2/users/{id}}. */
  public static final String OPERATION = "operation";
  /** The class of a failure without an answer, or of an unreadable answer; else {@code none}. */
  public static final String EXCEPTION = "exception";
  /** Why a call was retried: the HTTP status, or {@code IO_ERROR}, or {@code UNREADABLE} for a garbled 2xx body. */
  public static final String REASON = "reason";
  /** Whose rate limit: {@code CLIENT} (the client's limiter) or {@code SERVER} (a 429 answer). */
  public static final String SOURCE = "source";
}
