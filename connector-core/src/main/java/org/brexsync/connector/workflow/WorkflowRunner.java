package org.brexsync.connector.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import org.brexsync.brex.BrexClient;
import org.brexsync.brex.RateLimiter;
import org.brexsync.brex.Sleeper;
import org.brexsync.connector.Connection;
import org.brexsync.connector.ProgressListener;
import org.brexsync.connector.record.RecordView;
import org.brexsync.connector.workflow.internal.FanOut;
import org.brexsync.connector.workflow.internal.HttpSender;
import org.brexsync.connector.workflow.internal.Renderer;
import org.brexsync.connector.workflow.internal.Template;
import org.brexsync.oomnitza.ListQuery;
import org.brexsync.oomnitza.OomnitzaClient;
import org.brexsync.oomnitza.OomnitzaException;
import org.brexsync.oomnitza.OomnitzaRecord;
import org.brexsync.oomnitza.OomnitzaUser;
import org.brexsync.oomnitza.Page;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs workflows (presets, API blocks, typed Brex actions) for Oomnitza records and writes the
 * responses back. For each record, steps run in order: each is prepared (variables from the run
 * options, then the record; a missing variable or invalid value fails the step before anything is
 * sent), sent, and its positive (2xx) or negative mappings are written to the record through
 * oomnitza-client ({@code PATCH /api/v3/users/{ident}}); values written become visible to later
 * steps. A failed step stops that record's remaining steps; other records continue. A dry run
 * sends nothing and writes nothing: the report holds the exact requests, credentials redacted.
 *
 * <pre>{@code
 * WorkflowRunner runner = WorkflowRunner.builder()
 *     .oomnitza(oomnitzaClient)
 *     .brexCredential(Connection.of(Optional.empty(), "BREX_API_TOKEN"))
 *     .build();
 * WorkflowReport r = runner.run(Presets.load("brex-lock-card"), Target.username("jim"),
 *     RunOptions.builder().set("card_reason", "CARD_LOST").build());
 * }</pre>
 *
 * Immutable and thread-safe.
 */
public final class WorkflowRunner {
  private static final Logger LOG = LoggerFactory.getLogger(WorkflowRunner.class);

  private final Optional<OomnitzaClient> oomnitza;
  private final Services services;
  private final Clock clock;
  private final ProgressListener progress;
  private final WorkflowListener listener;
  private final int concurrency;

  /** Default number of people handled at once. */
  public static final int DEFAULT_CONCURRENCY = 8;

  /** The {@link ProgressListener} phase of running a workflow over the selected people. */
  public static final String PEOPLE_DONE = "people done";

  private WorkflowRunner(Builder b) {
    this.oomnitza = Optional.ofNullable(b.oomnitza);
    this.clock = b.clock;
    this.progress = b.progress;
    this.listener = b.listener;
    this.concurrency = b.concurrency;
    HttpClient http = b.httpClient != null ? b.httpClient
        : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .sslContext(org.brexsync.http.internal.DeferredTls.context()).build();
    HttpSender sender = new HttpSender(http, b.sleeper, b.maxAttempts, b.initialBackoff, b.requestTimeout,
        b.requestListener);
    Connection cred = b.brexCredential;
    URI base = cred.baseUrl().orElse(b.brexBaseUri);
    Function<String, String> env = b.env;
    BrexClient given = b.brexClient;
    Sleeper sleeper = b.sleeper;
    Clock clk = b.clock;
    RateLimiter limiter = b.rateLimiter;
    RateLimiter cardLimiter = b.cardCreationLimiter;
    org.brexsync.http.RequestListener requests = b.requestListener;
    this.services = new Services(base, cred, env, org.brexsync.http.internal.Lazy.of(() -> given != null ? given
        : BrexClient.builder()
            .baseUri(base)
            .tokenProvider(() -> cred.resolveToken(env).orElseThrow(() -> new WorkflowException(
                "environment variable " + cred.tokenEnv() + " (the Brex API token) is not set")))
            .httpClient(http)
            .sleeper(sleeper)
            .clock(clk)
            .rateLimiter(limiter)
            .cardCreationLimiter(cardLimiter)
            .requestListener(requests)
            .build()), sender, limiter, cardLimiter);
  }

  /** {@return a builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the Brex base URI relative URLs resolve against} */
  public URI brexBaseUri() {
    return services.brexBaseUri;
  }

