package org.brexsync.connector.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.brexsync.brex.BrexApiException;
import org.brexsync.brex.BrexClient;
import org.brexsync.brex.BrexException;
import org.brexsync.brex.BrexJson;
import org.brexsync.brex.RequestOptions;
import org.brexsync.brex.model.Card;
import org.brexsync.brex.model.CardStatus;
import org.brexsync.brex.model.ChangeCardReason;
import org.brexsync.brex.model.ListCardsRequest;
import org.brexsync.brex.model.LockCardRequest;
import org.brexsync.brex.model.TerminateCardRequest;
import org.brexsync.brex.model.User;
import org.brexsync.brex.model.UserStatus;
import org.brexsync.connector.filter.RecordFilter;
import org.brexsync.connector.record.RecordView;
import org.brexsync.connector.workflow.internal.BrexChecks;
import org.brexsync.connector.workflow.internal.FanOut;
import org.brexsync.oomnitza.OomnitzaRecord;
import org.brexsync.oomnitza.OomnitzaUser;
import org.brexsync.oomnitza.filter.Filter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Offboarding: for every Oomnitza user matching a filter (people who left), deactivate the Brex
 * user ({@code PUT /v2/users/{id}} {@code {"status":"DISABLED"}}) and lock or terminate each of
 * their cards that is still usable. Idempotent: an already disabled (or closed) user, an already
 * locked card (when locking) and a terminated card are skipped, so a second run sends no write.
 * Every run makes Oomnitza agree with Brex: when the user is already off in Brex (say an earlier
 * deactivation reached Brex but its answer was lost, or its write-back failed) and Oomnitza's status
 * field says otherwise, the Brex status is written back.
 * Every step is recorded; a failure stops that person's remaining steps with the reason. A dry run
 * reads Brex (user, cards) to decide, but sends no write: the report shows the writes it would send.
 *
 * <pre>{@code
 * WorkflowReport r = OffboardingWorkflow.builder()
 *     .runner(runner)
 *     .filter(Filter.eq("left_company", "true"))
 *     .cardAction(OffboardingWorkflow.CardAction.TERMINATE)
 *     .build()
 *     .run(false);
 * }</pre>
 */
public final class OffboardingWorkflow {
  private static final Logger LOG = LoggerFactory.getLogger(OffboardingWorkflow.class);
  private static final Set<UserStatus> ALREADY_OFF =
      Set.of(UserStatus.DISABLED, UserStatus.CLOSED, UserStatus.DELETED, UserStatus.ARCHIVED);

  /** What happens to the cards of people who left. */
  public enum CardAction {
    /** Lock active cards (reversible). */
    LOCK,
    /** Terminate every card not yet terminated (final). */
    TERMINATE
  }

  private final WorkflowRunner runner;
  private final Target target;
  private final CardAction cardAction;
  private final ChangeCardReason reason;
  private final Optional<String> description;
  private final String brexUserIdField;
  private final Optional<String> statusField;

  private OffboardingWorkflow(Builder b) {
    this.runner = Objects.requireNonNull(b.runner, "runner");
    if (b.filter == null && b.target == null) {
      throw new IllegalStateException("offboarding needs a filter (who left) or a target");
    }
    this.target = (b.target != null ? b.target : Target.filter(b.filter)).and(b.localFilter);
    this.cardAction = b.cardAction;
    this.reason = b.reason;
    this.description = b.description;
    this.brexUserIdField = b.brexUserIdField;
    this.statusField = b.statusField;
    BrexChecks.reasonProblem(reason.name()).ifPresent(p -> {
      throw new IllegalStateException(p);
    });
  }

  /** {@return a builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the workflow's name in reports} */
  public String name() {
    return "offboarding (" + cardAction.name().toLowerCase(java.util.Locale.ROOT) + " cards)";
  }

  /**
   * {@return runs for every matching person: read a page at a time, the runner's {@code concurrency} people at
   * once (their Brex requests share the runner's rate limiter), reported in selection order}
   *
   * @param dryRun true to write nothing
   */
  public WorkflowReport run(boolean dryRun) {
    Instant start = runner.clock().instant();
    List<RecordResult> results = new ArrayList<>();
    WorkflowRunner.Selection selected = runner.select(target);
    long[] done = {0};
    runner.progress(0, selected.total());
    FanOut.run(selected, runner.concurrency(),
        u -> target.localFilter().test(RecordView.of(u.toObjectNode())) ? Optional.of(runFor(u, dryRun)) : Optional.empty(),
        r -> {
          r.ifPresent(results::add);
          runner.progress(++done[0], selected.total());
        });
    WorkflowReport report = new WorkflowReport(name(), dryRun, start, runner.clock().instant(), results);
    LOG.info("{}", report.summary());
    return report;
  }