  /** {@return the Brex client typed steps use (built from the base URI and credential unless injected)} */
  public BrexClient brexClient() {
    return services.brex.get();
  }

  /** The clock of reports. */
  Clock clock() {
    return clock;
  }

  /** {@return the Oomnitza client, if configured} */
  public Optional<OomnitzaClient> oomnitza() {
    return oomnitza;
  }

  /**
   * {@return runs one API block (e.g. a preset) for the target's records}
   *
   * @param block the API block
   * @param target the target
   * @param options options of this call only
   */
  public WorkflowReport run(ApiBlock block, Target target, RunOptions options) {
    return run(Workflow.of(block), target, options);
  }

  /**
   * {@return runs a workflow for the target's records: read a page at a time, at most {@code concurrency}
   * people at once (their Brex requests share the runner's rate limiter), reported in selection order}
   *
   * @param workflow the workflow
   * @param target the target
   * @param options options of this call only
   */
  public WorkflowReport run(Workflow workflow, Target target, RunOptions options) {
    Instant start = clock.instant();
    List<RecordResult> results = new ArrayList<>();
    Selection selected = select(target);
    long[] done = {0};
    progress(0, selected.total());
    FanOut.run(selected, concurrency, user -> {
      Optional<String> rejected = target.localFilter().rejection(RecordView.of(user.toObjectNode()));
      if (rejected.isPresent()) {
        LOG.debug("record {} {}", ident(user), rejected.get());
        return Optional.empty();
      }
      return Optional.of(runFor(workflow, user, options));
    }, r -> {
      r.ifPresent(results::add);
      progress(++done[0], selected.total());
    });
    WorkflowReport report = new WorkflowReport(workflow.name(), options.dryRun(), start, clock.instant(), results);
    LOG.info("{}", report.summary());
    return report;
  }

  /** Tells the progress listener; its failures never stop the run. */
  void progress(long done, OptionalLong total) {
    try {
      progress.onProgress(PEOPLE_DONE, done, total);
    } catch (RuntimeException e) {
      LOG.warn("progress listener failed: {}", e.toString());
    }
  }

  /** People handled at once by runs and offboarding. */
  int concurrency() {
    return concurrency;
  }

  /**
   * The records of a target, a page at a time: one Oomnitza list call per page for filter targets
   * (made when the run reaches the page), none for a record target.
   */
  Selection select(Target target) {
    if (target.record().isPresent()) {
      return new Selection(List.of(List.of(target.record().get())).iterator(), OptionalLong.of(1));
    }
    OomnitzaClient o = oomnitza.orElseThrow(() ->
        new WorkflowException("an Oomnitza client is needed to select records by username or filter"));
    try {
      if (target.username().isPresent()) {
        OomnitzaUser u = o.users().findByUsername(target.username().get()).orElseThrow(() ->
            new WorkflowException("no Oomnitza user with username '" + target.username().get() + "'"));
        return new Selection(List.of(List.of(u)).iterator(), OptionalLong.of(1));
      }
      ListQuery query = ListQuery.of(target.filter().get());
      return new Selection(o.users().list(query).pages().iterator(), query.pageSize());
    } catch (OomnitzaException e) {
      throw new WorkflowException("reading the Oomnitza users failed: " + e.getMessage(), e);
    }
  }

  /**
   * The selected records, page by page; the total once Oomnitza said it (X-Total-Count) or the last
   * page was read. A failed page read is a {@link WorkflowException}.
   */
  static final class Selection implements java.util.Iterator<List<OomnitzaUser>> {
    private final java.util.Iterator<?> pages;
    private final boolean paged;
    private OptionalLong total;
    private long read;

    Selection(java.util.Iterator<List<OomnitzaUser>> lists, OptionalLong total) {
      this.pages = lists;
      this.paged = false;
      this.total = total;
    }

    /** Reads the first page now, so the total is known from the start when Oomnitza sends it. */
    Selection(java.util.Iterator<Page<OomnitzaUser>> pages, int pageSize) {
      this.pages = pages;
      this.paged = true;
      this.total = OptionalLong.empty();
      if (pages.hasNext()) {
        first = pages.next();
        read = first.items().size();
        if (first.totalCount().isPresent()) {
          total = OptionalLong.of(first.totalCount().get());
        } else if (first.items().size() < pageSize) {
          total = OptionalLong.of(read); // a short first page is the only one
        }
      } else {
        total = OptionalLong.of(0);
      }
    }

    private Page<OomnitzaUser> first;

    OptionalLong total() {
      return total;
    }

    @Override
    public boolean hasNext() {
      if (first != null) {
        return true;
      }
      try {
        boolean more = pages.hasNext();
        if (!more && total.isEmpty()) {
          total = OptionalLong.of(read);
        }
        return more;
      } catch (OomnitzaException e) {
        throw new WorkflowException("reading the Oomnitza users failed after " + read + " people: " + e.getMessage(), e);
      }
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<OomnitzaUser> next() {
      try {
        if (!paged) {
          return (List<OomnitzaUser>) pages.next();
        }
        if (first != null) {
          List<OomnitzaUser> items = first.items();
          first = null;
          return items;
        }
        Page<OomnitzaUser> p = (Page<OomnitzaUser>) pages.next();
        read += p.items().size();
        if (total.isEmpty() && p.totalCount().isPresent()) {
          total = OptionalLong.of(p.totalCount().get());
        }
        return p.items();
      } catch (OomnitzaException e) {
        throw new WorkflowException("reading the Oomnitza users failed after " + read + " people: " + e.getMessage(), e);
      }
    }
  }

  String ident(OomnitzaUser user) {
    return oomnitza.map(o -> {
      try {
        return o.users().identOf(user);
      } catch (IllegalArgumentException e) {
        return user.username().orElse("?");
      }
    }).orElseGet(() -> user.username().orElse("?"));
  }

  /**
   * {@return runs a workflow for one record already in hand}
   *
   * @param workflow the workflow
   * @param user the user
   * @param options options of this call only
   */
  public RecordResult runFor(Workflow workflow, OomnitzaUser user, RunOptions options) {
    String ident = ident(user);
    Ctx ctx = new Ctx(ident, user.toObjectNode(), options);
    List<StepOutcome> outcomes = new ArrayList<>();
    String stoppedBy = null;
    // dry run: fields earlier planned steps would write back, and which step writes them
    Map<String, String> plannedWrites = new LinkedHashMap<>();
    for (WorkflowStep step : workflow.steps()) {
      if (stoppedBy != null) {
        outcomes.add(new StepOutcome(step.name(), StepStatus.NOT_RUN, Optional.empty(), Optional.empty(),
            Map.of(), Optional.of("stopped: step '" + stoppedBy + "' failed")));
        continue;
      }
      WorkflowListener.StepScope scope = started(new WorkflowListener.StepStart(workflow.name(), step.name(),
          options.dryRun()));
      StepOutcome o;
      try {
        o = runStep(step, ctx, options.dryRun(), plannedWrites);
      } catch (RuntimeException | Error e) {
        tell(() -> scope.failed(e));
        throw e;
      }
      tell(() -> scope.ended(o));
      outcomes.add(o);
      if (o.status() == StepStatus.FAILED) {
        stoppedBy = step.name();
      }
      if (o.status() == StepStatus.PLANNED) {
        step.positive().forEach(m -> plannedWrites.putIfAbsent(m.field(), step.name()));
      }
    }
    return new RecordResult(ident, outcomes);
  }

  /** The listener's scope of a starting step; a listener that fails is logged and ignored. */
  private WorkflowListener.StepScope started(WorkflowListener.StepStart start) {
    try {
      WorkflowListener.StepScope scope = listener.onStepStart(start);
      return scope != null ? scope : WorkflowListener.StepScope.NONE;
    } catch (RuntimeException e) {
      LOG.warn("workflow listener failed: {}", e.toString());
      return WorkflowListener.StepScope.NONE;
    }
  }

  private static void tell(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      LOG.warn("workflow listener failed: {}", e.toString());
    }
  }