  /**
   * {@return runs for one person}
   *
   * @param user the user
   * @param dryRun true to write nothing
   */
  public RecordResult runFor(OomnitzaUser user, boolean dryRun) {
    String ident = runner.ident(user);
    List<StepOutcome> steps = new ArrayList<>();
    Optional<String> brexId = user.text(brexUserIdField).filter(s -> !s.isBlank());
    if (brexId.isEmpty()) {
      steps.add(outcome("find Brex user", StepStatus.SKIPPED, Optional.empty(), Optional.empty(),
          Map.of(), "the record has no " + brexUserIdField + " (never invited to Brex)"));
      return new RecordResult(ident, steps);
    }
    String id = brexId.get();
    Optional<String> idProblem = BrexChecks.idProblem(brexUserIdField, id);
    if (idProblem.isPresent()) {
      steps.add(outcome("find Brex user", StepStatus.FAILED, Optional.empty(), Optional.empty(), Map.of(),
          idProblem.get()));
      return new RecordResult(ident, steps);
    }
    BrexClient brex = runner.brexClient();
    URIs uris = new URIs(runner.brexBaseUri());

    // 1. the user
    User brexUser;
    try {
      brexUser = brex.users().get(id);
    } catch (BrexException e) {
      steps.add(outcome("find Brex user", StepStatus.FAILED, Optional.of(uris.get("/v2/users/" + id)), status(e),
          Map.of(), describe(e)));
      return new RecordResult(ident, steps);
    }
    UserStatus st = brexUser.status().orElse(UserStatus.UNKNOWN);
    String deactivate = "deactivate Brex user " + id;
    PlannedRequest put = uris.write("PUT", "/v2/users/" + id,
        Optional.of(JsonNodeFactory.instance.objectNode().put("status", "DISABLED")));
    if (ALREADY_OFF.contains(st)) {
      steps.add(outcome(deactivate, StepStatus.SKIPPED, Optional.empty(), Optional.empty(), Map.of(),
          "already " + st));
      // Brex may be off because an earlier run's deactivation reached Brex but its answer was lost,
      // or its write-back failed: every run makes Oomnitza agree with Brex.
      Optional<StepOutcome> writeBack = agree(user, ident, st, dryRun);
      if (writeBack.isPresent()) {
        steps.add(writeBack.get());
        if (writeBack.get().status() == StepStatus.FAILED) {
          return new RecordResult(ident, steps);
        }
      }
    } else if (dryRun) {
      steps.add(outcome(deactivate, StepStatus.PLANNED, Optional.of(put), Optional.empty(), Map.of(), null));
    } else {
      try {
        brex.users().deactivate(id, RequestOptions.idempotencyKey(put.headers().get("Idempotency-Key")));
      } catch (BrexException e) {
        steps.add(outcome(deactivate, StepStatus.FAILED, Optional.of(put), status(e), Map.of(), describe(e)));
        return new RecordResult(ident, steps);
      }
      Map<String, JsonNode> written = new LinkedHashMap<>();
      String writeError = null;
      if (statusField.isPresent()) {
        try {
          runner.oomnitza().orElseThrow(() -> new WorkflowException("no Oomnitza client configured"))
              .users().update(ident, OomnitzaRecord.builder().set(statusField.get(), "DISABLED").build());
          written.put(statusField.get(), TextNode.valueOf("DISABLED"));
        } catch (RuntimeException e) {
          writeError = "Brex user disabled, but writing " + statusField.get() + " to Oomnitza failed: " + e.getMessage();
        }
      }
      if (writeError != null) {
        steps.add(outcome(deactivate, StepStatus.FAILED, Optional.of(put), Optional.of(200), written, writeError));
        return new RecordResult(ident, steps);
      }
      steps.add(outcome(deactivate, StepStatus.SUCCEEDED, Optional.of(put), Optional.of(200), written, null));
    }

    // 2. the cards
    List<Card> cards;
    try {
      cards = brex.cards().list(ListCardsRequest.forUser(id)).stream().toList();
    } catch (BrexException e) {
      steps.add(outcome("list cards", StepStatus.FAILED, Optional.of(uris.get("/v2/cards?user_id=" + id)), status(e),
          Map.of(), describe(e)));
      return new RecordResult(ident, steps);
    }
    String verb = cardAction == CardAction.LOCK ? "lock" : "terminate";
    String failedStep = null;
    for (Card c : cards) {
      String step = verb + " card " + c.id() + " (" + c.cardName() + ")";
      if (failedStep != null) {
        steps.add(outcome(step, StepStatus.NOT_RUN, Optional.empty(), Optional.empty(), Map.of(),
            "stopped: step '" + failedStep + "' failed"));
        continue;
      }
      CardStatus cs = c.status().orElse(CardStatus.UNKNOWN);
      boolean needed = cardAction == CardAction.LOCK ? cs == CardStatus.ACTIVE : cs != CardStatus.TERMINATED;
      if (!needed) {
        steps.add(outcome(step, StepStatus.SKIPPED, Optional.empty(), Optional.empty(), Map.of(), "already " + cs));
        continue;
      }
      Object request = cardAction == CardAction.LOCK
          ? LockCardRequest.builder().reason(reason).description(description).build()
          : TerminateCardRequest.builder().reason(reason).description(description).build();
      PlannedRequest post = uris.write("POST", "/v2/cards/" + c.id() + "/" + verb,
          Optional.of(BrexJson.toJsonTree(request)));
      if (dryRun) {
        steps.add(outcome(step, StepStatus.PLANNED, Optional.of(post), Optional.empty(), Map.of(), null));
        continue;
      }
      try {
        RequestOptions o = RequestOptions.idempotencyKey(post.headers().get("Idempotency-Key"));
        if (cardAction == CardAction.LOCK) {
          brex.cards().lock(c.id(), (LockCardRequest) request, o);
        } else {
          brex.cards().terminate(c.id(), (TerminateCardRequest) request, o);
        }
        steps.add(outcome(step, StepStatus.SUCCEEDED, Optional.of(post), Optional.of(200), Map.of(), null));
      } catch (BrexException e) {
        steps.add(outcome(step, StepStatus.FAILED, Optional.of(post), status(e), Map.of(), describe(e)));
        failedStep = step;
      }
    }
    return new RecordResult(ident, steps);
  }