  private StepOutcome runStep(WorkflowStep step, Ctx ctx, boolean dryRun, Map<String, String> plannedWrites) {
    ctx.step = step.name();
    WorkflowStep.Prepared prepared;
    try {
      prepared = step.prepare(ctx, services);
    } catch (WorkflowInputException e) {
      if (dryRun && !e.missingVariables().isEmpty() && e.problems().isEmpty()
          && e.missingVariables().stream().allMatch(v -> plannedWrites.containsKey(rootOf(v)))) {
        String v = e.missingVariables().get(0);
        return new StepOutcome(step.name(), StepStatus.SKIPPED, Optional.empty(), Optional.empty(), Map.of(),
            Optional.of("dry run: needs {{" + v + "}}, which step '" + plannedWrites.get(rootOf(v))
                + "' would write back"));
      }
      return failed(step, Optional.empty(), Optional.empty(), Map.of(), e.getMessage());
    } catch (RuntimeException e) {
      return failed(step, Optional.empty(), Optional.empty(), Map.of(), "could not prepare: "
          + org.brexsync.http.internal.Redactor.patternsOnly().describe(e));
    }
    PlannedRequest planned = prepared.planned();
    if (dryRun) {
      return new StepOutcome(step.name(), StepStatus.PLANNED, Optional.of(planned), Optional.empty(), Map.of(),
          Optional.empty());
    }
    WorkflowStep.Response response;
    try {
      response = prepared.send();
    } catch (WorkflowException e) {
      return failed(step, Optional.of(planned), Optional.empty(), Map.of(), e.getMessage());
    } catch (RuntimeException e) {
      // unexpected: still a recorded failure of this record, never an aborted run
      String why = org.brexsync.http.internal.Redactor.patternsOnly().describe(e);
      LOG.warn("step '{}' for {} failed unexpectedly: {}", step.name(), ctx.ident, why);
      return failed(step, Optional.of(planned), Optional.empty(), Map.of(), why);
    }
    List<ResponseMapping> mappings = response.ok() ? step.positive() : step.negative();
    Map<String, JsonNode> changes = mapResponse(mappings, ctx, response);
    Map<String, JsonNode> written = Map.of();
    String writeError = null;
    if (!changes.isEmpty()) {
      try {
        write(ctx.ident, changes);
        changes.forEach(ctx.record::set);
        written = changes;
      } catch (RuntimeException e) {
        writeError = "writing " + changes.keySet() + " back to Oomnitza failed: " + e.getMessage();
      }
    }
    if (!response.ok()) {
      return failed(step, Optional.of(planned), Optional.of(response.status()), written,
          "HTTP " + response.status() + errorText(response.body())
              + (writeError != null ? "; " + writeError : ""));
    }
    if (writeError != null) {
      return failed(step, Optional.of(planned), Optional.of(response.status()), written,
          "the call succeeded but " + writeError);
    }
    return new StepOutcome(step.name(), StepStatus.SUCCEEDED, Optional.of(planned), Optional.of(response.status()),
        written, Optional.empty());
  }

  private static String rootOf(String expression) {
    int i = 0;
    while (i < expression.length() && (Character.isLetterOrDigit(expression.charAt(i))
        || expression.charAt(i) == '_' || expression.charAt(i) == '-')) {
      i++;
    }
    return expression.substring(0, i);
  }

  private static StepOutcome failed(WorkflowStep step, Optional<PlannedRequest> req, Optional<Integer> status,
      Map<String, JsonNode> written, String reason) {
    return new StepOutcome(step.name(), StepStatus.FAILED, req, status, written, Optional.of(reason));
  }

  private static String errorText(Optional<JsonNode> body) {
    if (body.isEmpty()) {
      return "";
    }
    JsonNode b = body.get();
    StringBuilder sb = new StringBuilder();
    for (String k : List.of("type", "code", "message")) {
      if (b.hasNonNull(k)) {
        sb.append(sb.length() == 0 ? ": " : " ").append(b.get(k).asText());
      }
    }
    // an excerpt of a body in a report: the same redaction as every other
    return org.brexsync.http.internal.Redactor.patternsOnly().redact(sb.toString());
  }

  private static Map<String, JsonNode> mapResponse(List<ResponseMapping> mappings, Ctx ctx,
      WorkflowStep.Response response) {
    Map<String, JsonNode> changes = new LinkedHashMap<>();
    Renderer r = new Renderer(ctx::variable, response.body(), response.headers());
    for (ResponseMapping m : mappings) {
      Template t = Template.parse(m.value());
      Optional<JsonNode> v;
      if (t.single().isPresent()) {
        v = r.resolve(t.single().get()).map(n -> n.isValueNode() ? n : TextNode.valueOf(n.toString()));
      } else {
        Renderer one = new Renderer(ctx::variable, response.body(), response.headers());
        String s = one.renderText(t, Renderer.Place.TEXT, "mapping " + m.field());
        v = one.missing().isEmpty() ? Optional.of(TextNode.valueOf(s)) : Optional.empty();
      }
      v.ifPresent(n -> changes.put(m.field(), n));
    }
    return changes;
  }

  private void write(String ident, Map<String, JsonNode> changes) {
    OomnitzaClient o = oomnitza.orElseThrow(() -> new WorkflowException("no Oomnitza client configured"));
    OomnitzaRecord.Builder b = OomnitzaRecord.builder();
    changes.forEach(b::set);
    o.users().update(ident, b.build());
  }

  /** The per-record context steps read. */
  private static final class Ctx implements StepContext {
    final String ident;
    final ObjectNode record;
    final RunOptions options;
    String step = "";

    Ctx(String ident, ObjectNode record, RunOptions options) {
      this.ident = ident;
      this.record = record;
      this.options = options;
    }

    @Override
    public String recordIdent() {
      return ident;
    }

    @Override
    public RecordView record() {
      return RecordView.of(record);
    }

    @Override
    public Optional<JsonNode> variable(String name) {
      Optional<JsonNode> v = options.variable(name);
      if (v.isEmpty()) {
        v = Optional.ofNullable(record.get(name));
      }
      return v.filter(n -> !n.isNull() && !n.isMissingNode() && !(n.isTextual() && n.asText().isEmpty()));
    }

    @Override
    public String stepName() {
      return step;
    }
  }

  /** Builds a {@link WorkflowRunner}. */
  public static final class Builder {
    private OomnitzaClient oomnitza;
    private URI brexBaseUri = BrexClient.PRODUCTION;
    private Connection brexCredential = Connection.of(Optional.empty(), "BREX_API_TOKEN");
    private Function<String, String> env = System::getenv;
    private BrexClient brexClient;
    private HttpClient httpClient;
    private Sleeper sleeper = Sleeper.system();
    private Clock clock = Clock.systemUTC();
    private int maxAttempts = 4;
    private Duration initialBackoff = Duration.ofMillis(500);
    private Duration requestTimeout = Duration.ofSeconds(30);
    private RateLimiter rateLimiter = RateLimiter.brexDefault();
    private RateLimiter cardCreationLimiter = RateLimiter.brexCardCreationDefault();
    private ProgressListener progress = ProgressListener.NONE;
    private WorkflowListener listener = WorkflowListener.NONE;
    private org.brexsync.http.RequestListener requestListener = org.brexsync.http.RequestListener.none();
    private int concurrency = DEFAULT_CONCURRENCY;

    private Builder() {}