  /**
   * Writes the Brex status to the Oomnitza status field when Oomnitza says otherwise; empty when there
   * is no status field or Oomnitza already agrees.
   */
  private Optional<StepOutcome> agree(OomnitzaUser user, String ident, UserStatus st, boolean dryRun) {
    if (statusField.isEmpty() || user.text(statusField.get()).map(st.name()::equals).orElse(false)) {
      return Optional.empty();
    }
    String field = statusField.get();
    String step = "write " + field + " = " + st + " to Oomnitza";
    Map<String, JsonNode> value = Map.of(field, TextNode.valueOf(st.name()));
    Optional<PlannedRequest> patch = runner.oomnitza().map(o -> new PlannedRequest("PATCH",
        Services.join(o.baseUri(), "/api/v3/users/" + java.net.URLEncoder.encode(ident, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20")),
        Map.of("Authorization2", "****"), Optional.of(JsonNodeFactory.instance.objectNode().put(field, st.name()))));
    if (dryRun) {
      return Optional.of(outcome(step, StepStatus.PLANNED, patch, Optional.empty(), Map.of(), null));
    }
    try {
      runner.oomnitza().orElseThrow(() -> new WorkflowException("no Oomnitza client configured"))
          .users().update(ident, OomnitzaRecord.builder().set(field, st.name()).build());
      return Optional.of(outcome(step, StepStatus.SUCCEEDED, patch, Optional.of(200), value, null));
    } catch (RuntimeException e) {
      return Optional.of(outcome(step, StepStatus.FAILED, patch, Optional.empty(), Map.of(),
          "Brex user is " + st + ", but writing " + field + " to Oomnitza failed: " + e.getMessage()));
    }
  }

  private static Optional<Integer> status(BrexException e) {
    return e instanceof BrexApiException ? Optional.of(((BrexApiException) e).status()) : Optional.empty();
  }

  private static String describe(BrexException e) {
    return e.getMessage();
  }

  private static StepOutcome outcome(String step, StepStatus status, Optional<PlannedRequest> req,
      Optional<Integer> http, Map<String, JsonNode> written, String reason) {
    return new StepOutcome(step, status, req, http, written, Optional.ofNullable(reason));
  }

  /** Planned requests for the report (credentials redacted). */
  private static final class URIs {
    private final java.net.URI base;

    URIs(java.net.URI base) {
      this.base = base;
    }

    PlannedRequest get(String path) {
      return new PlannedRequest("GET", Services.join(base, path), Map.of("Authorization", "Bearer ****"),
          Optional.empty());
    }

    PlannedRequest write(String method, String path, Optional<JsonNode> body) {
      return new PlannedRequest(method, Services.join(base, path),
          Map.of("Authorization", "Bearer ****", "Idempotency-Key", UUID.randomUUID().toString()), body);
    }
  }

  /** Builds an {@link OffboardingWorkflow}. */
  public static final class Builder {
    private WorkflowRunner runner;
    private Filter filter;
    private Target target;
    private RecordFilter localFilter = RecordFilter.none();
    private CardAction cardAction = CardAction.LOCK;
    private ChangeCardReason reason = ChangeCardReason.OTHER;
    private Optional<String> description = Optional.of("Offboarding: the card holder left the company");
    private String brexUserIdField = Presets.BREX_USER_ID;
    private Optional<String> statusField = Optional.of(Presets.BREX_STATUS);

    private Builder() {}

    /**
     * The runner (its Oomnitza client, Brex client and clock are used). Required.
     *
     * @param runner the runner (its Oomnitza client, Brex client and clock are used)
     * @return this builder
     */
    public Builder runner(WorkflowRunner runner) {
      this.runner = Objects.requireNonNull(runner);
      return this;
    }

    /**
     * Who left: an Oomnitza filter, e.g. {@code Filter.eq("suspended", true)}.
     *
     * @param filter who left: an Oomnitza filter, e.g. {@code Filter.eq("suspended", true)}
     * @return this builder
     */
    public Builder filter(Filter filter) {
      this.filter = Objects.requireNonNull(filter);
      return this;
    }

    /**
     * Who left, as any {@link Target} (e.g. one username); instead of {@link #filter}.
     *
     * @param target who left, as any {@link Target} (e.g. one username); instead of {@link #filter}
     * @return this builder
     */
    public Builder target(Target target) {
      this.target = Objects.requireNonNull(target);
      return this;
    }

    /**
     * A further local filter on the Oomnitza records.
     *
     * @param filter a further local filter on the Oomnitza records
     * @return this builder
     */
    public Builder localFilter(RecordFilter filter) {
      this.localFilter = Objects.requireNonNull(filter);
      return this;
    }

    /**
     * Lock (default) or terminate the cards.
     *
     * @param action the action
     * @return this builder
     */
    public Builder cardAction(CardAction action) {
      this.cardAction = Objects.requireNonNull(action);
      return this;
    }

    /**
     * The reason sent with lock / terminate (default OTHER).
     *
     * @param reason the reason sent with lock / terminate (default OTHER)
     * @return this builder
     */
    public Builder reason(ChangeCardReason reason) {
      this.reason = Objects.requireNonNull(reason);
      return this;
    }

    /**
     * The description sent with lock / terminate (empty sends none).
     *
     * @param description the description sent with lock / terminate (empty sends none)
     * @return this builder
     */
    public Builder description(Optional<String> description) {
      this.description = Objects.requireNonNull(description);
      return this;
    }

    /**
     * The Oomnitza field holding the Brex user id (default {@code brex_user_id}).
     *
     * @param field the Oomnitza field holding the Brex user id (default {@code brex_user_id})
     * @return this builder
     */
    public Builder brexUserIdField(String field) {
      this.brexUserIdField = Objects.requireNonNull(field);
      return this;
    }

    /**
     * The Oomnitza field set to DISABLED after deactivation (default {@code brex_status}; empty: none).
     *
     * @param field the Oomnitza field set to DISABLED after deactivation (default {@code
     *     brex_status}; empty: none)
     * @return this builder
     */
    public Builder statusField(Optional<String> field) {
      this.statusField = Objects.requireNonNull(field);
      return this;
    }

    /** {@return the workflow} */
    public OffboardingWorkflow build() {
      return new OffboardingWorkflow(this);
    }
  }
}