    /**
     * Told when each step of each record starts and how it ended (default: nobody).
     *
     * @param listener the step listener
     * @return this builder
     */
    public Builder listener(WorkflowListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Told of every HTTP attempt of API blocks and of the Brex client the runner builds (default:
     * nobody); a Brex client given to {@link #brexClient} keeps its own listener.
     *
     * @param listener told of each attempt's service, operation, status and duration
     * @return this builder
     */
    public Builder requestListener(org.brexsync.http.RequestListener listener) {
      this.requestListener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * People handled at once when a run or an offboarding selects several (default
     * {@value WorkflowRunner#DEFAULT_CONCURRENCY}). Their Brex requests all take permits of the one
     * {@link #rateLimiter}, so with a slow round trip a run still reaches the rate limit instead of
     * waiting for each answer in turn; results are reported in selection order.
     *
     * @param people people handled at once when a run or an offboarding selects several (default
     *     {@value WorkflowRunner#DEFAULT_CONCURRENCY})
     * @return this builder
     */
    public Builder concurrency(int people) {
      if (people < 1) {
        throw new IllegalArgumentException("concurrency must be >= 1");
      }
      this.concurrency = people;
      return this;
    }

    /**
     * Told, in phase {@value WorkflowRunner#PEOPLE_DONE}, how many of the selected people a run (or an
     * offboarding) has done, of how many, after each person (default: nobody).
     *
     * @param listener told, in phase {@value WorkflowRunner#PEOPLE_DONE}, how many of the selected
     *     people a run (or an offboarding) has done, of how many, after each person (default:
     *     nobody)
     * @return this builder
     */
    public Builder progress(ProgressListener listener) {
      this.progress = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * The client-side Brex request budget shared by API blocks to the Brex origin and the built Brex
     * client (default {@link RateLimiter#brexDefault()}: 1,000 per 60 s); pass the limiter your other
     * clients of the same token use.
     *
     * @param limiter the client-side Brex request budget shared by API blocks to the Brex origin
     *     and the built Brex client (default {@link RateLimiter#brexDefault()}: 1,000 per 60 s);
     *     pass the limiter your other clients of the same token use
     * @return this builder
     */
    public Builder rateLimiter(RateLimiter limiter) {
      this.rateLimiter = Objects.requireNonNull(limiter);
      return this;
    }

    /**
     * The client-side card-creation budget (default 5,000 per 24 h); exhausted fails fast, nothing sent.
     *
     * @param limiter the client-side card-creation budget (default 5,000 per 24 h); exhausted fails
     *     fast, nothing sent
     * @return this builder
     */
    public Builder cardCreationLimiter(RateLimiter limiter) {
      this.cardCreationLimiter = Objects.requireNonNull(limiter);
      return this;
    }

    /**
     * The Oomnitza client used to select records and write responses back (needed except for record targets in dry runs).
     *
     * @param client the Oomnitza client
     * @return this builder
     */
    public Builder oomnitza(OomnitzaClient client) {
      this.oomnitza = Objects.requireNonNull(client);
      return this;
    }

    /**
     * The Brex base URI (default production); a credential's {@code baseUrl} wins.
     *
     * @param uri the Brex base URI (default production); a credential's {@code baseUrl} wins
     * @return this builder
     */
    public Builder brexBaseUri(URI uri) {
      this.brexBaseUri = Objects.requireNonNull(uri);
      return this;
    }

    /**
     * The default credential of Brex blocks (default: environment variable {@code BREX_API_TOKEN}).
     *
     * @param credential the default credential of Brex blocks (default: environment variable {@code
     *     BREX_API_TOKEN})
     * @return this builder
     */
    public Builder brexCredential(Connection credential) {
      this.brexCredential = Objects.requireNonNull(credential);
      return this;
    }

    /**
     * How environment variables are read (default {@code System::getenv}); tokens are read per request.
     *
     * @param env how environment variables are read (default {@code System::getenv}); tokens are
     *     read per request
     * @return this builder
     */
    public Builder env(Function<String, String> env) {
      this.env = Objects.requireNonNull(env);
      return this;
    }

    /**
     * The Brex client of typed steps (default: built from base URI, credential, HTTP client, sleeper, clock).
     *
     * @param client the Brex client
     * @return this builder
     */
    public Builder brexClient(BrexClient client) {
      this.brexClient = Objects.requireNonNull(client);
      return this;
    }

    /**
     * The HTTP client of API blocks.
     *
     * @param client the http client
     * @return this builder
     */
    public Builder httpClient(HttpClient client) {
      this.httpClient = Objects.requireNonNull(client);
      return this;
    }

    /**
     * How retries wait (inject a no-op in tests).
     *
     * @param sleeper how retries wait (inject a no-op in tests)
     * @return this builder
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper);
      return this;
    }

    /**
     * The clock of reports.
     *
     * @param clock the clock of reports
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    /**
     * Attempts per API-block request, including the first (default 4).
     *
     * @param attempts attempts per API-block request, including the first (default 4)
     * @return this builder
     */
    public Builder maxAttempts(int attempts) {
      if (attempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be >= 1");
      }
      this.maxAttempts = attempts;
      return this;
    }

    /**
     * First retry back-off of API blocks (default 500 ms, doubling, full jitter).
     *
     * @param d first retry back-off of API blocks (default 500 ms, doubling, full jitter)
     * @return this builder
     */
    public Builder initialBackoff(Duration d) {
      this.initialBackoff = Objects.requireNonNull(d);
      return this;
    }

    /**
     * Per-attempt timeout of API blocks (default 30 s).
     *
     * @param d per-attempt timeout of API blocks (default 30 s)
     * @return this builder
     */
    public Builder requestTimeout(Duration d) {
      this.requestTimeout = Objects.requireNonNull(d);
      return this;
    }

    /** {@return the runner} */
    public WorkflowRunner build() {
      return new WorkflowRunner(this);
    }
  }
}
